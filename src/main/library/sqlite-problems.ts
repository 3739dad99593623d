import { ApiError } from '../../shared/errors'

/**
 * SQLite's and the file system's failures in words an editor can act on, naming the library file.
 * Everything here can be caused by the machine or by someone's hands (a damaged disk, a full one,
 * permissions), so none of it may reach the editor as "internal: database disk image is malformed".
 */

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/**
 * A damaged page: SQLite's own codes for it, or deflated bytes in the library (bodies, revisions,
 * originals) that no longer inflate, which only damage can cause: the library wrote them whole.
 */
export function isDamageError(error: unknown): boolean {
  const code = codeOf(error)
  return (
    code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR'
  )
}

/**
 * The ApiError for a failure of the library file, or null when the error is something else (a bug).
 * `advice` says how to restore the latest backup (library/backup.ts), offered when the file is damaged.
 */
export function libraryProblem(
  error: unknown,
  file: string,
  advice?: () => string,
  lost = 'what you just did was not saved',
): ApiError | null {
  const code = codeOf(error)
  const Lost = lost[0]!.toUpperCase() + lost.slice(1)
  const sqlite = (error as Error | null)?.message ?? ''
  if (isDamageError(error)) {
    return new ApiError(
      'library',
      `The library ${file} is damaged (SQLite says: ${sqlite}); ${lost}. ${advice?.() ?? ''}`.trim(),
    )
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new ApiError(
      'library',
      `The disk holding the library ${file} is full: ${lost}. Free some space on it and try again.`,
    )
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new ApiError(
      'library',
      `The library ${file} cannot be written: the file, its folder or the ${file}-wal and ${file}-shm files beside it are read-only. ` +
        `${Lost}; make them writable (or ask whoever looks after this computer) and try again.`,
    )
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return new ApiError(
      'library',
      `The disk could not read or write the library ${file} (${sqlite}); ${lost}. Check that the disk is still connected and try again.`,
    )
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new ApiError(
      'library',
      `The library ${file} is held by another program (another Copydesk, a backup tool); ${lost}. Try again in a moment.`,
    )
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new ApiError(
      'library',
      `The library ${file} could not be opened (${sqlite}): is its disk or folder still there? ${Lost}.`,
    )
  return null
}
