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

/**
 * A rendition's file name in an exported folder: "3f9a0c2e77b1-7c1e02aa-960.webp", the start of the
 * picture's hash, the start of its rendition set's key (house style and words) and the width (or
 * "card"). The same name always holds the same bytes, and the same picture in two places is one file.
 */
export function renditionFileName(mediaId: string, setKey: string, width: number | 'card', type: string): string {
  return `${mediaId.slice(0, 12)}-${setKey.slice(0, 8)}-${width}.${EXTENSIONS[type] ?? 'bin'}`
}

export function dataUrl(type: string, bytes: Uint8Array): string {
  return `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`
}
