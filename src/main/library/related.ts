import { prepared, type Db } from './open'
import { termMatcher } from './marks'
import { markHits } from './search'
import { getStory, storiesInLibrary } from './stories'
import { contentTerms, countTerms, type TermCount } from './terms'
import type { SearchHit } from '../../shared/contract'
import type { RelatedLookupItem } from '../../shared/related'
import type { StoryId, StoryStatus } from '../../shared/story'

/**
 * Related-story curation: suggestions from the library itself, candidates for the related
 * headlines that come in with wire copy, and what each linked story looks like now.
 *
 * A suggestion is a "more like this" search. The story's own distinctive terms (tf-idf: how often
 * the story uses a word against how many stories in the library use it, read from the index's
 * vocabulary, story_vocab) become an OR query, ranked with bm25, so stories that share the same
 * people and places come first.
 */

/** Terms in the suggestion query: enough to find stories sharing any of the story's subjects. */
const MAX_QUERY_TERMS = 8
/**
 * Terms whose library counts are looked up: the names in the story (even one mentioned once may be
 * what another story is about) and its most frequent other words.
 */
const MAX_NAME_CANDIDATES = 24
const MAX_WORD_CANDIDATES = 12
/**
 * How many (story, term) entries a query may read. bm25 scores every story that matches any term
 * (about a microsecond each), so this bounds a query's time on any library size. Distinctive terms
 * (names) match few stories and always fit; a word in tens of thousands of stories never does.
 */
const POSTINGS_BUDGET = 4_000
/** A word in more than this share of the library (and more than COMMON_FROM_DOCS stories) is common. */
const COMMON_SHARE = 0.1
const COMMON_FROM_DOCS = 50
/** Terms used when a story has only common words: its best few, searched among recent stories. */
const FALLBACK_TERMS = 3
/** Where a word appears in the story: the headline says most about what it is about. */
const FIELD_WEIGHTS = { headline: 3, standfirst: 2, body: 1 } as const
/** Headline, standfirst, byline, body. A shared byline (an agency's name) is not a shared subject. */
const RANK = 'bm25(story_search, 10.0, 4.0, 0.0, 1.0)'

/* ---------- how many stories use a term ---------- */

/** Library counts worth remembering: reading them means reading a long list of stories. */
const CACHE_FROM_DOCS = 1_000
const CACHE_MAX_TERMS = 50_000

interface DocCountCache {
  stories: number
  counts: Map<string, number>
}
const docCountCaches = new WeakMap<Db, DocCountCache>()

/**
 * How many stories contain each term (0 for none). The counts of common words are remembered per
 * connection: one save moves them by one at most, which cannot change a ranking, and they are
 * forgotten when the library grows or shrinks by 2%. Rare words are always read afresh (cheap).
 */
export function documentCounts(db: Db, terms: readonly string[], stories = storiesInLibrary(db)): Map<string, number> {
  let cache = docCountCaches.get(db)
  if (!cache || Math.abs(cache.stories - stories) > cache.stories * 0.02 || cache.counts.size > CACHE_MAX_TERMS) {
    cache = { stories, counts: new Map() }
    docCountCaches.set(db, cache)
  }
  const lookup = prepared(db, 'SELECT doc FROM story_vocab WHERE term = ?').pluck()
  const out = new Map<string, number>()
  for (const term of terms) {
    let docs = cache.counts.get(term)
    if (docs === undefined) {
      docs = (lookup.get(term) as number | undefined) ?? 0
      if (docs >= CACHE_FROM_DOCS) cache.counts.set(term, docs)
    }
    out.set(term, docs)
  }
  return out
}

/* ---------- a story's distinctive terms ---------- */

export interface DistinctiveTerm {
  term: string
  score: number
  /** Stories in the library that contain it, this one included. */
  docs: number
}

function weightedCounts(story: { headline: string; standfirst: string; bodyText: string }): Map<string, TermCount> {
  const counts = new Map<string, TermCount>()
  countTerms(story.headline, FIELD_WEIGHTS.headline, counts)
  countTerms(story.standfirst, FIELD_WEIGHTS.standfirst, counts)
  countTerms(story.bodyText, FIELD_WEIGHTS.body, counts)
  return counts
}

