import { useEffect, useState } from 'react'
import type { SearchHit } from '../../../shared/contract'
import type { StoryId } from '../../../shared/story'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'
import { StoryRow } from './StoryRow'

interface Props {
  query: string
  openId: StoryId | null
  onOpen: (id: StoryId) => void
}

/** Results as the editor types: every word must match, the last may be half typed. */
export function SearchResults({ query, openId, onOpen }: Props) {
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => libraryChanged.on(() => setVersion((v) => v + 1)), [])

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      invoke('story:search', { query, limit: 50 })
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
  }, [query, version])

  if (error) return <p className="list-note error">Search failed: {error}</p>
  if (!hits) return <p className="list-note">Searching…</p>
  if (!hits.length) return <p className="list-note">No story has all of these words.</p>
  return (
    <div className="story-list search-results" role="list" aria-label="Search results">
      {hits.map((hit) => (
        <div role="listitem" key={hit.id}>
          <StoryRow
            story={hit}
            headline={hit.headlineMarked}
            snippet={hit.snippet}
            active={hit.id === openId}
            onOpen={() => onOpen(hit.id)}
          />
        </div>
      ))}
    </div>
  )
}
