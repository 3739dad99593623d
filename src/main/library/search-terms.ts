import { prepared, type Db } from './open'

/**
 * The library's vocabulary: every word the search index holds, in `search_terms` (migration 17).
 *
 * Why: FTS5 answers an unfinished word of four letters or more ("repo", the index keeps prefixes of
 * two and three) by merging the lists of every word it starts over the whole library before it
 * looks at anything else: 0.6 s for "repo" at a million stories. The same word written as an OR of
 * its whole words ("report" OR "reported" OR "reporters") is read newest first and stops at the
 * ranked limit. FTS5's own vocabulary (story_vocab) can list those words, but it counts each word's
 * stories as it goes (0.1 to 0.9 s for one prefix at a million). This table is the list without
 * the counts: a range of its primary key is a few pages.
 *
 * It is kept as stories are written (noteSearchTerms, in the same transaction as the story, so a
 * rolled-back save leaves nothing behind), and filled once from story_vocab for a library that
 * had stories before it existed (fillSearchTerms, in batches, resumable: `search_terms_fill` holds
 * the last word copied and is gone when the copy is complete). Words are never taken out: a word
 * whose last story was deleted or edited away only costs an OR branch that matches nothing.
 */

/**
 * The search index's tokenizer (story_search, migration 1). A story's words are put through a
 * scratch index with the same tokenizer rather than split in JavaScript: terms.ts's folding agrees
 * for plain ASCII, but not for every script's letters, accents and marks, and a word the vocabulary
 * spelt differently from the index would make search miss the stories that hold it.
 */
const TOKENIZE = 'unicode61 remove_diacritics 2'

/**
 * The per-connection scratch index (in memory, temp schema): one text at a time, emptied before
 * each use. Looked for each time rather than remembered: made inside a transaction that then rolls
 * back (an import file refused), it is gone again.
 */
function scratch(db: Db): void {
  if (prepared(db, "SELECT 1 FROM temp.sqlite_master WHERE name = 'search_words_vocab'").get()) {
    prepared(db, "INSERT INTO temp.search_words (search_words) VALUES ('delete-all')").run()
    return
  }
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words USING fts5 (text, content = '', tokenize = '${TOKENIZE}');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words_vocab USING fts5vocab (temp, search_words, 'row');
  `)
}

/**
 * Add the words of a story's indexed text (headline, standfirst, byline, body: whatever changed) to
 * the vocabulary. Called inside the transaction that writes the story.
 */
export function noteSearchTerms(db: Db, texts: readonly (string | null | undefined)[]): void {
  const text = texts.filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n')
  if (!text) return
  scratch(db)
  prepared(db, 'INSERT INTO temp.search_words (rowid, text) VALUES (1, ?)').run(text)
  prepared(db, 'INSERT OR IGNORE INTO search_terms (term) SELECT term FROM temp.search_words_vocab').run()
}

/** The terms the index makes of a text, as it would store them (a typed word folded exactly). */
export function indexTerms(db: Db, text: string): string[] {
  scratch(db)
  prepared(db, 'INSERT INTO temp.search_words (rowid, text) VALUES (1, ?)').run(text)
  return prepared(db, 'SELECT term FROM temp.search_words_vocab').pluck().all() as string[]
}

const complete = new WeakSet<Db>()

/** Every word of the index is in the vocabulary (once true for a connection, it stays true). */
export function searchTermsComplete(db: Db): boolean {
  if (complete.has(db)) return true
  // A library opened read-only before migration 17 has no vocabulary at all: search as before.
  const hasVocabulary = prepared(db, "SELECT 1 FROM sqlite_master WHERE name = 'search_terms_fill'").get()
  if (!hasVocabulary) return false
  const filling = prepared(db, 'SELECT 1 FROM search_terms_fill').get()
  if (!filling) complete.add(db)
  return !filling
}

/**
 * Words copied from story_vocab a batch. Each word costs reading its list of stories: about 0.5 ms
 * a word at a million stories on a cold cache, far more for the commonest words (measured in
 * docs/benchmarks.md, "Search"), so a batch is small and main answers the window between batches.
 */
export const FILL_BATCH = 200

export interface FillProgress {
  /** Words copied by this call. */
  copied: number
  /** The vocabulary is complete. */
  done: boolean
}

/**
 * Copy the next batch of the index's words into the vocabulary, in its own transaction, and record
 * how far it got. story_vocab reads each word's whole list of stories to count them, so the copy
 * of a large library is long (measured in docs/benchmarks.md, "Search"): the app runs it a batch
 * at a time in quiet moments (keepFillingSearchTerms) and search does without the vocabulary until
 * it is done.
 */
export function fillSearchTerms(db: Db, batch = FILL_BATCH): FillProgress {
  if (searchTermsComplete(db)) return { copied: 0, done: true }
  return db
    .transaction((): FillProgress => {
      const row = prepared(db, 'SELECT after FROM search_terms_fill').get() as { after: string } | undefined
      if (!row) return { copied: 0, done: true }
      const terms = prepared(db, 'SELECT term FROM story_vocab WHERE term > ? ORDER BY term LIMIT ?')
        .pluck()
        .all(row.after, batch) as string[]
      if (terms.length) {
        prepared(db, 'INSERT OR IGNORE INTO search_terms (term) SELECT value FROM json_each(?)').run(
          JSON.stringify(terms),
        )
      }
      if (terms.length < batch) {
        prepared(db, 'DELETE FROM search_terms_fill').run()
        complete.add(db)
        return { copied: terms.length, done: true }
      }
      prepared(db, 'UPDATE search_terms_fill SET after = ?').run(terms.at(-1))
      return { copied: terms.length, done: false }
    })
    .immediate()
}

/** Fill the vocabulary to the end (the CLI, the benchmark); told the words copied so far. */
export function fillAllSearchTerms(db: Db, onProgress?: (copied: number) => void): number {
  let copied = 0
  for (;;) {
    const step = fillSearchTerms(db)
    copied += step.copied
    onProgress?.(copied)
    if (step.done) return copied
  }
}

/** Words in the vocabulary (the CLI's report). */
export function countSearchTerms(db: Db): number {
  return prepared(db, 'SELECT count(*) FROM search_terms').pluck().get() as number
}

/**
 * Fill the vocabulary in the app's background: a batch, then wait for a quiet moment (no keys)
 * and the next turn of the event loop, so saves and searches go between batches. Stops when the
 * vocabulary is complete or `stillOpen()` turns false (the library was closed).
 */
export async function keepFillingSearchTerms(
  db: Db,
  quietMoment: () => Promise<void>,
  stillOpen: () => boolean = () => db.open,
): Promise<void> {
  while (stillOpen() && !fillSearchTerms(db).done) await quietMoment()
}

/**
 * The index's whole words that begin with `prefix` (already folded as the index folds: lower case,
 * accents off), in order, or null when there are more than `max` or the vocabulary is not complete
 * (then a prefix query is the honest answer). GLOB is case-sensitive and uses the primary key's range.
 */
export function termsStartingWith(db: Db, prefix: string, max: number): string[] | null {
  if (!searchTermsComplete(db)) return null
  const terms = prepared(db, 'SELECT term FROM search_terms WHERE term GLOB ? LIMIT ?')
    .pluck()
    .all(`${prefix.replace(/[*?[\]]/g, '')}*`, max + 1) as string[]
  return terms.length > max ? null : terms
}
