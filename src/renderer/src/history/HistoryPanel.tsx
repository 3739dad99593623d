import { useCallback, useEffect, useState } from 'react'
import type { HistoryEntry, RestorePreview, RevisionDiff } from '@shared/revisions'
import { ApiError } from '@shared/errors'
import { invoke } from '../app/client'
import { flushAll } from '../app/flush'
import { libraryChanged } from '../app/library-events'
import type { StoryPanelProps } from '../story/panel-props'
import { ConfirmDialog } from '../app/ConfirmDialog'
import { DiffView } from './DiffView'
import { houseDateTime, useHouseDates } from '../library/when'
import { RestoreSummary } from './RestoreSummary'

const REASONS: Record<HistoryEntry['reason'], string> = {
  create: 'Created',
  autosave: 'Autosave',
  edit: 'Edit',
  status: 'Status change',
  import: 'Imported',
  restore: 'Restored',
  override: 'Overridden',
  kill: 'Killed by the agency',
}

const when = houseDateTime

function change(words: number): string {
  if (words === 0) return '±0 words'
  return `${words > 0 ? '+' : '−'}${Math.abs(words)} ${Math.abs(words) === 1 ? 'word' : 'words'}`
}

function describe(entry: HistoryEntry): string {
  const status = entry.status ? `: ${entry.status[0]!.toUpperCase()}${entry.status.slice(1)}` : ''
  const said =
    entry.reason === 'status' || entry.reason === 'create' ? `${REASONS[entry.reason]}${status}` : REASONS[entry.reason]
  return entry.note ? `${said} (${entry.note})` : said
}

/**
 * The History panel: every revision with when, why and how many words it changed; the words
 * changed since any of them; and Restore, which saves that revision's words as a new revision.
 */
export function HistoryPanel({ story, reload }: StoryPanelProps) {
  useHouseDates()
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null)
  const [chosen, setChosen] = useState<number | null>(null)
  // The later side of the comparison: null for the story as it is now.
  const [against, setAgainst] = useState<number | null>(null)
  const [asking, setAsking] = useState<RestorePreview | null>(null)
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
      invoke('story:revision-diff', { id: story.id, revision: chosen, ...(against !== null ? { against } : {}) })
        .then((d) => {
          if (current) setDiff(d)
        })
        .catch((e: Error) => {
          if (!current) return
          // An autosave entry chosen a moment ago may have been folded into a newer one.
          if (e instanceof ApiError && e.code === 'not-found') {
            setChosen(null)
            setAgainst(null)
          } else setError(e.message)
        })
    void load()
    const off = libraryChanged.on(() => void load())
    return () => {
      current = false
      off()
    }
  }, [chosen, against, story.id])

  /** Say what a restore will do before doing it. What was typed a moment ago is saved first, so the preview is against it. */
  const ask = async (revision: number) => {
    try {
      await flushAll()
      setAsking(await invoke('story:restore-preview', { id: story.id, revision }))
    } catch (e) {
      setError(`Revision ${revision} could not be compared: ${(e as Error).message}`)
    }
  }

  /**
   * Made on top of everything typed, so undoing it brings that back: a picture on its way in is put
   * in place (the flush), the editor closes and saves what it still held, then the restore is made
   * and the story opens again (StoryPane). Made under the open editor, keys typed while the restore
   * was on its way were saved on the revision it replaced, refused, and lost with that editor.
   */
  const restore = async (revision: number) => {
    setRestoring(true)
    await flushAll()
    reload(async () => {
      try {
        const latest = await invoke('story:get', { id: story.id })
        await invoke('story:restore', { id: story.id, revision, expectedRevision: latest.revision })
      } catch (e) {
        throw new Error(`Revision ${revision} could not be restored: ${(e as Error).message}`)
      }
      libraryChanged.emit()
    })
  }

  if (!entries) return error ? <p className="panel-error">{error}</p> : <p className="loading">Reading the history…</p>
  const selected = entries.find((e) => e.revision === chosen)
  const latest = entries[0]
  return (
    <div className="history-panel">
      {error && (
        <p className="panel-error" role="alert">
          {error}
        </p>
      )}
      {latest?.reason === 'restore' && latest.current && (
        // A restore is a revision like any other: undoing it restores the revision it was made on.
        <p className="restore-notice" role="status">
          {latest.note ? `Restored ${latest.note}.` : 'Restored an older revision.'}{' '}
          <button disabled={restoring} onClick={() => void restore(latest.revision - 1)}>
            Undo restore
          </button>
        </p>
      )}
      <ol className="revisions" aria-label="Revisions">
        {entries.map((entry) => (
          <li key={entry.revision}>
            <button
              className={`revision${entry.revision === chosen ? ' chosen' : ''}`}
              aria-pressed={entry.revision === chosen}
              onClick={() => {
                setChosen(entry.revision === chosen ? null : entry.revision)
                setAgainst(null)
              }}
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
              <button className="primary" disabled={restoring} onClick={() => void ask(selected.revision)}>
                {restoring ? 'Restoring…' : 'Restore this version…'}
              </button>
            )}
          </header>
          <label className="compare-with">
            Compare with{' '}
            <select
              value={against ?? ''}
              onChange={(e) => setAgainst(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">The story now</option>
              {entries
                .filter((e) => e.revision !== selected.revision && !e.current)
                .map((e) => (
                  <option key={e.revision} value={e.revision}>
                    Revision {e.revision}, {when(e.savedAt)} ({describe(e)})
                  </option>
                ))}
            </select>
          </label>
          {diff?.revision === selected.revision && diff.against === (against ?? diff.currentRevision) ? (
            <DiffView diff={diff} />
          ) : (
            <p className="loading">Comparing…</p>
          )}
        </section>
      )}
      {asking && (
        <ConfirmDialog
          title={`Restore revision ${asking.revision}?`}
          confirm={`Restore revision ${asking.revision}`}
          busy={restoring}
          onCancel={() => setAsking(null)}
          onConfirm={() => void restore(asking.revision)}
        >
          <RestoreSummary preview={asking} />
        </ConfirmDialog>
      )}
    </div>
  )
}
