import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Library } from '../library'
import { call } from '../api'
import { assertWireSize } from '../wire/limits'
import type { WireImportResult } from '../../shared/wire'
import { ApiError } from '../../shared/errors'
import { IMPORT_CHUNK } from '../library/wire-copy'

interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** Read one file as the api wants it, or say why it cannot be read. */
function readWireFile(path: string): { data: string } | { error: string } {
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) return { error: 'is a folder, not a file' }
    assertWireSize(stat.size)
    return { data: readFileSync(path).toString('base64') }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { error: 'there is no such file' }
    if (code === 'EACCES') return { error: 'it cannot be read (permission denied)' }
    return { error: (error as Error).message }
  }
}

/** Files sent in one api call: one transaction for all of them (a bad file still fails alone). */
const BATCH_FILES = IMPORT_CHUNK
/** Bytes of wire copy in one call, well inside the api's limit (MAX_WIRE_BATCH_BYTES). */
const BATCH_BYTES = 32 * 1024 * 1024

interface Batch {
  paths: string[]
  files: { name: string; data: string }[]
  bytes: number
}

/**
 * `copydesk import FILE... [--json]`: the files through the same api call the app makes, in batches
 * (one transaction each; a bad file is reported and the rest still import). Exit 0 when every file
 * imported, 1 when any failed (each named on stderr).
 */
export async function runImport(library: Library, paths: string[], json: boolean, io: Io): Promise<number> {
  const results: WireImportResult[] = []
  const send = async (batch: Batch) => {
    if (!batch.files.length) return
    try {
      const { results: made } = await call(library, 'wire:import', { files: batch.files })
      // Each result named by the path the editor gave (no two files in a batch share a name).
      const pathOf = new Map(batch.files.map((file, i) => [file.name, batch.paths[i]!]))
      for (const r of made) results.push({ ...r, file: pathOf.get(r.file) ?? r.file })
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error)
      for (const path of batch.paths) results.push({ file: path, ok: false, error: message })
    }
  }
  let batch: Batch = { paths: [], files: [], bytes: 0 }
  for (const path of paths) {
    const read = readWireFile(path)
    if ('error' in read) {
      await send(batch)
      batch = { paths: [], files: [], bytes: 0 }
      results.push({ file: path, ok: false, error: read.error })
      continue
    }
    const name = basename(path)
    if (
      batch.files.length === BATCH_FILES ||
      batch.bytes + read.data.length > BATCH_BYTES ||
      batch.files.some((file) => file.name === name)
    ) {
      await send(batch)
      batch = { paths: [], files: [], bytes: 0 }
    }
    batch.paths.push(path)
    batch.files.push({ name, data: read.data })
    batch.bytes += read.data.length
  }
  await send(batch)
  const failures = results.filter((r) => !r.ok)
  for (const failure of failures) io.stderr(`copydesk: ${failure.file}: ${failure.error}\n`)
  if (json) io.stdout(JSON.stringify(results, null, 2) + '\n')
  else {
    for (const r of results.filter((r) => r.ok))
      io.stdout(`imported ${r.file} -> story ${r.id} (${r.format}): ${r.headline || '(no headline)'}\n`)
    const made = results.length - failures.length
    io.stdout(
      `${made} ${made === 1 ? 'story' : 'stories'} imported${failures.length ? `, ${failures.length} ${failures.length === 1 ? 'file' : 'files'} failed` : ''}\n`,
    )
  }
  return failures.length ? 1 : 0
}
