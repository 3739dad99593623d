import { prepared, type Db } from './open'
import { SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from './stories'
import { MARK_END, MARK_START, type SearchHit } from '../../shared/contract'

/**
 * Turn what an editor typed into an FTS5 query: every word must appear, and each matches as a
 * prefix so results come while they are still typing ("zelen" finds Zelensky). Quoting each word
 * means FTS5 syntax (AND, NEAR, quotes, column filters) typed by accident can never be an error.
 */
export function ftsQuery(typed: string): string | null {
  const words = typed.normalize('NFC').match(/[\p{L}\p{N}]+/gu)
  if (!words) return null
  return words
    .slice(0, 16)
    .map((word) => `"${word}"*`)
    .join(' ')
}

/** Headline matches weigh most, then standfirst, byline and body (bm25 column weights). */
const RANK = 'bm25(story_search, 10.0, 4.0, 2.0, 1.0)'

export function searchStories(db: Db, typed: string, limit: number): SearchHit[] {
  const query = ftsQuery(typed)
  if (!query) return []
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS},
            highlight(story_search, 0, '${MARK_START}', '${MARK_END}') AS headline_marked,
            snippet(story_search, 3, '${MARK_START}', '${MARK_END}', '…', 20) AS snippet
     FROM story_search JOIN stories s ON s.id = story_search.rowid
     WHERE story_search MATCH ?
     ORDER BY ${RANK}
     LIMIT ?`,
  ).all(query, limit) as (SummaryRow & { headline_marked: string; snippet: string })[]
  return rows.map((row) => ({ ...summaryFromRow(row), headlineMarked: row.headline_marked, snippet: row.snippet }))
}
