import { randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'

/**
 * Export writes only inside the folder the editor chose. Whatever is already in that folder is not
 * trusted: a story folder, an `images` folder or a picture file there may be a link planted to
 * somewhere else (another user's files, the editor's own documents). So every folder below the
 * chosen one is checked with lstat before it is used (a link is refused, never followed), files are
 * created under a random name that must not exist yet (O_EXCL and O_NOFOLLOW: a link planted at the
 * name fails the open instead of being written through), and then renamed over the target (rename
 * replaces a link, it never writes to what the link points at).
 *
 * What remains: a process racing us inside the folder between the check and the write could still
 * swap a checked folder for a link (Node has no openat). The folder is the editor's own; the checks
 * close every case of something planted before the export starts.
 */

/** Places that are not folders of files, where "writing a page" means something else entirely. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev']

export class ExportPathError extends Error {}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
}

/** The nearest part of a path that exists, resolved through links (where a write would really land). */
function realOfExisting(path: string): string {
  let at = path
  for (;;) {
    try {
      return realpathSync(at)
    } catch {
      const up = dirname(at)
      if (up === at) return at
      at = up
    }
  }
}

/**
 * The export folder as typed: an absolute path on this computer (`C:\temp` and `\\server\share` are
 * Windows paths, which Linux and macOS would take as names inside the current folder), and not in
 * /proc, /sys or /dev.
 */
export function checkExportRoot(path: string): void {
  if (!isAbsolute(path)) {
    const windows = /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
    throw new ExportPathError(
      windows
        ? 'this is a Windows path; on this computer a folder’s full path starts with / (such as /home/desk/export)'
        : 'the export folder must be a full path, such as /home/desk/export',
    )
  }
  for (const candidate of [path, realOfExisting(path)]) {
    const system = SYSTEM_ROOTS.find((root) => isUnder(candidate, root))
    if (system)
      throw new ExportPathError(`${system} is the system’s own, not a folder of files; choose a folder of your own`)
  }
}

/** Each folder from `root` (exclusive) down to `path`, made if missing, refused if a link or a file. */
function walkFolders(root: string, path: string, create: boolean): void {
  const rel = relative(root, path)
  if (rel === '') return
  if (rel.startsWith('..') || isAbsolute(rel)) throw new ExportPathError(`${path} is outside the export folder`)
  let at = root
  for (const part of rel.split(sep)) {
    at = join(at, part)
    let stat = lstatOrNull(at)
    if (!stat && create) {
      try {
        mkdirSync(at)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      stat = lstatOrNull(at)
    }
    if (!stat) throw new ExportPathError(`${at} is missing`)
    if (stat.isSymbolicLink())
      throw new ExportPathError(
        `${at} is a link to somewhere else; Copydesk writes only inside the export folder (remove the link, or choose another folder)`,
      )
    if (!stat.isDirectory()) throw new ExportPathError(`${at} is a file, not a folder`)
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Make a folder. Without `root`, `path` is the export folder itself (links above and at it are the
 * editor's choice); with `root`, `path` lies inside it and no link on the way is followed.
 */
export function ensureFolder(path: string, root?: string): void {
  if (root === undefined) {
    checkExportRoot(path)
    mkdirSync(path, { recursive: true })
    return
  }
  walkFolders(root, path, true)
}

/** True when `path` (inside `root`) is a plain file: a link there counts as nothing written yet. */
export function holdsFile(path: string, root: string): boolean {
  walkFolders(root, dirname(path), false)
  return lstatOrNull(path)?.isFile() ?? false
}

const EXCLUSIVE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0)

/**
 * Write a file so that readers only ever see the old bytes or the new ones: the new bytes go to a
 * temporary file in the same folder, which is then renamed over the target (atomic on one file
 * system). If anything fails, the temporary file is removed and the target is untouched.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, root: string): void {
  walkFolders(root, dirname(target), false)
  // A name nobody can guess, opened only if nothing (not even a link) is there yet.
  const temp = join(dirname(target), `.${randomBytes(12).toString('hex')}.copydesk-tmp`)
  try {
    const fd = openSync(temp, EXCLUSIVE, 0o644)
    try {
      writeFileSync(fd, data)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    // EEXIST: something was planted under a random name; it is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temp, { force: true })
    throw error
  }
  try {
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
