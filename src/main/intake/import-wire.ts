import type { WireImportResult } from '../../shared/wire'
import type { Library } from '../library'
import { readHouseStyle } from '../library/settings'
import { checkpointAfterImport, fileWireCopy, IMPORT_CHUNK, type ImportProgress } from '../library/wire-copy'
import { quietMoment } from '../input-quiet'
import { wireFormatLabel } from '../wire/formats'
import { readWireFiles, type WireFile } from '../wire/read-files'
import { readOnThread, wireReadThread, type ThreadReadFile, type WireReadThread } from './wire-read-thread'

export type { WireFile } from '../wire/read-files'

function labelled(results: WireImportResult[]): WireImportResult[] {
  return results.map((result) => (result.format ? { ...result, formatLabel: wireFormatLabel(result.format) } : result))
}

/**
 * Wire files read (pure, src/main/wire/) then filed in the library (library/wire-copy.ts), in one
 * go: for tests, the crash worker and the benchmark's importer fallback. Each file is all or
 * nothing, a refused file is reported by name while the others carry on (see fileWireCopy for the
 * transactions).
 */
export function importWireFiles(
  library: Library,
  files: readonly WireFile[],
  onProgress?: ImportProgress,
  now: () => Date = () => new Date(),
): WireImportResult[] {
  const zone = readHouseStyle(library.db).timeZone
  return labelled(fileWireCopy(library.db, readWireFiles(files, now, zone), files.length, onProgress))
}

/** Files a reading-thread job holds: main starts storing soon, and the thread is seldom idle. */
export const READ_SLICE = 25

/**
 * `wire:import`, as the window and the CLI call it. Reading a file (decoding, parsing, tidying,
 * packing its bytes) is the costly part, and it is pure, so the files are read on the reading
 * thread (wire-read-thread.ts), never on main's, which carries the window's keys: a slice of
 * READ_SLICE at a time, all asked for at once, so with more than IMPORT_CHUNK files the thread
 * reads the next ones while main stores those before. Main stores IMPORT_CHUNK files to a
 * transaction, after a pause (`pause`: a moment without keys in the app, the next turn of the loop
 * in the CLI), so no other call's writes land inside it.
 */
export async function importWireFilesSliced(
  library: Library,
  files: readonly WireFile[],
  now: () => Date = () => new Date(),
  pause: () => Promise<void> = quietMoment,
  thread: WireReadThread = wireReadThread,
): Promise<WireImportResult[]> {
  const zone = readHouseStyle(library.db).timeZone
  const slices: Promise<ThreadReadFile[]>[] = []
  for (let from = 0; from < files.length; from += READ_SLICE) {
    const slice = files.slice(from, from + READ_SLICE)
    slices.push(
      readOnThread(
        thread,
        slice,
        slice.map(() => now()),
        zone,
      ),
    )
  }
  const results: WireImportResult[] = []
  let filedBytes = 0
  let read: ThreadReadFile[] = []
  for (const [index, slice] of slices.entries()) {
    read.push(...(await slice))
    // Stored IMPORT_CHUNK files to a transaction: in smaller ones the search index writes a
    // segment at each commit and merges them, and the import ran 15-25% slower (docs/benchmarks.md).
    if (read.length < IMPORT_CHUNK && index < slices.length - 1) continue
    await pause()
    results.push(...fileWireCopy(library.db, read, read.length, undefined, { checkpoint: false }))
    for (const copy of read) if (!('error' in copy)) filedBytes += copy.bytes.length
    read = []
  }
  checkpointAfterImport(library.db, filedBytes)
  return labelled(results)
}
