import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { ApiError } from '../../shared/errors'
import { openLibrary, type Library } from '.'
import { LibraryAccessError, type Db, type OpenOptions } from './open'
import { defaultUserDataDir } from './paths'

/**
 * Copies of the library an editor can go back to. Each copy is taken with SQLite's online backup
 * (the app keeps working while it runs), written under a temporary name, checked, and only then
 * given its final name: a half-written or damaged copy never poses as a good one.
 */

/** How many daily copies are kept. Counted in copies, not days: after a fortnight away the last week's copies are still there. */
export const BACKUPS_KEPT = 7

export function backupsDirFor(userDataDir = defaultUserDataDir()): string {
  return join(userDataDir, 'backups')
}

/**
 * Backups of different libraries share one folder, so each name carries the library's name and a
 * short digest of its full path: restoring another library's copy by mistake must not be possible.
 */
export function backupPrefix(libraryFile: string): string {
  const name = basename(libraryFile, extname(libraryFile)) || 'library'
  const digest = createHash('sha256').update(resolve(libraryFile)).digest('hex').slice(0, 8)
  return `${name}-${digest}`
}

const DATED = /^(\d{4}-\d{2}-\d{2})\.sqlite$/

/** This library's daily copies, newest first. */
export function listBackups(libraryFile: string, backupsDir: string): { file: string; day: string }[] {
  if (!existsSync(backupsDir)) return []
  const prefix = backupPrefix(libraryFile) + '.'
  return readdirSync(backupsDir)
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ name, day: DATED.exec(name.slice(prefix.length))?.[1] }))
    .filter((entry): entry is { name: string; day: string } => entry.day !== undefined)
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
    .map(({ name, day }) => ({ file: join(backupsDir, name), day }))
}

export function latestBackup(libraryFile: string, backupsDir: string): string | null {
  return listBackups(libraryFile, backupsDir)[0]?.file ?? null
}

/** What an editor (or whoever looks after the machine) does to bring the library back. */
export function restoreAdvice(libraryFile: string, backupsDir: string): string {
  const latest = latestBackup(libraryFile, backupsDir)
  if (!latest) return `No backup of this library was found in ${backupsDir}.`
  // The -wal and -shm files belong to the damaged file: left beside a restored copy, SQLite would
  // replay them into it.
  return (
    `To restore the latest backup (${latest}): quit Copydesk, move ${libraryFile} and any ` +
    `${basename(libraryFile)}-wal and ${basename(libraryFile)}-shm beside it to another folder ` +
    `(keep them: they may still hold recent work), then copy the backup to ${libraryFile}.`
  )
}

/**
 * Libraries up to this size get SQLite's quick check at every open (a few tenths of a second on this
 * size: about 0.35 s for 280 MB with the file in the cache). Larger ones are checked once a day, by
 * the check of the day's backup copy, so opening a years-old library never waits for a full read.
 */
export const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024

/** SQLite's quick check of every page: null when sound, else what it found (the first few problems). */
export function quickCheck(db: Db): string | null {
  const problems = (db.pragma('quick_check(3)') as { quick_check: string }[]).map((row) => row.quick_check)
  return problems.length === 1 && problems[0] === 'ok' ? null : problems.join('; ')
}

/**
 * Open the library; if that fails, the error also says how to restore it (unless the file is sound
 * but unusable as asked: a folder, read-only). The file is never touched. A library small enough is
 * checked page by page: a damaged one still opens (stories that can be read can be copied out), with
 * `damage` set to the warning that offers the latest backup.
 */
export function openLibraryOrAdvise(file: string, backupsDir: string, options: OpenOptions = {}): Library {
  let library: Library
  try {
    library = openLibrary(file, options)
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'library' || error instanceof LibraryAccessError) throw error
    throw new ApiError('library', `${error.message}. ${restoreAdvice(file, backupsDir)}`)
  }
  library.restoreAdvice = () => restoreAdvice(file, backupsDir)
  try {
    if (statSync(file).size <= QUICK_CHECK_MAX_BYTES) {
      const found = quickCheck(library.db)
      if (found) library.damage = damageWarning(file, found, backupsDir)
    }
  } catch (error) {
    // A page so damaged that the check itself fails is damage too.
    library.damage = damageWarning(file, (error as Error).message, backupsDir)
  }
  return library
}

function damageWarning(file: string, found: string, backupsDir: string): NonNullable<Library['damage']> {
  return {
    message:
      `The library ${file} is damaged: SQLite's check found "${found}". Stories in the damaged part may fail to ` +
      `open or save; the others can still be read and copied out. ${restoreAdvice(file, backupsDir)}`,
    backup: latestBackup(file, backupsDir),
  }
}

export interface BackupResult {
  file: string
  bytes: number
}

function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A copy that SQLite's own check finds unsound: the library it came from is damaged. */
class DamagedLibrary extends Error {}

