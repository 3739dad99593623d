import Database from 'better-sqlite3'
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { ApiError } from '../../shared/errors'
import { SCHEMA_VERSION, migrations } from './migrations'
import { packedOrNull, unpackText } from './packed'
import { finishUpgrades, type UpgradeOptions } from './upgrade'
import { isDamageError as isDamage, libraryProblem } from './sqlite-problems'

/**
 * The library is fine but cannot be used as asked (a folder, read-only files): said as such, with no
 * advice to restore a backup, which would not help and would read like damage.
 */
export class LibraryAccessError extends ApiError {
  constructor(message: string) {
    super('library', message)
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Refuse, before SQLite is asked, a library that cannot be written: SQLite would say "attempt to
 * write a readonly database" at the first save, or, for the -wal and -shm files, at open.
 */
function assertWritable(file: string): void {
  const readOnly = [file, `${file}-wal`, `${file}-shm`].filter((path) => existsSync(path) && !writable(path))
  if (!existsSync(file) || !existsSync(`${file}-wal`)) {
    // SQLite makes the -wal and -shm files (and the library itself) in the library's folder.
    if (!writable(dirname(file))) readOnly.push(`the folder ${dirname(file)}`)
  }
  if (readOnly.length) {
    throw new LibraryAccessError(
      `${file} cannot be opened for writing: ${readOnly.join(', ')} ${readOnly.length === 1 ? 'is' : 'are'} read-only. ` +
        'The library is not damaged and was left untouched; make the files writable (or ask whoever looks after this computer) and start Copydesk again.',
    )
  }
}

export type Db = Database.Database

const SQLITE_HEADER = 'SQLite format 3\0'

/** Refuse, before SQLite touches it, a file that exists but is not a SQLite database. */
function assertSqliteFile(file: string): void {
  if (!existsSync(file)) return
  if (statSync(file).isDirectory())
    throw new LibraryAccessError(
      `${file} is a folder, not a library file; name the library file itself (for example ${file}/library.sqlite)`,
    )
  if (statSync(file).size === 0) return
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(16)
    const read = readSync(fd, header, 0, 16, 0)
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new ApiError('library', `${file} is not a Copydesk library (not a SQLite database); it was left untouched`)
    }
  } finally {
    closeSync(fd)
  }
}

export interface OpenOptions {
  /** A better-sqlite3 addon built for another ABI (Electron's); see docs/architecture.md. */
  nativeBinding?: string
  readonly?: boolean
  /** How a long upgrade (upgrade.ts: every story converted, a batch at a time) reports progress. */
  upgrade?: UpgradeOptions
}

/**
 * Open (or create) a library file and bring its schema up to date. A file from a newer Copydesk
 * is refused rather than guessed at, and a failed migration rolls back whole.
 */
/** The native binding each library was opened with: the picture thread opens its own connection with it. */
const bindings = new WeakMap<Db, string>()

export function nativeBindingOf(db: Db): string | undefined {
  return bindings.get(db)
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  assertSqliteFile(file)
  if (!options.readonly) assertWritable(file)
  let db: Db
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    })
    if (options.nativeBinding) bindings.set(db, options.nativeBinding)
  } catch (error) {
    throw (
      libraryProblem(error, file) ?? new ApiError('library', `${file} could not be opened: ${(error as Error).message}`)
    )
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION) {
      throw new ApiError(
        'library',
        `${file} was written by a newer Copydesk (library version ${version}; this one reads up to ${SCHEMA_VERSION}); it was left untouched`,
      )
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      // NORMAL in WAL mode never corrupts the file; a power cut can only lose the last commits, and
      // autosave writes again within a second. Stories marked ready or published get a full sync.
      db.pragma('synchronous = NORMAL')
    }
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // The search index's triggers read a story's body text through this (stored deflated since
    // migration 16; plain text from an older row passes through): every connection needs it.
    db.function('copydesk_text', { deterministic: true }, (stored) =>
      stored === null || stored === undefined ? '' : unpackText(stored as string | Buffer),
    )
    if (!options.readonly) {
      migrate(db, version, file)
      finish(db, file, options.upgrade)
    }
    return db
  } catch (error) {
    db.close()
    if (error instanceof ApiError) throw error
    if (!isDamage(error)) {
      const problem = libraryProblem(error, file, undefined, 'nothing was changed')
      if (problem) throw new LibraryAccessError(problem.message)
    }
    const message = (error as Error).message
    throw new ApiError(
      'library',
      `${file} could not be opened as a Copydesk library: ${message}; it was left untouched`,
    )
  }
}

function migrate(db: Db, from: number, file: string): void {
  // Functions the migrations call (SQL has no deflate).
  if (from < SCHEMA_VERSION)
    db.function('copydesk_pack', { deterministic: true }, (bytes) => packedOrNull(bytes as Buffer))
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = db.transaction(() => {
      db.exec(migrations[version]!)
      db.pragma(`user_version = ${version + 1}`)
    })
    try {
      step.immediate()
    } catch (error) {
      const problem = isDamage(error) ? null : libraryProblem(error, file, undefined, 'the library was left as it was')
      if (problem) throw new LibraryAccessError(problem.message)
      throw new ApiError(
        'library',
        `${file}: upgrading the library to version ${version + 1} failed: ${(error as Error).message}`,
      )
    }
  }
}

function finish(db: Db, file: string, upgrade?: UpgradeOptions): void {
  try {
    finishUpgrades(db, upgrade)
  } catch (error) {
    throw new ApiError(
      'library',
      `${file}: upgrading the library's stories failed: ${(error as Error).message}; what was done is kept and the rest is tried again when it is next opened`,
    )
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>()

/** Prepare each SQL text once per connection: autosave and search run the same few statements all day. */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}
