import type { WireImportResult } from '../../shared/wire'
import type { Library } from '../library'
import { readHouseStyle } from '../library/settings'
import { checkpointAfterImport, fileWireCopy, IMPORT_CHUNK, type ImportProgress } from '../library/wire-copy'
import { quietMoment } from '../input-quiet'
import { wireFormatLabel } from '../wire/formats'
import { readWireFile, readWireFiles, type ReadWireFile, type WireFile } from '../wire/read-files'

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

/**
 * `wire:import`, as the window and the CLI call it: the same filing, but main's event loop runs
 * between files. Reading a file (decoding, parsing, tidying) is the costly part, and it is pure, so
 * the files of a chunk are read one by one with a pause after each (`pause`: a moment without keys
 * in the app, the next turn of the loop in the CLI), then stored in one transaction (a chunk of
 * IMPORT_CHUNK files, which never spans a pause, so no other call's writes land inside it).
 */
export async function importWireFilesSliced(
  library: Library,
  files: readonly WireFile[],
  now: () => Date = () => new Date(),
  pause: () => Promise<void> = quietMoment,
): Promise<WireImportResult[]> {
  const zone = readHouseStyle(library.db).timeZone
  const results: WireImportResult[] = []
  let filedBytes = 0
  for (let from = 0; from < files.length; from += IMPORT_CHUNK) {
    const read: ReadWireFile[] = []
    for (const file of files.slice(from, from + IMPORT_CHUNK)) {
      read.push(readWireFile(file, now(), zone))
      await pause()
    }
    results.push(...fileWireCopy(library.db, read, read.length, undefined, { checkpoint: false }))
    for (const copy of read) if (!('error' in copy)) filedBytes += copy.bytes.length
  }
  checkpointAfterImport(library.db, filedBytes)
  return labelled(results)
}
