import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_WIRE_FILE_BYTES, type WireImportResult } from '@shared/wire'
import type { StoryId } from '@shared/story'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'
import { wireImportRequested } from './events'
import { fileToBase64, isPictureFile } from './read-file'
import { LiveRegion } from '../app/LiveRegion'
import { useDialogFocus } from '../app/useDialogFocus'

interface Batch {
  total: number
  done: number
  current: string
  results: WireImportResult[]
  finished: boolean
}

/** Files sent to main in one call: stored in one transaction, while the progress bar still moves often. */
const BATCH_FILES = 25
/** Bytes of wire copy in one call (far inside main's 64 MB): a few seconds of reading at most. */
const BATCH_BYTES = 8 * 1024 * 1024

function tooBig(file: File): WireImportResult | null {
  if (file.size <= MAX_WIRE_FILE_BYTES) return null
  const size = (file.size / (1024 * 1024)).toFixed(1)
  return {
    file: file.name,
    ok: false,
    error: `the file is ${size} MB; wire files over 20.0 MB are refused (wire copy is a few kilobytes: is this the right file?)`,
  }
}

/** The files in the batches they are sent in; a file too big for import is a batch of its own (refused here). */
function batchesOf(files: File[]): File[][] {
  const batches: File[][] = []
  let batch: File[] = []
  let bytes = 0
  for (const file of files) {
    if (tooBig(file)) {
      if (batch.length) batches.push(batch)
      batches.push([file])
      batch = []
      bytes = 0
      continue
    }
    if (batch.length === BATCH_FILES || bytes + file.size > BATCH_BYTES) {
      batches.push(batch)
      batch = []
      bytes = 0
    }
    batch.push(file)
    bytes += file.size
  }
  if (batch.length) batches.push(batch)
  return batches
}

/** A batch of files through main in one call; anything that goes wrong becomes each file's failure, never the whole import's. */
async function importBatch(files: File[]): Promise<WireImportResult[]> {
  const refused = files.length === 1 ? tooBig(files[0]!) : null
  if (refused) return [refused]
  try {
    const data = await Promise.all(files.map(fileToBase64))
    const { results } = await invoke('wire:import', {
      files: files.map((file, i) => ({ name: file.name || 'untitled', data: data[i]! })),
    })
    return results
  } catch (error) {
    return files.map((file) => ({ file: file.name, ok: false, error: (error as Error).message }))
  }
}

/** What the import says to a screen reader now: coarse steps, so a batch of 200 files is not read out 200 times. */
function importMessage(batch: Batch, imported: number, failed: number): string {
  if (batch.finished) return `Import finished: ${imported} imported${failed ? `, ${failed} failed` : ''}.`
  const quarter = Math.floor((batch.done / batch.total) * 4)
  if (batch.total < 8 || quarter === 0) return `Importing ${batch.total} ${batch.total === 1 ? 'file' : 'files'}…`
  return `Imported ${Math.round((quarter / 4) * 100)} percent of ${batch.total} files…`
}

/**
 * Wire import in the window: the hidden file chooser behind "Import wire copy…", files dropped
 * anywhere on the window (pictures excepted: they go to the picture feature), a progress bar that
 * moves batch by batch (up to BATCH_FILES files a call, one transaction each in main), and the report at the end: what was imported, each opening
 * its story, and what failed and why.
 */
