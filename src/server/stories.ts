import * as Y from 'yjs'
import type { Pool } from 'pg'
import { countWords } from '../shared/body'
import { bodyToText } from '../shared/body-text'
import { deskEmbargoAt, fieldAuthors, storyFromDoc } from '../shared/desk/story-doc'
import type { StoryAccessFacts, User } from './accounts'

/** What the change feed and search give a client: enough for the library list without the whole doc. */
export interface DeskSummary {
  id: string
  desk: string
  owner: string
  slug: string
  headline: string
  status: string
  assignee: string | null
  embargo: string | null
  wordCount: number
  updatedAt: string
  updatedBy: string
  change: number
  /** Set while the story is on the desk's spike: out of everyone's list (docs/team.md). */
  spikedAt: string | null
  spikedBy: string | null
}

const SUMMARY = `id, desk, owner, slug, headline, status, assignee, embargo, word_count AS "wordCount",
  updated_at AS "updatedAt", updated_by AS "updatedBy", change::float8 AS change, spiked_at AS "spikedAt",
  spiked_by AS "spikedBy"`

interface SummaryRow extends Omit<DeskSummary, 'embargo' | 'updatedAt' | 'spikedAt'> {
  embargo: Date | null
  updatedAt: Date
  spikedAt: Date | null
}
const summary = (row: SummaryRow): DeskSummary => ({
  ...row,
  embargo: row.embargo ? row.embargo.toISOString() : null,
  updatedAt: row.updatedAt.toISOString(),
  spikedAt: row.spikedAt ? row.spikedAt.toISOString() : null,
})

/** The listing, search and hand-off columns, read from the doc itself (one projection, the shared code). */
function columnsOf(doc: Y.Doc) {
  const story = storyFromDoc(doc)
  const bodyText = bodyToText(story.body)
  // The story's own embargo feeds the column: one source of truth (docs/team.md).
  const embargo = deskEmbargoAt(story.embargo)
  return {
    slug: story.slug,
    headline: story.headline,
    bodyText,
    wordCount: countWords(bodyText),
    status: story.status,
    assignee: story.assignee,
    embargo,
    standfirst: story.standfirst,
    bylines: story.bylines.map((b) => b.name).join(' '),
  }
}

const SEARCH = `setweight(to_tsvector(cfg.value::regconfig, $headline), 'A') ||
  setweight(to_tsvector(cfg.value::regconfig, $standfirst || ' ' || $bylines), 'B') ||
  setweight(to_tsvector(cfg.value::regconfig, $body), 'C')`

function searchSql(first: number): string {
  return SEARCH.replace('$headline', `$${first}`)
    .replace('$standfirst', `$${first + 1}`)
    .replace('$bylines', `$${first + 2}`)
    .replace('$body', `$${first + 3}`)
}

export async function accessFacts(pool: Pool, id: string): Promise<StoryAccessFacts | null> {
  const { rows } = await pool.query<StoryAccessFacts>('SELECT desk, owner, assignee FROM stories WHERE id = $1', [id])
  return rows[0] ?? null
}

/** A story shared to the desk for the first time, with the whole doc its sharer made. */
export async function createStory(pool: Pool, id: string, desk: string, owner: User, state: Uint8Array) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const c = columnsOf(doc)
  const { rows } = await pool.query<SummaryRow>(
    `INSERT INTO stories (id, desk, owner, state, slug, headline, body_text, word_count, status, assignee, embargo,
       updated_by, search)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $3, ${searchSql(12)}
       FROM settings cfg WHERE cfg.key = 'search_config'
     ON CONFLICT (id) DO NOTHING
     RETURNING ${SUMMARY}`,
    [
      id,
      desk,
      owner.name,
      Buffer.from(state),
      c.slug,
      c.headline,
      c.bodyText,
      c.wordCount,
      c.status,
      c.assignee,
      c.embargo,
      c.headline,
      c.standfirst,
      c.bylines,
      c.bodyText,
    ],
  )
  if (!rows[0]) return null
  await snapshot(pool, id, doc, [owner.name])
  return summary(rows[0])
}

/**
 * The same share sent again (its answer was lost on the way: a dropped connection): the story
 * with this id is already this user's, on this desk, and holds everything the repeat carries.
 * Answered as the first was, so a client may retry a share without a false "already shared".
 */
export async function repeatedShare(pool: Pool, id: string, desk: string, owner: User, state: Uint8Array) {
  const { rows } = await pool.query<SummaryRow & { state: Buffer }>(
    `SELECT ${SUMMARY}, state FROM stories WHERE id = $1 AND desk = $2 AND owner = $3`,
    [id, desk, owner.name],
  )
  const row = rows[0]
  if (!row) return null
  const missing = Y.diffUpdate(state, Y.encodeStateVectorFromUpdate(new Uint8Array(row.state)))
  if (Y.decodeUpdate(missing).structs.length) return null
  const { state: _s, ...rest } = row
  return summary(rest)
}

export async function loadState(pool: Pool, id: string): Promise<Uint8Array | null> {
  const { rows } = await pool.query<{ state: Buffer }>('SELECT state FROM stories WHERE id = $1', [id])
  return rows[0] ? new Uint8Array(rows[0].state) : null
}

async function snapshot(pool: Pool, id: string, doc: Y.Doc, authors: string[]) {
  const c = columnsOf(doc)
  await pool.query(
    `INSERT INTO snapshots (story_id, change, authors, fields_by, headline, word_count, state)
     SELECT $1, change, $2, $3, $4, $5, $6 FROM stories WHERE id = $1`,
    [id, authors, JSON.stringify(fieldAuthors(doc)), c.headline, c.wordCount, Buffer.from(Y.encodeStateAsUpdate(doc))],
  )
}

