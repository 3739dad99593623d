import { useCallback, useEffect, useRef, useState } from 'react'
import type { SearchHit } from '@shared/contract'
import type { StoryId, StoryStatus } from '@shared/story'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'
import { StoryRow } from './StoryRow'
import { useRovingRows } from './useRovingRows'
import { useHouseDates } from './when'

interface Props {
  query: string
  status?: StoryStatus
  openId: StoryId | null
  onOpen: (id: StoryId) => void
}

/** Results as the editor types: every word must match, the last may be half typed. */
const LIMIT = 50

export function SearchResults({ query, status, openId, onOpen }: Props) {
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => libraryChanged.on(() => setVersion((v) => v + 1)), [])
  useHouseDates()
  const list = useRef<HTMLDivElement>(null)
  const textAt = useCallback((index: number) => hits?.[index]?.headline, [hits])
  const roving = useRovingRows({ count: hits?.length ?? 0, textAt, container: list, rowHeight: 80 })

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      invoke('story:search', { query, limit: LIMIT, ...(status ? { status } : {}) })
        .then(({ items }) => {
          if (!current) return
          setHits(items)
          setError(null)
        })
        .catch((e: Error) => current && setError(e.message))
    }, 80)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, status, version])

  if (error) return <p className="list-note error">Search failed: {error}</p>
  if (!hits) return <p className="list-note">Searching…</p>
  const within = status ? ` marked ${status}` : ''
  if (!hits.length) return <p className="list-note">No story{within} has all of these words.</p>
  return (
    <>
      <p className="search-count" aria-live="polite">
        {hits.length === LIMIT
          ? `The best ${LIMIT} stories${within}`
          : `${hits.length} ${hits.length === 1 ? 'story' : 'stories'}${within}`}{' '}
        found
      </p>
      <div
        className="story-list search-results"
        ref={list}
        id="library-list"
        role="grid"
        aria-label="Search results"
        aria-rowcount={hits.length}
        aria-colcount={1}
      >
        {hits.map((hit, index) => (
          <div role="row" key={hit.id} data-row={index} aria-rowindex={index + 1}>
            <div role="gridcell" className="story-cell">
              <StoryRow
                story={hit}
                headline={hit.headlineMarked}
                snippet={hit.snippet}
                active={hit.id === openId}
                onOpen={() => onOpen(hit.id)}
                {...roving.rowProps(index)}
              />
            </div>
          </div>
        ))}
      </div>
    </>
  )
}
