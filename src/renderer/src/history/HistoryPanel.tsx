import { useCallback, useEffect, useState } from 'react'
import type { HistoryEntry, RevisionDiff } from '../../../shared/revisions'
import { ApiError } from '../../../shared/errors'
import { invoke } from '../app/client'
import { flushAll } from '../app/flush'
import { libraryChanged } from '../app/library-events'
import type { StoryPanelProps } from '../story/panel-props'
import { DiffView } from './DiffView'
import { houseDateTime, useHouseDates } from '../library/when'

const REASONS: Record<HistoryEntry['reason'], string> = {
  create: 'Created',
  autosave: 'Autosave',
  edit: 'Edit',
  status: 'Status change',
  import: 'Imported',
  restore: 'Restored',
}

const when = houseDateTime

function change(words: number): string {
  if (words === 0) return '±0 words'
  return `${words > 0 ? '+' : '−'}${Math.abs(words)} ${Math.abs(words) === 1 ? 'word' : 'words'}`
}

function describe(entry: HistoryEntry): string {
  const status = entry.status ? `: ${entry.status[0]!.toUpperCase()}${entry.status.slice(1)}` : ''
  return entry.reason === 'status' || entry.reason === 'create'
    ? `${REASONS[entry.reason]}${status}`
    : REASONS[entry.reason]
}

/**
 * The History panel: every revision with when, why and how many words it changed; the words
 * changed since any of them; and Restore, which saves that revision's words as a new revision.
 */
export function HistoryPanel({ story, reload }: StoryPanelProps) {
  useHouseDates()
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null)
  const [chosen, setChosen] = useState<number | null>(null)
  const [diff, setDiff] = useState<RevisionDiff | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [restoring, setRestoring] = useState(false)

  const refresh = useCallback(() => {
    invoke('story:revisions', { id: story.id })
      .then(({ revisions }) => {
        setEntries(revisions)
        setError(null)
      })
      .catch((e: Error) => setError(`The history could not be read: ${e.message}`))
  }, [story.id])

  useEffect(() => {
    refresh()
    return libraryChanged.on(refresh)
  }, [refresh])

  // The diff is against the current text, so it follows every save too.
  useEffect(() => {
    if (chosen === null) return
    let current = true
    const load = () =>
      invoke('story:revision-diff', { id: story.id, revision: chosen })
        .then((d) => {
          if (current) setDiff(d)
        })
        .catch((e: Error) => {
          if (!current) return
          // An autosave entry chosen a moment ago may have been folded into a newer one.
          if (e instanceof ApiError && e.code === 'not-found') setChosen(null)
          else setError(e.message)
        })
    void load()
    const off = libraryChanged.on(() => void load())
    return () => {
      current = false
      off()
    }
  }, [chosen, story.id])

  const restore = async (revision: number) => {
    setRestoring(true)
    try {
      // What was typed a moment ago is saved first, so the restore is made on top of it (and can be undone).
      await flushAll()
      const latest = await invoke('story:get', { id: story.id })
      await invoke('story:restore', { id: story.id, revision, expectedRevision: latest.revision })
      libraryChanged.emit()
      reload()
    } catch (e) {
      setError(`Revision ${revision} could not be restored: ${(e as Error).message}`)
      setRestoring(false)
    }
  }

  if (!entries) return error ? <p className="panel-error">{error}</p> : <p className="loading">Reading the history…</p>
  const selected = entries.find((e) => e.revision === chosen)
  return (
    <div className="history-panel">
      {error && (
        <p className="panel-error" role="alert">
          {error}
        </p>
      )}
      <ol className="revisions" aria-label="Revisions">
        {entries.map((entry) => (
          <li key={entry.revision}>
            <button
              className={`revision${entry.revision === chosen ? ' chosen' : ''}`}
              aria-pressed={entry.revision === chosen}
              onClick={() => setChosen(entry.revision === chosen ? null : entry.revision)}
            >
              <time dateTime={entry.savedAt}>{when(entry.savedAt)}</time>
              <span className={`revision-reason reason-${entry.reason}`}>{describe(entry)}</span>
              <span className="revision-words">{change(entry.wordChange)}</span>
              {entry.saves > 1 && <span className="revision-saves">{entry.saves} saves</span>}
              {entry.current && <span className="revision-current">current</span>}
            </button>
          </li>
        ))}
      </ol>
      {selected && (
        <section className="revision-detail" aria-label={`Revision ${selected.revision}`}>
          <header>
            <h3>
              Revision {selected.revision}, {when(selected.savedAt)}
            </h3>
            {!selected.current && (
              <button className="primary" disabled={restoring} onClick={() => void restore(selected.revision)}>
                {restoring ? 'Restoring…' : 'Restore this version'}
              </button>
            )}
          </header>
          {diff?.revision === selected.revision ? <DiffView diff={diff} /> : <p className="loading">Comparing…</p>}
        </section>
      )}
    </div>
  )
}