/**
 * Store the doc as Hocuspocus holds it: the whole Yjs state, the columns, the next change number
 * (so every client's feed sees it) and a snapshot naming who wrote since the last one.
 */
export async function storeStory(pool: Pool, id: string, doc: Y.Doc, authors: string[]): Promise<void> {
  const c = columnsOf(doc)
  const state = Buffer.from(Y.encodeStateAsUpdate(doc))
  const who = authors.length ? authors : ['server']
  await pool.query(
    `UPDATE stories SET state = $2, slug = $3, headline = $4, body_text = $5, word_count = $6, status = $7,
       assignee = $8, embargo = $9, updated_at = now(), updated_by = $10, change = nextval('story_change'),
       search = (SELECT ${searchSql(11)} FROM settings cfg WHERE cfg.key = 'search_config')
     WHERE id = $1`,
    [
      id,
      state,
      c.slug,
      c.headline,
      c.bodyText,
      c.wordCount,
      c.status,
      c.assignee,
      c.embargo,
      who.join(', '),
      c.headline,
      c.standfirst,
      c.bylines,
      c.bodyText,
    ],
  )
  await snapshot(pool, id, doc, who)
}

/**
 * Put a story on the desk's spike or bring it back: a change like any other (the next number), so
 * every client following the feed takes it out of its list or puts it back.
 */
export async function setSpiked(pool: Pool, id: string, user: User, spiked: boolean): Promise<DeskSummary> {
  const { rows } = await pool.query<SummaryRow>(
    `UPDATE stories SET spiked_at = CASE WHEN $2 THEN coalesce(spiked_at, now()) END,
       spiked_by = CASE WHEN $2 THEN coalesce(spiked_by, $3) END,
       updated_at = now(), updated_by = $3, change = nextval('story_change')
     WHERE id = $1 RETURNING ${SUMMARY}`,
    [id, spiked, user.name],
  )
  return summary(rows[0]!)
}

/** Readable stories changed after `after`, oldest change first: a client's cursor moves to the last one. */
export async function feed(pool: Pool, user: User, after: number, limit: number): Promise<DeskSummary[]> {
  const { rows } = await pool.query<SummaryRow>(
    `SELECT ${SUMMARY} FROM stories WHERE change > $1 AND ($2 OR desk = $3) ORDER BY change LIMIT $4`,
    [after, user.role === 'desk-head', user.desk, limit],
  )
  return rows.map(summary)
}

export async function search(pool: Pool, user: User, query: string, limit: number): Promise<DeskSummary[]> {
  const { rows } = await pool.query<SummaryRow>(
    `SELECT ${SUMMARY} FROM stories, settings cfg, websearch_to_tsquery(cfg.value::regconfig, $1) q
      WHERE cfg.key = 'search_config' AND search @@ q AND ($2 OR desk = $3) AND spiked_at IS NULL
      ORDER BY ts_rank(search, q) DESC, updated_at DESC LIMIT $4`,
    [query, user.role === 'desk-head', user.desk, limit],
  )
  return rows.map(summary)
}

export interface HistoryEntry {
  change: number
  takenAt: string
  authors: string[]
  fieldsBy: Record<string, string>
  headline: string
  wordCount: number
}

export async function history(pool: Pool, id: string): Promise<HistoryEntry[]> {
  const { rows } = await pool.query<Omit<HistoryEntry, 'takenAt'> & { takenAt: Date }>(
    `SELECT change::float8 AS change, taken_at AS "takenAt", authors, fields_by AS "fieldsBy", headline,
            word_count AS "wordCount"
       FROM snapshots WHERE story_id = $1 ORDER BY change`,
    [id],
  )
  return rows.map((r) => ({ ...r, takenAt: r.takenAt.toISOString() }))
}

/** A catch-up batch: at most this many stories' states in one answer... */
export const STATES_PER_BATCH = 200
/** ...and at most about this many bytes of them (one larger story still comes, alone). */
export const STATE_BYTES_PER_BATCH = 8 * 1024 * 1024

export interface StateBatch {
  /** The states that fit, in the order asked. */
  states: { id: string; state: Uint8Array }[]
  /** Readable stories that did not fit in the byte budget: ask again for them. */
  later: string[]
}

/**
 * Many stories' states for one client at once (catch-up after the feed): only the stories
 * `readable` allows (another desk's are left out, as "not found" is everywhere else), and no more
 * bytes than the budget, measured in PostgreSQL before any state is read into memory.
 */
export async function statesOf(
  pool: Pool,
  ids: string[],
  readable: (facts: StoryAccessFacts) => boolean,
  budget = STATE_BYTES_PER_BATCH,
): Promise<StateBatch> {
  const { rows } = await pool.query<StoryAccessFacts & { id: string; size: number }>(
    'SELECT id::text AS id, desk, owner, assignee, octet_length(state) AS size FROM stories WHERE id = ANY($1::uuid[])',
    [ids],
  )
  const byId = new Map(rows.filter(readable).map((r) => [r.id, r]))
  const now: string[] = []
  const later: string[] = []
  let bytes = 0
  for (const id of ids) {
    const row = byId.get(id)
    if (!row) continue
    if (now.length && bytes + row.size > budget) later.push(id)
    else {
      now.push(id)
      bytes += row.size
    }
  }
  if (!now.length) return { states: [], later }
  const { rows: states } = await pool.query<{ id: string; state: Buffer }>(
    'SELECT id::text AS id, state FROM stories WHERE id = ANY($1::uuid[])',
    [now],
  )
  const stateOf = new Map(states.map((r) => [r.id, new Uint8Array(r.state)]))
  return { states: now.flatMap((id) => (stateOf.has(id) ? [{ id, state: stateOf.get(id)! }] : [])), later }
}
