import type { WireImportResult } from '../../shared/wire'
import type { Library } from '../library'
import { readHouseStyle } from '../library/settings'
import { fileWireCopy, type ImportProgress } from '../library/wire-copy'
import { wireFormatLabel } from '../wire/formats'
import { readWireFiles, type WireFile } from '../wire/read-files'

export type { WireFile } from '../wire/read-files'

/**
 * `wire:import`: wire files read (pure, src/main/wire/) then filed in the library
 * (library/wire-copy.ts), a chunk at a time. Each file is all or nothing, a refused file is
 * reported by name while the others carry on (see fileWireCopy for the transactions).
 */
export function importWireFiles(
  library: Library,
  files: readonly WireFile[],
  onProgress?: ImportProgress,
  now: () => Date = () => new Date(),
): WireImportResult[] {
  const zone = readHouseStyle(library.db).timeZone
  return fileWireCopy(library.db, readWireFiles(files, now, zone), files.length, onProgress).map((result) =>
    result.format ? { ...result, formatLabel: wireFormatLabel(result.format) } : result,
  )
}
