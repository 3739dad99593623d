import { prepared, type Db } from './open'
import { SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from './stories'
import { markText, snippetOf, termMatcher, type TermMatcher } from './marks'
import { unpackText } from './packed'
import { indexTerms, termsStartingWith } from './search-terms'
import { isStopword } from './terms'
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

/**
 * A word of four letters or more is written as an OR of the whole words it starts when they are at
 * most this many (search-terms.ts says why). Measured at a million stories: an OR of 64 common
 * words is still read lazily; a prefix with more words ("con", "inter") has more to merge either way.
 */
export const EXPANDED_TERMS = 64

/**
 * The FTS5 query search runs: ftsQuery's, with each word of four letters or more that starts at
 * most EXPANDED_TERMS of the library's words written as those words ("minis" becomes
 * ("minister" OR "ministers" OR "ministry")). It matches the same stories: the vocabulary holds
 * every word of the index (or is not used). FTS5 merges a prefix's lists over the whole library
 * before reading any of it (0.2 to 1.5 s at a million); an OR is read newest first and stops at
 * the ranked limit. Null when nothing can match (a word no story holds) or nothing was typed.
 */
export function searchMatch(db: Db, typed: string): string | null {
  return searchQueries(db, typed)?.match ?? null
}

/**
 * What search matches by, and what it ranks by: the same words less those whose bm25 weight is
 * next to nothing and whose weighing costs most. bm25 counts each word's stories over the whole
 * library once a query (its rarity); for a word in most stories ("of", a two- or three-letter start
 * like "in" still being typed) that count reads a list as long as the library (0.2 s at a million)
 * for a weight bm25 clamps to almost zero. Such words are still required to match.
 */
interface SearchQueries {
  match: string
  rank: string
}

function searchQueries(db: Db, typed: string): SearchQueries | null {
  const words = typedWords(typed)
  if (!words.length) return null
  const match: string[] = []
  const rank: string[] = []
  for (const word of words) {
    let part: string
    if (word.length === 1) part = `"${word}"`
    else if (word.length < 4) part = `"${word}"*`
    else {
      const terms = wordsStarting(db, word)
      if (terms?.length === 0) return null
      part = terms ? `(${terms.map((t) => `"${t}"`).join(' OR ')})` : `"${word}"*`
    }
    match.push(part)
    if (word.length >= 4 && !isStopword(word.toLowerCase())) rank.push(part)
  }
  return { match: match.join(' AND '), rank: rank.length ? rank.join(' AND ') : match.join(' AND ') }
}

const PLAIN = /^[A-Za-z0-9]+$/

/** The whole words of the index a typed word starts, or null to keep it a prefix query. */
function wordsStarting(db: Db, word: string): string[] | null {
  // Folded as the index folds it: lower case for plain letters, else the index's own tokenizer.
  const folded = PLAIN.test(word) ? [word.toLowerCase()] : indexTerms(db, word)
  if (folded.length !== 1) return null
  return termsStartingWith(db, folded[0]!, EXPANDED_TERMS)
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

type SearchParams = { query: string; limit: number; status?: StoryStatus }

/** The newest matches ranked by bm25 of every word typed. */
function rankedByAll(db: Db, withStatus: string, params: SearchParams): StoryId[] {
  return prepared(
    db,
    `SELECT id FROM (
       SELECT rowid AS id, ${RANK} AS score FROM story_search WHERE story_search MATCH @query
         AND rowid NOT IN (SELECT story_id FROM spiked) ${withStatus}
       ORDER BY rowid DESC LIMIT ${RANKED_MATCHES}
     ) ORDER BY score LIMIT @limit`,
  )
    .pluck()
    .all(params) as StoryId[]
}

/**
 * Rows the weighing query may read, as a multiple of the matches it ranks. The words left out of
 * the rank are in most stories, so its matches over the same ids are a few more than the newest
 * matches; when they are many more (a left-out start like "str" is rarer), weighing them all would
 * cost more than it saves, and ranking by every word is done instead.
 */
const WEIGHED_ROWS = 2 * RANKED_MATCHES

/**
 * The newest matches of every word first (read lazily, newest first), then bm25 of the words worth
 * weighing over the same stretch of ids, kept to those matches. Null when that stretch holds too
 * many other stories (see WEIGHED_ROWS).
 */
function rankedByWeighedWords(
  db: Db,
  query: SearchQueries,
  withStatus: string,
  params: SearchParams,
): StoryId[] | null {
  const { limit: _limit, ...matchParams } = params
  const newest = prepared(
    db,
    `SELECT rowid FROM story_search WHERE story_search MATCH @query
       AND rowid NOT IN (SELECT story_id FROM spiked) ${withStatus}
     ORDER BY rowid DESC LIMIT ${RANKED_MATCHES}`,
  )
    .pluck()
    .all(matchParams) as StoryId[]
  if (!newest.length) return []
  const wanted = new Set(newest)
  // The CASTs: FTS5 ignores a rowid bound that is not an INTEGER (better-sqlite3 binds REALs).
  const scored = prepared(
    db,
    `SELECT rowid AS id, ${RANK} AS score FROM story_search WHERE story_search MATCH ?
       AND rowid >= CAST(? AS INTEGER) AND rowid <= CAST(? AS INTEGER)
     ORDER BY rowid DESC LIMIT ${WEIGHED_ROWS}`,
  ).all(query.rank, newest.at(-1), newest[0]) as { id: StoryId; score: number }[]
  const kept = scored.filter((row) => wanted.has(row.id))
  if (kept.length < newest.length) return null
  return kept
    .sort((a, b) => a.score - b.score || b.id - a.id)
    .slice(0, params.limit)
    .map((row) => row.id)
}

/** Search, within one status when one is given (the library's status filter and search together). */
export function searchStories(db: Db, typed: string, limit: number, status?: StoryStatus): SearchHit[] {
  const query = searchQueries(db, typed)
  if (!query) return []
  const withStatus = status ? 'AND rowid IN (SELECT id FROM stories WHERE status = @status)' : ''
  const params: SearchParams = { query: query.match, limit, ...(status ? { status } : {}) }
  const ids =
    (query.rank !== query.match && rankedByWeighedWords(db, query, withStatus, params)) ||
    rankedByAll(db, withStatus, params)
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