const SQLITE_DAMAGE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB'])

function isDamage(error: unknown): boolean {
  return error instanceof DamagedLibrary || SQLITE_DAMAGE.has(String((error as { code?: unknown }).code))
}

/**
 * Ask SQLite whether every page of a finished copy is sound. The copy is attached to the library's
 * own connection rather than opened anew: in the app, that connection's native addon is the one
 * built for Electron.
 */
function checkCopy(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS backup_check').run(file)
  try {
    const problems = (db.pragma('backup_check.quick_check') as { quick_check: string }[]).map((row) => row.quick_check)
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new DamagedLibrary(`SQLite's check of the copy found: ${problems.slice(0, 3).join('; ')}`)
    }
  } finally {
    db.exec('DETACH DATABASE backup_check')
  }
}

function removeCopy(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
}

/** The copy itself: under a temporary name, checked, then renamed. Throws SQLite's own errors. */
async function copyLibrary(db: Db, file: string): Promise<void> {
  const partial = `${file}.partial-${process.pid}`
  removeCopy(partial)
  try {
    await db.backup(partial)
    checkCopy(db, partial)
    renameSync(partial, file)
  } catch (error) {
    removeCopy(partial)
    throw error
  }
}

function failure(db: Db, file: string, error: unknown): string {
  const reason = (error as Error).message
  return isDamage(error)
    ? `${db.name} is damaged (${reason}); no backup was made of it`
    : `backing up ${db.name} to ${file} failed: ${reason}`
}

/**
 * Copy the open library to `target`, a file that must not exist yet (a backup never replaces
 * anything, least of all another library). The copy appears under its name only once complete and
 * checked.
 */
export async function backupLibrary(db: Db, target: string): Promise<BackupResult> {
  const file = resolve(target)
  if (existsSync(file)) {
    throw new ApiError('library', `${file} already exists; a backup never replaces a file, choose a new name`)
  }
  if (resolve(db.name) === file) throw new ApiError('library', `${file} is the library itself`)
  const folder = dirname(file)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ApiError('library', `cannot back up to ${file}: the folder ${folder} does not exist`)
  }
  try {
    await copyLibrary(db, file)
  } catch (error) {
    throw new ApiError('library', failure(db, file, error))
  }
  return { file, bytes: statSync(file).size }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Copies left half-made by a Copydesk that was killed mid-copy (`<name>.partial-<pid>`, as big as the
 * library each): removed at the next start, unless the process that makes it is still running.
 */
export function removeAbandonedCopies(libraryFile: string, backupsDir: string): string[] {
  if (!existsSync(backupsDir)) return []
  const prefix = backupPrefix(libraryFile) + '.'
  const removed: string[] = []
  for (const name of readdirSync(backupsDir)) {
    const pid = /\.partial-(\d+)(-wal|-shm|-journal)?$/.exec(name)?.[1]
    if (!name.startsWith(prefix) || !pid || Number(pid) === process.pid || isRunning(Number(pid))) continue
    rmSync(join(backupsDir, name), { force: true })
    removed.push(join(backupsDir, name))
  }
  return removed
}

export type DailyBackupOutcome =
  | { status: 'made'; file: string; removed: string[] }
  | { status: 'already-made'; file: string }
  | { status: 'failed'; message: string }
  /** The app quit (and closed the library) before the copy was done; nothing was left behind. */
  | { status: 'interrupted' }

/**
 * At most one copy a day, kept for the last BACKUPS_KEPT days the app was used. A copy that fails its
 * check means the library itself is damaged: the older, good copies are then all kept, and the
 * message says how to restore the latest of them.
 */
export async function dailyBackup(
  library: Pick<Library, 'db' | 'file'>,
  backupsDir: string,
  now = new Date(),
  keep = BACKUPS_KEPT,
): Promise<DailyBackupOutcome> {
  const day = localDay(now)
  const existing = listBackups(library.file, backupsDir)
  const today = existing.find((entry) => entry.day === day)
  if (today) return { status: 'already-made', file: today.file }
  const file = join(backupsDir, `${backupPrefix(library.file)}.${day}.sqlite`)
  removeAbandonedCopies(library.file, backupsDir)
  try {
    mkdirSync(backupsDir, { recursive: true })
    await copyLibrary(library.db, file)
  } catch (error) {
    if (!library.db.open) return { status: 'interrupted' }
    const message = `Copydesk could not make today's backup: ${failure(library.db, file, error)}.`
    return {
      status: 'failed',
      message: isDamage(error) ? `${message} ${restoreAdvice(library.file, backupsDir)}` : message,
    }
  }
  const removed = listBackups(library.file, backupsDir)
    .slice(keep)
    .map((entry) => entry.file)
  removed.forEach(removeCopy)
  return { status: 'made', file, removed }
}
