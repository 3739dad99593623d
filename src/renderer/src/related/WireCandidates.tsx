import { useEffect, useState } from 'react'
import type { SearchHit } from '@shared/contract'
import type { RelatedEntry, StoryId } from '@shared/story'
import { invoke } from '../app/client'
import { Marked } from '../library/Marked'

interface Props {
  headline: string
  storyId: StoryId
  taken: readonly RelatedEntry[]
  onLink: (hit: SearchHit) => void
}

/** Library stories that could be the one a wire headline means: one click links it. */
export function WireCandidates({ headline, storyId, taken, onLink }: Props) {
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    invoke('related:match', { headline, excludeId: storyId, limit: 3 })
      .then(({ items }) => current && setHits(items))
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [headline, storyId])

  if (error) return <p className="related-note error">Could not look for matches: {error}</p>
  if (!hits) return null
  const linked = new Set(taken.flatMap((entry) => (entry.storyId === undefined ? [] : [entry.storyId])))
  const offered = hits.filter((hit) => !linked.has(hit.id))
  if (!offered.length) return <p className="related-note">No story in the library matches this headline.</p>
  return (
    <ul className="related-candidates" aria-label={`Library stories matching “${headline}”`}>
      {offered.map((hit) => (
        <li key={hit.id}>
          <span className="related-candidate-headline">
            <Marked text={hit.headlineMarked} />
          </span>
          <span className={`status status-${hit.status}`}>{hit.status}</span>
          <button type="button" onClick={() => onLink(hit)} aria-label={`Link to “${hit.headline}”`}>
            Link
          </button>
        </li>
      ))}
    </ul>
  )
}