/** The story's words a suggestion searches by, and how far back it looks. */
export interface SuggestionQuery {
  terms: DistinctiveTerm[]
  /** Only stories with this id or later (the most recent part of the library); 0 for all of it. */
  sinceId: number
}

/**
 * The terms that say what this story is about and that other stories share, best first: weighted
 * term frequency times inverse document frequency. Words in more than a tenth of the library say
 * little and are left out, unless the story has nothing rarer (then its best three are used).
 * When the chosen terms match more stories than the postings budget, the search is narrowed to the
 * most recent stories, as many as the budget allows: readers are offered recent coverage first.
 */
export function suggestionQuery(
  db: Db,
  story: { headline: string; standfirst: string; bodyText: string },
  max = MAX_QUERY_TERMS,
): SuggestionQuery {
  const byWeight = [...weightedCounts(story).entries()].sort(
    ([a, x], [b, y]) => y.weight - x.weight || (a < b ? -1 : 1),
  )
  const candidates = [
    ...byWeight.filter(([, count]) => count.name).slice(0, MAX_NAME_CANDIDATES),
    ...byWeight.filter(([, count]) => !count.name).slice(0, MAX_WORD_CANDIDATES),
  ]
  const stories = storiesInLibrary(db)
  const docs = documentCounts(
    db,
    candidates.map(([term]) => term),
    stories,
  )
  const scored = candidates
    .map(([term, count]) => ({ term, docs: docs.get(term) ?? 0, weight: count.weight }))
    // One story (this one) or none: nothing else to find with it.
    .filter((t) => t.docs >= 2)
    .map((t) => ({ term: t.term, docs: t.docs, score: t.weight * Math.log((stories + 1) / t.docs) }))
    .sort((a, b) => b.score - a.score || a.docs - b.docs || (a.term < b.term ? -1 : 1))
  const common = Math.max(COMMON_FROM_DOCS, stories * COMMON_SHARE)
  let terms = scored.filter((t) => t.docs <= common).slice(0, max)
  if (!terms.length) terms = scored.slice(0, FALLBACK_TERMS)
  const postings = terms.reduce((sum, t) => sum + t.docs, 0)
  return { terms, sinceId: recentFrom(db, stories, postings) }
}

/**
 * The first story id to search from so that a query matching `postings` stories in the whole
 * library reads about the budget's worth: 0 (all of it) when it fits, else the most recent part.
 */
function recentFrom(db: Db, stories: number, postings: number): number {
  if (postings <= POSTINGS_BUDGET) return 0
  const newest = (prepared(db, 'SELECT max(id) AS id FROM stories').get() as { id: number | null }).id ?? 0
  const window = Math.ceil((stories * POSTINGS_BUDGET) / postings)
  return Math.max(0, newest - window + 1)
}

/** The terms alone (tests, the panel's "Sharing: …"). */
export function distinctiveTerms(
  db: Db,
  story: { headline: string; standfirst: string; bodyText: string },
  max = MAX_QUERY_TERMS,
): DistinctiveTerm[] {
  return suggestionQuery(db, story, max).terms
}

const anyOf = (terms: readonly string[]) => terms.map((t) => `"${t}"`).join(' OR ')

/* ---------- ranking ---------- */

/** The CASTs: FTS5 ignores a rowid bound that is not an INTEGER, and better-sqlite3 binds numbers as REAL. */
function rankedIds(db: Db, query: string, options: { excludeId: StoryId; sinceId?: number; limit: number }): StoryId[] {
  return prepared(
    db,
    `SELECT rowid FROM story_search
     WHERE story_search MATCH ? AND rowid >= CAST(? AS INTEGER) AND rowid != ?
       AND rowid NOT IN (SELECT story_id FROM spiked)
     ORDER BY ${RANK} LIMIT ?`,
  )
    .pluck()
    .all(query, options.sinceId ?? 0, options.excludeId, options.limit) as StoryId[]
}

/* ---------- the three things the panel asks ---------- */

export interface Suggestions {
  /** The story's words the suggestions were found by (shown as "Sharing: …"). */
  terms: string[]
  items: SearchHit[]
}

/**
 * Library stories most like this one, best first; never the story itself nor a story already in
 * its related list.
 */
