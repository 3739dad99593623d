import { useEffect, useState } from 'react'
import type { WireOriginal } from '@shared/wire'
import { invoke } from '../app/client'
import type { StoryPanelProps } from '../story/panel-props'

const kilobytes = (n: number) => (n < 1024 ? `${n} bytes` : `${(n / 1024).toFixed(1)} KB`)

/**
 * The wire copy the story was imported from, beside the story as the editor changes it: the
 * agency's words as sent (control characters shown as ␁ ␂ ␃), and the notes to editors that were
 * kept out of the story.
 */
export function OriginalPanel({ story }: StoryPanelProps) {
  const [original, setOriginal] = useState<WireOriginal | null>(null)
  const [error, setError] = useState<string | null>(null)
  const imported = story.source !== null

  useEffect(() => {
    if (!imported) return
    let current = true
    invoke('story:original', { id: story.id })
      .then((o) => current && setOriginal(o))
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [story.id, imported])

  if (!imported) return <p className="panel-empty">This story was written here, not imported from wire copy.</p>
  if (error) return <p role="alert">The original could not be read: {error}</p>
  if (!original) return <p className="loading">Reading the original…</p>
  return (
    <div className="original">
      <p className="original-meta">
        {original.fileName} · {original.format} · {original.encoding} · {kilobytes(original.size)}
      </p>
      {original.notes.length > 0 && (
        <section aria-label="Notes to editors" className="original-notes">
          <h3>Notes to editors (not in the story)</h3>
          <ul>
            {original.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </section>
      )}
      <pre className="original-text" aria-label="Original copy" tabIndex={0}>
        {original.text}
      </pre>
    </div>
  )
}
