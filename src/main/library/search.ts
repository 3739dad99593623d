import { prepared, type Db } from './open'
import { SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from './stories'
import { markText, snippetOf, termMatcher, type TermMatcher } from './marks'
import { unpackText } from './packed'
import type { SearchHit } from '../../shared/contract'
import type { StoryId, StoryStatus } from '../../shared/story'

/**
 * The words of what an editor typed, as search uses them (at most 16). A last word of one letter is
 * left out while there are others: it is still being typed, and as a prefix it would match every
 * word with that initial (seconds on a large library) for a result the next letter replaces.
 */
function typedWords(typed: string): string[] {
  const words = (typed.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16)
  return words.length > 1 && words.at(-1)!.length === 1 ? words.slice(0, -1) : words
}

/**
 * Turn what an editor typed into an FTS5 query: every word must appear, and each matches as a
 * prefix so results come while they are still typing ("zelen" finds Zelensky); a one-letter word is
 * matched whole (the index keeps prefixes of two and three letters, not one). Quoting each word
 * means FTS5 syntax (AND, NEAR, quotes, column filters) typed by accident can never be an error.
 */
export function ftsQuery(typed: string): string | null {
  const words = typedWords(typed)
  if (!words.length) return null
  return words.map((word) => (word.length > 1 ? `"${word}"*` : `"${word}"`)).join(' ')
}

/** Headline matches weigh most, then standfirst, byline and body (bm25 column weights). */
const RANK = 'bm25(story_search, 10.0, 4.0, 2.0, 1.0)'

/**
 * Ranking reads each match's statistics, so a common word in a large library (90,000 of 100,000
 * stories) took a second a keystroke. Search ranks the most recently added 2,000 matches instead:
 * on a news desk those are the stories wanted, and a rarer word (fewer matches) is ranked in full.
 * FTS5 walks matches newest first and stops there (docs/benchmarks.md).
 */
export const RANKED_MATCHES = 2000

/** Search, within one status when one is given (the library's status filter and search together). */
export function searchStories(db: Db, typed: string, limit: number, status?: StoryStatus): SearchHit[] {
  const query = ftsQuery(typed)
  if (!query) return []
  const withStatus = status ? 'AND rowid IN (SELECT id FROM stories WHERE status = @status)' : ''
  const ids = prepared(
    db,
    `SELECT id FROM (
       SELECT rowid AS id, ${RANK} AS score FROM story_search WHERE story_search MATCH @query
         AND rowid NOT IN (SELECT story_id FROM spiked) ${withStatus}
       ORDER BY rowid DESC LIMIT ${RANKED_MATCHES}
     ) ORDER BY score LIMIT @limit`,
  )
    .pluck()
    .all({ query, limit, ...(status ? { status } : {}) }) as StoryId[]
  return markHits(db, ids, termMatcher(typedWords(typed), true))
}

/**
 * Stories already ranked, in that order, with the matched words marked in the headline and (for
 * lists that show one) a body snippet. Ranking and marking are separate on purpose: see marks.ts.
 */
export function markHits(db: Db, ids: readonly StoryId[], matches: TermMatcher, withSnippets = true): SearchHit[] {
  if (!ids.length) return []
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS}, ${withSnippets ? 's.body_text' : "''"} AS body_text
     FROM stories s WHERE s.id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM spiked k WHERE k.story_id = s.id)`,
  ).all(JSON.stringify(ids)) as (SummaryRow & { body_text: string | Buffer })[]
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    if (!row) return []
    return [
      {
        ...summaryFromRow(row),
        headlineMarked: markText(row.headline, matches),
        snippet: withSnippets ? snippetOf(unpackText(row.body_text), matches) : '',
      },
    ]
  })
}
