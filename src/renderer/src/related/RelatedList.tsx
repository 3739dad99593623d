import { useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react'
import { relatedKind, type RelatedLookupItem } from '@shared/related'
import type { RelatedEntry, StoryId } from '@shared/story'
import { entryDate } from './dates'
import { IconButton } from '../app/IconButton'
import { useHouseDates } from '../library/when'
import { entryKeys, moveEntry } from './order'
import { WireCandidates } from './WireCandidates'

interface Props {
  storyId: StoryId
  entries: RelatedEntry[]
  lookup: Map<number, RelatedLookupItem>
  onChange: (entries: RelatedEntry[]) => void
  announce: (message: string) => void
}

/** The headline an entry shows: a linked story's current headline, else the one stored with it. */
function titleOf(entry: RelatedEntry, lookup: Map<number, RelatedLookupItem>): string {
  const found = entry.storyId !== undefined ? lookup.get(entry.storyId) : undefined
  return (found?.found && found.headline) || entry.headline || 'Untitled story'
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

/**
 * The related stories in the order readers see them. Reorder by dragging, or from the keyboard:
 * focus an entry and press Alt+ArrowUp / Alt+ArrowDown (announced to screen readers).
 */
export function RelatedList({ storyId, entries, lookup, onChange, announce }: Props) {
  const items = useRef<(HTMLLIElement | null)[]>([])
  const focusAfterMove = useRef<number | null>(null)
  const [dragging, setDragging] = useState<number | null>(null)
  const [over, setOver] = useState<number | null>(null)
  const keys = entryKeys(entries)

  // The moved entry keeps the keyboard focus, so Alt+ArrowDown can be pressed again and again.
  useLayoutEffect(() => {
    if (focusAfterMove.current === null) return
    items.current[focusAfterMove.current]?.focus()
    focusAfterMove.current = null
  }, [entries])

  const move = (from: number, to: number, how: 'keyboard' | 'drag') => {
    if (to === from || to < 0 || to >= entries.length) return
    const title = titleOf(entries[from]!, lookup)
    if (how === 'keyboard') focusAfterMove.current = to
    onChange(moveEntry(entries, from, to))
    announce(`Moved “${title}” to position ${to + 1} of ${entries.length}.`)
  }

  const remove = (index: number) => {
    const title = titleOf(entries[index]!, lookup)
    onChange(entries.filter((_, i) => i !== index))
    announce(`Removed “${title}” from related stories.`)
    // Focus stays in the list: on the entry that took its place, or the one before it.
    focusAfterMove.current = Math.min(index, entries.length - 2)
    if (focusAfterMove.current < 0) focusAfterMove.current = null
  }

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget || !event.altKey) return
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    event.preventDefault()
    const to = index + (event.key === 'ArrowUp' ? -1 : 1)
    if (to < 0 || to >= entries.length) {
      announce(`“${titleOf(entries[index]!, lookup)}” is already ${to < 0 ? 'first' : 'last'}.`)
      return
    }
    move(index, to, 'keyboard')
  }

  const dragProps = (index: number) => ({
    draggable: true,
    onDragStart: (event: DragEvent<HTMLLIElement>) => {
      event.dataTransfer.effectAllowed = 'move'
      event.dataTransfer.setData('text/plain', titleOf(entries[index]!, lookup))
      setDragging(index)
    },
    onDragOver: (event: DragEvent<HTMLLIElement>) => {
      if (dragging === null) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'move'
      if (over !== index) setOver(index)
    },
    onDrop: (event: DragEvent<HTMLLIElement>) => {
      if (dragging === null) return
      event.preventDefault()
      move(dragging, index, 'drag')
      setDragging(null)
      setOver(null)
    },
    onDragEnd: () => {
      setDragging(null)
      setOver(null)
    },
  })

  if (!entries.length) {
    return <p className="related-empty">No related stories yet. Search the library below, or add a link.</p>
  }

  return (
    <ol className="related-list" aria-label="Related stories" aria-describedby="related-order-help">
      {entries.map((entry, index) => {
        const kind = relatedKind(entry)
        const title = titleOf(entry, lookup)
        const found = entry.storyId !== undefined ? lookup.get(entry.storyId) : undefined
        const classes = ['related-entry', `related-${kind}`]
        if (dragging === index) classes.push('dragging')
        if (over === index && dragging !== index) classes.push(dragging! < index ? 'drop-after' : 'drop-before')
        return (
          <li
            key={keys[index]}
            ref={(node) => {
              items.current[index] = node
            }}
            className={classes.join(' ')}
            tabIndex={0}
            aria-label={`${index + 1} of ${entries.length}: ${title}`}
            data-related-kind={kind}
            onKeyDown={(event) => onKeyDown(event, index)}
            {...dragProps(index)}
          >
            <span className="related-grip" aria-hidden="true">
              ⠿
            </span>
            <div className="related-body">
              <span className="related-headline">{title}</span>
              <span className="related-meta">
                {kind === 'story' && found?.found === false && (
                  <span className="related-warning">Deleted: no longer in the library</span>
                )}
                {kind === 'story' && found?.found && (
                  <>
                    <span className={`status status-${found.status}`}>{found.status}</span>
                    {found.unpublished && <span className="related-warning">Unpublished</span>}
                    <EntryDate date={found.date} updatedAt={found.updatedAt} />
                  </>
                )}
                {kind === 'link' && (
                  <a href={entry.url} target="_blank" rel="noreferrer noopener" className="related-host">
                    {hostOf(entry.url!)}
                  </a>
                )}
                {kind === 'unresolved' && <span className="related-note">From the wire: not linked yet</span>}
              </span>
              {kind === 'unresolved' && (
                <WireCandidates
                  headline={entry.headline}
                  storyId={storyId}
                  taken={entries}
                  onLink={(hit) => {
                    onChange(entries.map((e, i) => (i === index ? { headline: hit.headline, storyId: hit.id } : e)))
                    announce(`Linked “${entry.headline}” to the library story “${hit.headline}”.`)
                  }}
                />
              )}
            </div>
            {kind === 'unresolved' ? (
              <button
                type="button"
                className="related-remove"
                aria-label={`Drop “${title}”`}
                title="Drop this headline"
                onClick={() => remove(index)}
              >
                Drop
              </button>
            ) : (
              <IconButton
                className="related-remove"
                icon="×"
                label={`Remove “${title}”`}
                title="Remove from related"
                onClick={() => remove(index)}
              />
            )}
          </li>
        )
      })}
    </ol>
  )
}

function EntryDate({ date, updatedAt }: { date: string | null; updatedAt: string }) {
  useHouseDates()
  const shown = entryDate(date, updatedAt)
  return <time dateTime={shown.dateTime}>{shown.text}</time>
}