export function suggestRelated(db: Db, id: StoryId, limit: number): Suggestions {
  const story = getStory(db, id)
  const { terms, sinceId } = suggestionQuery(db, story)
  if (!terms.length) return { terms: [], items: [] }
  const already = new Set(story.related.flatMap((entry) => (entry.storyId === undefined ? [] : [entry.storyId])))
  const query = anyOf(terms.map((t) => t.term))
  const ids = rankedIds(db, query, { excludeId: id, sinceId, limit: limit + already.size })
    .filter((other) => !already.has(other))
    .slice(0, limit)
  return {
    terms: terms.map((t) => t.term),
    items: markHits(
      db,
      ids,
      termMatcher(
        terms.map((t) => t.term),
        false,
      ),
      false,
    ),
  }
}

/** The headline's rarest words a candidate is matched on (every pair of them is asked for). */
const MATCH_TERMS = 3
/** Candidates ranked by bm25 before the closest headlines are picked from them. */
const MATCH_POOL = 20

/**
 * Library stories that could be the story a related headline from the wire means. A candidate
 * shares at least two of the headline's three rarest words (one, if the headline has one): a single
 * shared word ("police") is a coincidence, not a match. A wire headline names the story it means,
 * so headlines are searched first (over the whole library) and stories' text only when that finds
 * too few; of the candidates, those whose headline shares most words with it come first.
 */
export function matchRelatedHeadline(
  db: Db,
  headline: string,
  options: { excludeId?: StoryId; limit: number },
): SearchHit[] {
  const words = contentTerms(headline)
  if (!words.length) return []
  const stories = storiesInLibrary(db)
  const docs = documentCounts(db, words, stories)
  const known = words.filter((w) => (docs.get(w) ?? 0) > 0)
  const terms = [...known].sort((a, b) => docs.get(a)! - docs.get(b)! || (a < b ? -1 : 1)).slice(0, MATCH_TERMS)
  // Two shared words when the headline has two or more worth matching on.
  if (terms.length < Math.min(2, words.length)) return []
  const pairs = terms.flatMap((a, i) => terms.slice(i + 1).map((b) => [a, b] as const))
  const query = pairs.length ? pairs.map(([a, b]) => `("${a}" AND "${b}")`).join(' OR ') : `"${terms[0]}"`
  const excludeId = options.excludeId ?? 0
  const pool = Math.max(MATCH_POOL, options.limit)
  let ids = rankedIds(db, `headline : (${query})`, { excludeId, limit: pool })
  if (ids.length < options.limit) {
    // At most this many stories can match: each holds two of the words, and one pair's stories
    // are at most the rarer word's (a headline's words go together: guessing lower would be wrong).
    const total = terms.reduce((sum, t) => sum + docs.get(t)!, 0)
    const most = pairs.length
      ? Math.min(
          total / 2,
          pairs.reduce((sum, [a, b]) => sum + Math.min(docs.get(a)!, docs.get(b)!), 0),
        )
      : total
    const seen = new Set(ids)
    const more = rankedIds(db, query, { excludeId, sinceId: recentFrom(db, stories, most), limit: pool })
    ids = [...ids, ...more.filter((id) => !seen.has(id))]
  }
  const wanted = new Set(words)
  const shared = (hit: SearchHit) => contentTerms(hit.headline).filter((w) => wanted.has(w)).length
  return markHits(db, ids, termMatcher(known, false), false)
    .map((hit, rank) => ({ hit, rank, shared: shared(hit) }))
    .sort((x, y) => y.shared - x.shared || x.rank - y.rank)
    .slice(0, options.limit)
    .map(({ hit }) => hit)
}

interface LookupRow {
  id: number
  headline: string
  status: StoryStatus
  dateline: string
  updated_at: string
  published_at: string | null
}

/** What each linked story is now: its headline, status and date, or that it is gone. */
export function lookupRelated(db: Db, ids: readonly StoryId[]): RelatedLookupItem[] {
  const rows = prepared(
    db,
    `SELECT id, headline, status, dateline, updated_at, published_at FROM stories
     WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as LookupRow[]
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.map((id): RelatedLookupItem => {
    const row = byId.get(id)
    if (!row) return { id, found: false }
    const dateline = JSON.parse(row.dateline) as { date?: string }
    return {
      id,
      found: true,
      headline: row.headline,
      status: row.status,
      date: dateline.date ?? null,
      updatedAt: row.updated_at,
      unpublished: row.published_at !== null && row.status !== 'published',
    }
  })
}