export function WireImportHost({ onOpen }: { onOpen: (id: StoryId) => void }) {
  const input = useRef<HTMLInputElement>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const [batch, setBatch] = useState<Batch | null>(null)
  const [dragging, setDragging] = useState(false)
  const running = useRef(false)
  useDialogFocus(dialog, batch !== null)

  const run = useCallback(async (files: File[]) => {
    if (!files.length || running.current) return
    running.current = true
    setBatch({ total: files.length, done: 0, current: files[0]!.name, results: [], finished: false })
    let done = 0
    for (const group of batchesOf(files)) {
      setBatch((b) => b && { ...b, current: group[0]!.name })
      const results = await importBatch(group)
      done += group.length
      setBatch((b) => b && { ...b, done, results: [...b.results, ...results] })
      if (results.some((r) => r.ok)) libraryChanged.emit()
    }
    setBatch((b) => b && { ...b, finished: true })
    running.current = false
  }, [])

  useEffect(() => wireImportRequested.on(() => input.current?.click()), [])

  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return
      // Allow the drop (and stop the browser opening the file in the window).
      event.preventDefault()
      setDragging(true)
    }
    const leave = (event: DragEvent) => {
      if (!event.relatedTarget) setDragging(false)
    }
    const drop = (event: DragEvent) => {
      setDragging(false)
      const files = [...(event.dataTransfer?.files ?? [])]
      const wire = files.filter((f) => !isPictureFile(f))
      if (wire.length) {
        // Caught before the editor sees it: copy dropped on the body is imported, not pasted in.
        event.preventDefault()
        event.stopPropagation()
        void run(wire)
      } else if (files.length && !event.defaultPrevented) {
        event.preventDefault()
      }
    }
    window.addEventListener('dragover', over, true)
    window.addEventListener('dragleave', leave, true)
    window.addEventListener('drop', drop, true)
    return () => {
      window.removeEventListener('dragover', over, true)
      window.removeEventListener('dragleave', leave, true)
      window.removeEventListener('drop', drop, true)
    }
  }, [run])

  useEffect(() => {
    const element = dialog.current
    if (batch && element && !element.open) element.showModal()
    if (!batch && element?.open) element.close()
  }, [batch])

  const close = () => {
    if (batch?.finished) setBatch(null)
  }
  const imported = batch?.results.filter((r) => r.ok) ?? []
  const failed = batch?.results.filter((r) => !r.ok) ?? []

  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Wire files to import"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])]
          event.target.value = ''
          void run(files)
        }}
      />
      {dragging && !batch && (
        <div className="wire-drop" aria-hidden="true">
          <p>Drop wire copy to import it</p>
        </div>
      )}
      <dialog
        ref={dialog}
        className="wire-import"
        aria-labelledby="wire-import-title"
        onCancel={(event) => {
          event.preventDefault()
          close()
        }}
      >
        {batch && (
          <>
            <h2 id="wire-import-title">
              {batch.finished
                ? `Imported ${imported.length} ${imported.length === 1 ? 'story' : 'stories'}${failed.length ? `, ${failed.length} failed` : ''}`
                : 'Importing wire copy…'}
            </h2>
            {/* Said at the start, at each quarter of a long batch, and at the end: never file by file. */}
            <LiveRegion message={importMessage(batch, imported.length, failed.length)} settle={300} />
            {!batch.finished && (
              <p className="wire-progress">
                <progress aria-label="Import progress" value={batch.done} max={batch.total} />
                <span>
                  {batch.done} of {batch.total} · {batch.current}
                </span>
              </p>
            )}
            {batch.finished && imported.length > 0 && (
              <section aria-label="Imported">
                <h3>Imported</h3>
                <ul className="wire-imported">
                  {imported.map((r) => (
                    <li key={r.id}>
                      <button
                        onClick={() => {
                          setBatch(null)
                          onOpen(r.id!)
                        }}
                      >
                        {r.headline || 'Untitled story'}
                      </button>
                      <span className="wire-meta">
                        {r.file} · {r.formatLabel ?? r.format}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {batch.finished && failed.length > 0 && (
              <section aria-label="Failed">
                <h3>Failed</h3>
                <ul className="wire-failed">
                  {failed.map((r, i) => (
                    <li key={`${r.file}:${i}`}>
                      <strong>{r.file}</strong>: {r.error}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {batch.finished && (
              <p className="wire-actions">
                <button className="primary" onClick={close} autoFocus>
                  Close
                </button>
              </p>
            )}
          </>
        )}
      </dialog>
    </>
  )
}
