import { slugify } from '../../shared/slug'

/* Names of exported files: pure, so the export, the preview and tests agree on them. */

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
