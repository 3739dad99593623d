import { useState } from 'react'
import type { Story, StoryId } from '@shared/story'
import { ConfirmDialog } from '../app/ConfirmDialog'
import { invoke } from '../app/client'
import { flushAll } from '../app/flush'
import { libraryChanged } from '../app/library-events'

export interface StoryActionsProps {
  story: Pick<Story, 'id'>
  headline: string
  /** The story went to the spike: the desk closes it and offers Undo. */
  onSpiked: (id: StoryId, headline: string) => void
  /** A copy was made: the desk opens it. */
  onDuplicated: (id: StoryId) => void
}

/** Duplicate and Spike, above the story. Spiking says first what it does and is undone from the banner or the Spike. */
export function StoryActions({ story, headline, onSpiked, onDuplicated }: StoryActionsProps) {
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [days, setDays] = useState<number | null>(null)
  const title = headline.trim() || 'Untitled story'

  const ask = () => {
    setAsking(true)
    invoke('spike:list', {})
      .then((s) => setDays(s.days))
      .catch(() => setDays(null))
  }
  const spike = async () => {
    try {
      await flushAll()
      await invoke('story:spike', { id: story.id })
      libraryChanged.emit()
      onSpiked(story.id, title)
    } catch (e) {
      setError(`The story could not be spiked: ${(e as Error).message}`)
    } finally {
      setAsking(false)
    }
  }
  const duplicate = async () => {
    try {
      await flushAll()
      const copy = await invoke('story:duplicate', { id: story.id })
      libraryChanged.emit()
      onDuplicated(copy.id)
    } catch (e) {
      setError(`The story could not be copied: ${(e as Error).message}`)
    }
  }
  return (
    <span className="story-actions">
      <button
        onClick={() => void duplicate()}
        title="A new draft with this story's words, pictures and related stories"
      >
        Duplicate
      </button>
      <button onClick={ask}>Spike…</button>
      {error && (
        <span className="panel-error" role="alert">
          {error}
        </span>
      )}
      {asking && (
        <ConfirmDialog
          title={`Spike “${title}”?`}
          confirm="Spike story"
          onCancel={() => setAsking(false)}
          onConfirm={() => void spike()}
        >
          <p>
            The story leaves the library list and search and goes to the Spike, as it is now, with its history. It is
            kept there {days ?? 30} days, then purged; until then Bring back (or Undo, straight after) returns it.
          </p>
        </ConfirmDialog>
      )}
    </span>
  )
}
