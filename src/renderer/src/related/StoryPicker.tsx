import type { SearchHit } from '@shared/contract'
import type { StoryId } from '@shared/story'
import { Marked } from '../library/Marked'
import { lastEdited, useHouseDates } from '../library/when'

interface Props {
  label: string
  hits: SearchHit[]
  /** The story being edited and those already related: shown, but not offered again. */
  storyId: StoryId
  linked: ReadonlySet<number>
  onAdd: (hit: SearchHit) => void
}

/** Library stories to add as related: matched words marked, status and date, an Add button each. */
export function StoryPicker({ label, hits, storyId, linked, onAdd }: Props) {
  useHouseDates()
  return (
    <ul className="related-picker" aria-label={label}>
      {hits.map((hit) => {
        const self = hit.id === storyId
        const added = linked.has(hit.id)
        return (
          <li key={hit.id}>
            <span className="related-picker-headline">
              <Marked text={hit.headlineMarked} />
            </span>
            <span className="related-meta">
              <span className={`status status-${hit.status}`}>{hit.status}</span>
              <time dateTime={hit.updatedAt}>{lastEdited(hit.updatedAt)}</time>
            </span>
            <button
              type="button"
              disabled={self || added}
              aria-label={
                self ? 'This story' : added ? `“${hit.headline}” is already related` : `Add “${hit.headline}”`
              }
              onClick={() => onAdd(hit)}
            >
              {self ? 'This story' : added ? 'Added' : 'Add'}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
