import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Write a file so that readers only ever see the old bytes or the new ones: the new bytes go to a
 * temporary file in the same folder, which is then renamed over the target (atomic on one file
 * system). If anything fails, the temporary file is removed and the target is untouched.
 */
let written = 0
const run = `${process.pid.toString(36)}-${Date.now().toString(36)}`

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  // A name unique to this process and call, so two exports never write into each other's file.
  const temp = join(dirname(target), `.${run}-${(written++).toString(36)}.copydesk-tmp`)
  try {
    writeFileSync(temp, data)
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

export function ensureFolder(path: string): void {
  mkdirSync(path, { recursive: true })
}
