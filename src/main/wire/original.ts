import type { WireOriginal } from '../../shared/wire'
import { wireFormatLabel } from './formats'
import { decodeWire, parseWire } from './parse'

/** Control characters made visible (␁ ␂ ␃…), so the framing of 7901 and ANPA copy can be seen, not guessed. */
function visible(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- showing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
      .replace(/\u007f/g, '\u2421')
  )
}

/**
 * The wire copy a story was imported from, decoded for reading beside the story, with the
 * editor's notes the agency sent (they never enter the story, so this is where they are seen).
 * Pure: the api handler loads the original from the library (library/wire-copy.ts).
 */
export function describeOriginal(original: { fileName: string; format: string; bytes: Uint8Array }): WireOriginal {
  const { fileName, format, bytes } = original
  const decoded = decodeWire(bytes, format)
  let notes: string[] = []
  try {
    const parsed = parseWire(bytes)
    notes = parsed.drafts.flatMap((d) => d.notes)
  } catch {
    // The original imported once; if a later Copydesk reads it differently, the text still shows.
  }
  return {
    fileName,
    format,
    formatLabel: wireFormatLabel(format),
    encoding: decoded.encoding,
    size: bytes.length,
    text: visible(decoded.text),
    notes,
  }
}
