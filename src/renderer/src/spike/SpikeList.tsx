import { useCallback, useEffect, useState } from 'react'
import type { SpikedStory } from '@shared/spike'
import type { StoryId } from '@shared/story'
import { ConfirmDialog } from '../app/ConfirmDialog'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'
import { day } from './day'

interface Props {
  openId: StoryId | null
  onOpen: (id: StoryId) => void
  /** A story brought back: the library shows it again. */
  onBroughtBack: (id: StoryId) => void
}

const title = (s: { headline: string }) => s.headline || 'Untitled story'

/**
 * The Spike: stories set aside, newest first, each kept until the house period has passed. Each can
 * be brought back as it was, or purged now (which cannot be undone, and says so first).
 */
export function SpikeList({ openId, onOpen, onBroughtBack }: Props) {
  const [spike, setSpike] = useState<{ days: number; items: SpikedStory[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [purging, setPurging] = useState<SpikedStory | 'all' | null>(null)
  const [said, setSaid] = useState('')

  const refresh = useCallback(() => {
    invoke('spike:list', {})
      .then((s) => (setSpike(s), setError(null)))
      .catch((e: Error) => setError(`The spike could not be read: ${e.message}`))
  }, [])
  useEffect(() => {
    refresh()
    return libraryChanged.on(refresh)
  }, [refresh])

  const bringBack = async (story: SpikedStory) => {
    try {
      await invoke('story:unspike', { id: story.id })
      setSaid(`Brought back “${title(story)}”.`)
      libraryChanged.emit()
      onBroughtBack(story.id)
    } catch (e) {
      setError(`“${title(story)}” could not be brought back: ${(e as Error).message}`)
    }
  }

  const purge = async () => {
    const target = purging
    setPurging(null)
    if (!target) return
    try {
      const { purged } = await invoke('spike:purge', target === 'all' ? { all: true } : { ids: [target.id] })
      setSaid(purged.length === 1 ? `Purged “${title(purged[0]!)}”.` : `Purged ${purged.length} stories.`)
      libraryChanged.emit()
    } catch (e) {
      setError(`Could not purge: ${(e as Error).message}`)
    }
  }

  if (!spike) return error ? <p className="panel-error">{error}</p> : <p className="loading">Reading the spike…</p>
  return (
    <section className="spike" aria-label="Spike">
      <p className="spike-help">
        Spiked stories are out of the list and search. Each is kept {spike.days} days, then purged; bring one back at
        any time before.
      </p>
      {error && (
        <p className="panel-error" role="alert">
          {error}
        </p>
      )}
      <p className="spike-live" role="status">
        {said}
      </p>
      {spike.items.length === 0 ? (
        <p className="spike-empty">The spike is empty.</p>
      ) : (
        <>
          <ul className="spike-list" aria-label="Spiked stories">
            {spike.items.map((story) => (
              <li key={story.id} className={`spike-row${story.id === openId ? ' active' : ''}`}>
                <button className="spike-open" onClick={() => onOpen(story.id)} data-story-id={story.id}>
                  <span className="row-headline">{title(story)}</span>
                  <span className="row-meta">
                    <span className={`status status-${story.status}`}>{story.status}</span>
                    <span>
                      spiked {day(story.spikedAt)}, purged from {day(story.purgeAfter)}
                    </span>
                  </span>
                </button>
                <span className="spike-actions">
                  <button onClick={() => void bringBack(story)} aria-label={`Bring back “${title(story)}”`}>
                    Bring back
                  </button>
                  <button onClick={() => setPurging(story)} aria-label={`Purge now… “${title(story)}”`}>
                    Purge now…
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {spike.items.length > 1 && (
            <button className="spike-purge-all" onClick={() => setPurging('all')}>
              Purge all {spike.items.length} now…
            </button>
          )}
        </>
      )}
      {purging && (
        <ConfirmDialog
          title={purging === 'all' ? `Purge all ${spike.items.length} spiked stories?` : `Purge “${title(purging)}”?`}
          confirm={purging === 'all' ? 'Purge all' : 'Purge story'}
          onCancel={() => setPurging(null)}
          onConfirm={() => void purge()}
        >
          <p>
            {purging === 'all' ? 'Every story on the spike is' : 'The story is'} deleted for good, with its history.
            This cannot be undone: Bring back is the way to keep a story.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
