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

/**
 * Each folder from `root` (exclusive) down to `path`, made if missing, refused if a link or a file.
 * `checked` holds folders already found sound (or made) by this export: they are not looked at again.
 */
function walkFolders(root: string, path: string, create: boolean, checked?: Set<string>): void {
  if (checked?.has(path)) return
  const rel = relative(root, path)
  if (rel === '') return
  if (rel.startsWith('..') || isAbsolute(rel)) throw new ExportPathError(`${path} is outside the export folder`)
  let at = root
  for (const part of rel.split(sep)) {
    at = join(at, part)
    if (checked?.has(at)) continue
    let stat = lstatOrNull(at)
    if (!stat && create) {
      if (madeFolder(at)) {
        // Made here: a new, empty folder, not a link (mkdir never follows one, it fails EEXIST).
        checked?.add(at)
        continue
      }
      stat = lstatOrNull(at)
    }
    if (!stat) throw new ExportPathError(`${at} is missing`)
    if (stat.isSymbolicLink())
      throw new ExportPathError(
        `${at} is a link to somewhere else; Copydesk writes only inside the export folder (remove the link, or choose another folder)`,
      )
    if (!stat.isDirectory()) throw new ExportPathError(`${at} is a file, not a folder`)
    checked?.add(at)
  }
}

/** True when this call made the folder; false when something (a folder, a file, a link) is there already. */
function madeFolder(path: string): boolean {
  try {
    mkdirSync(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return false
  }
}

function lstatOrNull(path: string) {
  // Nothing there is the common answer (a new story's folder): asked without an exception for it.
  return lstatSync(path, { throwIfNoEntry: false }) ?? null
}

const EXCLUSIVE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0)

/**
 * One export's writes inside its folder (`root`, already made with `ensureFolder(root)`). Every
 * folder below the root is checked (a link or a file refused) the first time the export uses it
 * and remembered, so a story's folder is looked at once, not again for each file in it. That keeps
 * the promise above (nothing planted before the export starts is followed); what a process racing
 * the export inside the folder could do was never closed (no openat).
 *
 * Files are written as `writeFileAtomic` says: one exclusive open of a temporary name, one write,
 * one rename. The temporary names are this export's random stem and a count: as unguessable as a
 * random name per file, without asking for fresh random bytes each time.
 */
export class ExportFolder {
  private readonly checked = new Set<string>()
  private readonly stem = randomBytes(12).toString('hex')
  private count = 0

  constructor(readonly root: string) {}

  /** Make a folder inside the export folder (and those above it); no link on the way is followed. */
  ensureFolder(path: string): void {
    walkFolders(this.root, path, true, this.checked)
  }

  /** True when `path` is a plain file already: a link there counts as nothing written yet. */
  holdsFile(path: string): boolean {
    walkFolders(this.root, dirname(path), false, this.checked)
    return lstatOrNull(path)?.isFile() ?? false
  }

  /**
   * Write a file so that readers only ever see the old bytes or the new ones: the new bytes go to a
   * temporary file in the same folder, which is then renamed over the target (atomic on one file
   * system). If anything fails, the temporary file is removed and the target is untouched.
   */
  write(target: string, data: string | Uint8Array): void {
    walkFolders(this.root, dirname(target), false, this.checked)
    // A name nobody can guess, opened only if nothing (not even a link) is there yet.
    const temp = join(dirname(target), `.${this.stem}-${(this.count++).toString(36)}.copydesk-tmp`)
    try {
      const fd = openSync(temp, EXCLUSIVE, 0o644)
      try {
        writeFileSync(fd, data)
      } finally {
        closeSync(fd)
      }
    } catch (error) {
      // EEXIST: something was planted under our name; it is not ours to remove.
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
  new ExportFolder(root).ensureFolder(path)
}

/** True when `path` (inside `root`) is a plain file: a link there counts as nothing written yet. */
export function holdsFile(path: string, root: string): boolean {
  return new ExportFolder(root).holdsFile(path)
}

/** One file written atomically inside `root` (see `ExportFolder.write`). */
export function writeFileAtomic(target: string, data: string | Uint8Array, root: string): void {
  new ExportFolder(root).write(target, data)
}
