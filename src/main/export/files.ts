import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { slugify } from '../../shared/slug'

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

/** "flood-barriers-hold-in-york-42": the slug keeps it readable, the id keeps it unique. */
export function exportBaseName(story: { id: number; slug: string; headline: string }): string {
  const words = slugify(story.slug || story.headline, 60) || 'story'
  return `${words}-${story.id}`
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
}

/** A picture's file name in an exported folder: the start of its content hash, so it never clashes. */
export function imageFileName(mediaId: string, type: string): string {
  return `${mediaId.slice(0, 16)}.${EXTENSIONS[type] ?? 'bin'}`
}

export function dataUrl(type: string, bytes: Uint8Array): string {
  return `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`
}
