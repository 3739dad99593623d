import { prepared, type Db } from '../library/open'
import { ApiError } from '../../shared/errors'
import type { WireFormat } from '../../shared/story'
import type { WireOriginal } from '../../shared/wire'
import { decodeWire, parseWire } from './parse'

interface OriginalRow {
  file_name: string
  format: WireFormat
  bytes: Buffer
}

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
 */
export function readOriginal(db: Db, id: number): WireOriginal {
  const row = prepared(db, 'SELECT file_name, format, bytes FROM originals WHERE story_id = ?').get(id) as
    OriginalRow | undefined
  if (!row) {
    const exists = prepared(db, 'SELECT 1 FROM stories WHERE id = ?').get(id)
    throw new ApiError(
      'not-found',
      exists
        ? `story ${id} was not imported from wire copy, so it has no original`
        : `there is no story ${id} in the library`,
    )
  }
  const decoded = decodeWire(row.bytes, row.format)
  let notes: string[] = []
  try {
    const parsed = parseWire(row.bytes)
    notes = parsed.drafts.flatMap((d) => d.notes)
  } catch {
    // The original imported once; if a later Copydesk reads it differently, the text still shows.
  }
  return {
    fileName: row.file_name,
    format: row.format,
    encoding: decoded.encoding,
    size: row.bytes.length,
    text: visible(decoded.text),
    notes,
  }
}
