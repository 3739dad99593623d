import { useState } from 'react'
import { isAbsolutePath, type ExportFormat, type ExportResult } from '@shared/export'
import type { StoryId } from '@shared/story'
import { invoke } from '../app/client'
import { flushAll } from '../app/flush'
import { houseStyleRequested } from './events'
import { Modal } from './Modal'
import { runExport, type ExportChoice } from './run-export'
import { PreflightList } from '../preflight/PreflightList'
import { usePreflight } from '../preflight/usePreflight'

const FOLDER_KEY = 'copydesk.export.folder'

function rememberedFolder(): string {
  try {
    return localStorage.getItem(FOLDER_KEY) ?? ''
  } catch {
    return ''
  }
}

interface Props {
  openId: StoryId | null
  onClose: () => void
  /** Stories this export marked published: the library list and the open story load them afresh. */
  onPublished: (ids: StoryId[]) => void
}

interface Outcome {
  outDir: string
  results: ExportResult[]
}

/**
 * File > Export HTML…: the open story or the whole library, as web pages or ninjs, each in a
 * folder with its pictures or as one self-contained file, optionally marked published.
 */
export function ExportDialog({ openId, onClose, onPublished }: Props) {
  const [choice, setChoice] = useState<ExportChoice>({
    scope: openId !== null ? 'story' : 'library',
    storyId: openId,
    outDir: rememberedFolder(),
    format: 'html',
    singleFile: false,
    markPublished: false,
  })
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const running = progress !== null && outcome === null && error === null
  // The open story's preflight, shown before it is exported (the whole library: each held story is named after).
  const preflight = usePreflight(choice.scope === 'story' ? openId : null)
  const held = choice.scope === 'story' && (preflight.items ?? []).some((i) => i.level === 'blocking')

  const set = <K extends keyof ExportChoice>(key: K, value: ExportChoice[K]) =>
    setChoice((c) => ({ ...c, [key]: value }))

  const chooseFolder = async () => {
    try {
      const { path } = await invoke('dialog:choose-folder', { title: 'Export to folder' })
      if (path) set('outDir', path)
    } catch {
      setNote('Type the full path of the folder to export to.')
    }
  }

  const start = async () => {
    const outDir = choice.outDir.trim()
    if (!isAbsolutePath(outDir)) {
      setError('Choose a folder to export to: its full path, such as /home/desk/export.')
      return
    }
    setError(null)
    setOutcome(null)
    try {
      localStorage.setItem(FOLDER_KEY, outDir)
    } catch {
      // Not remembering the folder is no reason not to export.
    }
    try {
      // What is typed is saved first, so the export has it.
      await flushAll()
      const done = await runExport({ ...choice, outDir }, (d, total) => setProgress({ done: d, total }))
      setOutcome(done)
      const published = done.results.filter((r) => r.published).map((r) => r.id)
      if (published.length) onPublished(published)
    } catch (e) {
      setError(`The export stopped: ${(e as Error).message}`)
    }
  }

  const failed = outcome?.results.filter((r) => !r.ok) ?? []
  const written = outcome?.results.filter((r) => r.ok) ?? []
  const warned = written.filter((r) => r.warnings.length)

  return (
    <Modal title="Export" titleId="export-title" onClose={() => !running && onClose()} className="export-dialog">
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault()
          void start()
        }}
      >
        <fieldset disabled={running}>
          <legend>Stories</legend>
          <label>
            <input
              type="radio"
              name="export-scope"
              checked={choice.scope === 'story'}
              disabled={openId === null}
              onChange={() => set('scope', 'story')}
            />
            The open story
          </label>
          <label>
            <input
              type="radio"
              name="export-scope"
              checked={choice.scope === 'library'}
              onChange={() => set('scope', 'library')}
            />
            The whole library
          </label>
        </fieldset>
        <fieldset disabled={running}>
          <legend>Format</legend>
          {(
            [
              ['html', 'Web page (HTML)'],
              ['ninjs', 'ninjs 2.0 (JSON for syndication)'],
            ] as [ExportFormat, string][]
          ).map(([format, label]) => (
            <label key={format}>
              <input
                type="radio"
                name="export-format"
                checked={choice.format === format}
                onChange={() => set('format', format)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={running}>
          <legend>Pictures</legend>
          <label>
            <input
              type="radio"
              name="export-layout"
              checked={!choice.singleFile}
              onChange={() => set('singleFile', false)}
            />
            A folder for each story, pictures as files
          </label>
          <label>
            <input
              type="radio"
              name="export-layout"
              checked={choice.singleFile}
              onChange={() => set('singleFile', true)}
            />
            One self-contained file for each story
          </label>
        </fieldset>
        <div className="export-folder">
          <label>
            Export folder
            <input
              value={choice.outDir}
              placeholder="No folder chosen: Choose…, or type a full path"
              disabled={running}
              onChange={(e) => set('outDir', e.target.value)}
            />
          </label>
          <button type="button" disabled={running} onClick={() => void chooseFolder()}>
            Choose…
          </button>
        </div>
        {note && <p className="export-note">{note}</p>}
        {choice.scope === 'story' && preflight.items && (
          <PreflightList items={preflight.items} onOverride={(override) => set('override', override)} />
        )}
        {choice.scope === 'story' && preflight.error && (
          <p className="banner banner-error" role="alert">
            The preflight could not run: {preflight.error}
          </p>
        )}
        <label className="export-publish">
          <input
            type="checkbox"
            checked={choice.markPublished}
            disabled={running}
            onChange={(e) => set('markPublished', e.target.checked)}
          />
          Mark as published (sets the status and stamps the publication time)
        </label>
        {progress && (
          <div className="export-progress">
            <progress aria-label="Export progress" value={progress.done} max={Math.max(progress.total, 1)} />
            <span>
              {progress.done} of {progress.total}
            </span>
          </div>
        )}
        {error && (
          <p className="banner banner-error" role="alert">
            {error}
          </p>
        )}
        {outcome && (
          <section className="export-report" aria-label="Export report" role="status">
            <p>
              {written.length} of {outcome.results.length} {outcome.results.length === 1 ? 'story' : 'stories'} exported
              to <code>{outcome.outDir}</code>
            </p>
            {written.length === 1 && written[0]!.file && (
              <p>
                Written: <code className="export-file">{written[0]!.file}</code>
              </p>
            )}
            {failed.length > 0 && (
              <ul className="export-failures" aria-label="Not exported">
                {failed.map((r) => (
                  <li key={r.id}>
                    {r.headline || `Story ${r.id}`}: {r.error}
                  </li>
                ))}
              </ul>
            )}
            {warned.length > 0 && (
              <ul className="export-warnings" aria-label="Worth a look">
                {warned.map((r) => (
                  <li key={r.id}>
                    {r.headline || `Story ${r.id}`}: {r.warnings.join('; ')}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => houseStyleRequested.emit()} disabled={running}>
            House style…
          </button>
          <button type="button" onClick={onClose} disabled={running}>
            Close
          </button>
          <button type="submit" className="primary" disabled={running || (held && !choice.override)}>
            {held ? 'Export anyway' : 'Export'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
