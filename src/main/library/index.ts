/**
 * The library: the one place that reads and writes the SQLite file (docs/architecture.md, "The
 * persistence seam"). Importers and page renderers are pure; the api handlers load and store
 * through the functions in this folder, named in the desk's words (fileWireCopy, findOriginal,
 * markPublished, findLinkedStory, getStory, saveStory...). A shared team library (a desk server
 * over PostgreSQL, DESIGN.md "Team scale") will plug in here, behind the same functions; no SQL
 * may leak out of this folder.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { sweepInterruptedPictures } from './media'
import { openDatabase, type Db, type OpenOptions } from './open'
import { closePictureWriter } from './picture-writer'
import type { DeskSession } from './desk/session'
import type { TokenSeal } from './desk/token-store'
import type { DeskNews } from '../../shared/desk/contract'

export interface Library {
  readonly file: string
  readonly db: Db
  /**
   * Set while the library is joined to a desk (library/desk/session.ts): a save of a shared story
   * goes into its Y.Doc (merged, never refused as a conflict) and comes back as the projected row.
   * Undefined for a story that is not shared.
   */
  desk?: DeskSession
  /**
   * The OS keychain's encrypt/decrypt pair (Electron's safeStorage, handed in by the shell when
   * the system provides one): the desk's token is kept sealed with it (desk/token-store.ts).
   */
  seal?: TokenSeal
  /** How to bring back the latest backup, offered when the file turns out damaged (library/backup.ts sets it). */
  restoreAdvice?: () => string
  /** Set when SQLite's quick check at open found damage: the warning to show, with the backup offered. */
  damage?: { message: string; backup: string | null }
  /**
   * Told when the desk changes something the window shows: stories that changed from elsewhere,
   * the connection, the count of changes waiting. Set by whoever shows a window (the Electron
   * shell, the e2e bridge); the desk session calls it.
   */
  onDesk?: (news: DeskNews) => void
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
      closePictureWriter(db)
      if (db.open) db.close()
    },
  }
}

export { resolveLibraryPath, defaultLibraryPath } from './paths'
export { compactAfterUpgrade, continueUpgrades, upgradesLeft } from './upgrade'
export type { Db } from './open'
