import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Library } from '../library'
import { call } from '../api'
import { assertWireSize } from '../wire/limits'
import type { WireImportResult } from '../../shared/wire'
import { ApiError } from '../../shared/errors'

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

/**
 * `copydesk import FILE... [--json]`: each file through the same api call the app makes, one at a
 * time, so a bad file is reported and the rest still import. Exit 0 when every file imported, 1 when
 * any failed (each named on stderr).
 */
export function runImport(library: Library, paths: string[], json: boolean, io: Io): number {
  const results: WireImportResult[] = []
  for (const path of paths) {
    const read = readWireFile(path)
    if ('error' in read) {
      results.push({ file: path, ok: false, error: read.error })
      continue
    }
    try {
      const { results: made } = call(library, 'wire:import', { files: [{ name: basename(path), data: read.data }] })
      results.push(...made.map((r) => ({ ...r, file: path })))
    } catch (error) {
      results.push({ file: path, ok: false, error: error instanceof ApiError ? error.message : String(error) })
    }
  }
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
