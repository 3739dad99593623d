import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { sweepInterruptedPictures } from './media'
import { openDatabase, type Db, type OpenOptions } from './open'

export interface Library {
  readonly file: string
  readonly db: Db
  close(): void
}

export function openLibrary(file: string, options: OpenOptions = {}): Library {
  if (!options.readonly) mkdirSync(dirname(file), { recursive: true })
  const db = openDatabase(file, options)
  if (!options.readonly) sweepInterruptedPictures(db)
  return {
    file,
    db,
    close: () => {
      if (db.open) db.close()
    },
  }
}

export { resolveLibraryPath, defaultLibraryPath } from './paths'
export type { Db } from './open'
