import { prepared, type Db } from './open'
import { packText, unpackText } from './packed'
import { reasonForSave, recordRevision } from './revision-log'
import { noteSearchTerms } from './search-terms'
import type { DeskDetails } from '../../shared/desk/contract'
import { ApiError } from '../../shared/errors'
import { countWords, emptyBody } from '../../shared/body'
import { bodyToText } from '../../shared/body-text'
import { slugify } from '../../shared/slug'
import type { RevisionReason } from '../../shared/contract'
import {
  blankStoryFields,
  storyFieldNames,
  type Story,
  type StoryFields,
  type StoryId,
  type StorySource,
  type StoryStatus,
  type StorySummary,
} from '../../shared/story'

/**
 * How each field an editor writes is kept in its column of `stories`: text as it is, structures as
 * JSON. Typed against StoryFields, so a field added to the schema is a type error here until it has
 * a column (and a migration adds it).
 */
interface FieldColumn<T> {
  column: string
  write: (value: T) => string | Buffer | null
  read: (stored: string | Buffer | null) => T
}
/** A text column is NOT NULL DEFAULT '': an optional text field (added after stories were written) is kept as ''. */
const asText = <T extends string | undefined>(column: string): FieldColumn<T> => ({
  column,
  write: (value) => value ?? '',
  read: (stored) => stored as T,
})
const asJson = <T>(column: string, absent: NoInfer<T>): FieldColumn<T> => ({
  column,
  write: (value) => JSON.stringify(value ?? absent),
  read: (stored) => JSON.parse(stored as string) as T,
})
/** The body is the one large field: kept deflated (packed.ts), and read whichever way it was written. */
const asPackedJson = <T>(column: string, absent: NoInfer<T>): FieldColumn<T> => ({
  column,
  write: (value) => packText(JSON.stringify(value ?? absent)),
  read: (stored) => JSON.parse(unpackText(stored!)) as T,
})
const asJsonOrNull = <T>(column: string): FieldColumn<T | null> => ({
  column,
  write: (value) => (value ? JSON.stringify(value) : null),
  read: (stored) => (stored ? (JSON.parse(stored as string) as T) : null),
})

const fieldColumns: { [K in keyof StoryFields]-?: FieldColumn<StoryFields[K]> } = {
  slug: asText('slug'),
  status: asText('status'),
  headline: asText('headline'),
  standfirst: asText('standfirst'),
  bylines: asJson('bylines', []),
  dateline: asJson('dateline', {}),
  leadPicture: asJsonOrNull('lead_picture'),
  body: asPackedJson('body', emptyBody()),
  related: asJson('related', []),
  keywords: asJson('keywords', []),
  publishedAt: { column: 'published_at', write: (value) => value ?? null, read: (stored) => stored as string | null },
  editorNote: asText('editor_note'),
  deskNote: asText('desk_note'),
  embargo: asJsonOrNull('embargo'),
  kill: asJsonOrNull('kill'),
  urgency: {
    column: 'urgency',
    write: (value) => (value ? String(value) : null),
    read: (s) => (s === null ? null : Number(s)),
  },
  language: asText('language'),
}

/** What the library keeps beside the editor's fields. */
interface StoryRow extends Record<string, string | number | Buffer | null> {
  id: number
  /** Deflated since migration 16 (packed.ts); plain text in a row written before it. */
  body_text: string | Buffer
  word_count: number
  source: string | null
  created_at: string
  updated_at: string
  revision: number
}

function fieldsFromRow(row: StoryRow): StoryFields {
  const fields: Record<string, unknown> = {}
  for (const name of storyFieldNames) {
    const { column, read } = fieldColumns[name]
    fields[name] = read(row[column] as string | Buffer | null)
  }
  return fields as StoryFields
}

function fieldsToColumns(story: StoryFields): Record<string, string | Buffer | null> {
  const columns: Record<string, string | Buffer | null> = {}
  for (const name of storyFieldNames) {
    const { column, write } = fieldColumns[name] as FieldColumn<unknown>
    columns[column] = write(story[name])
  }
  return columns
}

export interface SummaryRow {
  id: number
  slug: string
  status: StoryStatus
  headline: string
  bylines: string
  agency: string | null
  word_count: number
  updated_at: string
  lead_media_id: string | null
  embargo: string | null
  kill_kind: 'kill' | 'withdrawal' | null
  /** JSON of the desk details when the story is shared (library/desk/), else null. */
  desk_json: string | null
}

export const SUMMARY_COLUMNS =
  "s.id, s.slug, s.status, s.headline, s.bylines, s.agency, s.word_count, s.updated_at, json_extract(s.lead_picture, '$.mediaId') AS lead_media_id, s.embargo, json_extract(s.kill, '$.kind') AS kill_kind, " +
  "(SELECT json_object('owner', d.owner, 'assignee', d.assignee, 'desk', d.desk) FROM desk_stories d WHERE d.story_id = s.id) AS desk_json"

export function summaryFromRow(row: SummaryRow): StorySummary {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    headline: row.headline,
    bylines: (JSON.parse(row.bylines) as Story['bylines']).map((b) => b.name),
    agency: row.agency,
    wordCount: row.word_count,
    updatedAt: row.updated_at,
    leadMediaId: row.lead_media_id ?? null,
    embargo: row.embargo ? (JSON.parse(row.embargo) as Story['embargo']) : null,
    kill: row.kill_kind ?? null,
    // Only shared stories carry it, so a local library's summaries are as they always were.
    ...(row.desk_json ? { desk: JSON.parse(row.desk_json) as DeskDetails } : {}),
  }
}

function storyFromRow(row: StoryRow): Story {
  return {
    ...fieldsFromRow(row),
    id: row.id,
    bodyText: unpackText(row.body_text),
    wordCount: row.word_count,
    source: row.source ? (JSON.parse(row.source) as StorySource) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  }
}

/** The stored columns of a story; derived text (search, counts) is computed here, in one place. */
function columnsOf(story: Story) {
  return {
    id: story.id,
    ...fieldsToColumns(story),
    byline_text: story.bylines.map((b) => b.name).join(', '),
    // Deflated: a third of its size. Search's triggers unpack it to index it (copydesk_text).
    body_text: packText(story.bodyText),
    word_count: story.wordCount,
    source: story.source ? JSON.stringify(story.source) : null,
    agency: story.source?.agency ?? null,
    created_at: story.createdAt,
    updated_at: story.updatedAt,
    revision: story.revision,
  }
}

function withDerived(story: Story): Story {
  const bodyText = bodyToText(story.body)
  // The first time a story is published is its publication time; later edits only update it.
  const publishedAt = story.publishedAt ?? (story.status === 'published' ? story.updatedAt : null)
  return { ...story, bodyText, wordCount: countWords(bodyText), publishedAt }
}

/** The text the search index holds of a story (story_search's columns), field by field. */
function indexedText(story: Story): string[] {
  return [story.headline, story.standfirst, story.bylines.map((b) => b.name).join(', '), story.bodyText]
}

/**
 * Put the words of what changed in the indexed text into the search vocabulary (search-terms.ts),
 * in the transaction that writes the story. Every write of a story's text comes through here:
 * create and import (insertStory), save, and the desk's projection.
 */
function noteIndexedWords(db: Db, next: Story, current?: Story): void {
  const before = current ? indexedText(current) : []
  noteSearchTerms(
    db,
    indexedText(next).filter((text, i) => text !== before[i]),
  )
}

/** Stories marked ready or published are synced to disk fully, not just to the WAL. */
function durably<T>(db: Db, full: boolean, work: () => T): T {
  if (!full) return db.transaction(work).immediate()
  db.pragma('synchronous = FULL')
  try {
    return db.transaction(work).immediate()
  } finally {
    db.pragma('synchronous = NORMAL')
  }
}

const isFinal = (status: StoryStatus) => status === 'ready' || status === 'published'

export interface CreateOptions {
  source?: StorySource | null
  reason?: RevisionReason
  /** What the history says beside the reason ("copy of story 12"). */
  note?: string
  now?: Date
}

/** Insert a story without opening a transaction: the caller's (import batch, create) holds it. */
export function insertStory(db: Db, fields: Partial<StoryFields>, options: CreateOptions = {}): Story {
  const at = (options.now ?? new Date()).toISOString()
  const blank = blankStoryFields()
  const given: Record<string, unknown> = {}
  for (const name of storyFieldNames) given[name] = fields[name] ?? blank[name]
  const draft = withDerived({
    ...(given as StoryFields),
    slug: fields.slug || slugify(fields.headline ?? ''),
    id: 0,
    bodyText: '',
    wordCount: 0,
    source: options.source ?? null,
    createdAt: at,
    updatedAt: at,
    revision: 1,
  })
  const { id: _ignored, ...columns } = columnsOf(draft)
  const names = Object.keys(columns)
  const result = prepared(
    db,
    `INSERT INTO stories (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`,
  ).run(columns)
  const story = { ...draft, id: Number(result.lastInsertRowid) }
  noteIndexedWords(db, story)
  recordRevision(db, story, options.reason ?? 'create', options.note)
  return story
}

export function createStory(db: Db, fields: Partial<StoryFields>, options: CreateOptions = {}): Story {
  return durably(db, isFinal(fields.status ?? 'draft'), () => insertStory(db, fields, options))
}

export function getStory(db: Db, id: StoryId): Story {
  const row = prepared(db, 'SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined
  if (!row) throw new ApiError('not-found', `there is no story ${id} in the library`)
  return storyFromRow(row)
}

export interface SaveRequest {
  id: StoryId
  expectedRevision: number
  changes: Partial<StoryFields>
  reason: RevisionReason
  /** What the history says beside the reason ("revision 3" for a restore). */
  note?: string
  /**
   * A restore's version, by when it was saved: a shared story's restore names it so in every
   * colleague's history, where this library's revision numbers mean nothing (desk/session.ts).
   */
  restoredVersionSavedAt?: string
  now?: Date
}

/**
 * Apply an editor's changes on top of the revision they were made against. If someone (another
 * window, a batch job) saved in between, the save is refused as a conflict: merging two editors'
 * copy silently is how words get lost.
 */
export function saveStory(db: Db, request: SaveRequest): Story {
  const final = isFinal(request.changes.status ?? 'draft')
  return durably(db, final, () => {
    const current = getStory(db, request.id)
    if (current.revision !== request.expectedRevision) {
      throw new ApiError(
        'conflict',
        `story ${request.id} was changed elsewhere (now at revision ${current.revision}, this edit was made on revision ${request.expectedRevision}); reload it before saving`,
      )
    }
    const next = withDerived({
      ...current,
      ...request.changes,
      updatedAt: (request.now ?? new Date()).toISOString(),
      revision: current.revision + 1,
    })
    const columns = columnsOf(next)
    const names = Object.keys(columns).filter((n) => n !== 'id' && n !== 'created_at')
    prepared(db, `UPDATE stories SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run(columns)
    noteIndexedWords(db, next, current)
    recordRevision(db, next, reasonForSave(current, request.changes, request.reason), request.note)
    return next
  })
}

export interface ListRequest {
  status?: StoryStatus
  limit: number
  offset: number
  /** Only stories under an embargo that holds now (words alone hold until a time is set). */
  embargoed?: boolean
  now?: Date
}

/** Every story in the library, spiked ones included: the tally's sum, not a count of every row. */
export function storiesInLibrary(db: Db): number {
  return (prepared(db, 'SELECT coalesce(sum(stories), 0) AS n FROM story_tally').get() as { n: number }).n
}

function storiesOfStatus(db: Db, status: StoryStatus): number {
  return (
    (prepared(db, 'SELECT stories AS n FROM story_tally WHERE status = ?').get(status) as { n: number } | undefined)
      ?.n ?? 0
  )
}

export function listStories(db: Db, request: ListRequest): { total: number; items: StorySummary[] } {
  // Spiked stories are on the spike list, not here (spike.ts).
  const notSpiked = 'NOT EXISTS (SELECT 1 FROM spiked k WHERE k.story_id = s.id)'
  const holds =
    "s.embargo IS NOT NULL AND coalesce(json_extract(s.embargo, '$.at') > @now, json_extract(s.embargo, '$.note') IS NOT NULL)"
  const conditions = [
    notSpiked,
    ...(request.status ? ['s.status = @status'] : []),
    ...(request.embargoed ? [holds] : []),
  ]
  const where = `WHERE ${conditions.join(' AND ')}`
  const params = {
    status: request.status,
    limit: request.limit,
    offset: request.offset,
    ...(request.embargoed ? { now: (request.now ?? new Date()).toISOString() } : {}),
  }
  // Every spiked story is a story (the spike row goes with it), so the list's total is the stories
  // less the spiked ones: the stories from the tally the triggers keep (migration 15; count(*) took
  // 64 ms at a million stories, on every page), the spiked from their own small table.
  const total = request.embargoed
    ? (prepared(db, `SELECT count(*) AS n FROM stories s ${where}`).get(params) as { n: number }).n
    : request.status
      ? storiesOfStatus(db, request.status) -
        (
          prepared(
            db,
            'SELECT count(*) AS n FROM spiked k JOIN stories s ON s.id = k.story_id WHERE s.status = @status',
          ).get(params) as { n: number }
        ).n
      : storiesInLibrary(db) - (prepared(db, 'SELECT count(*) AS n FROM spiked').get() as { n: number }).n
  const rows = prepared(
    db,

    `SELECT ${SUMMARY_COLUMNS} FROM stories s ${where}
       ORDER BY s.updated_at DESC, s.id DESC LIMIT @limit OFFSET @offset`,
  ).all(params) as SummaryRow[]
  return { total, items: rows.map(summaryFromRow) }
}

export function deleteStory(db: Db, id: StoryId): { id: StoryId } {
  const result = prepared(db, 'DELETE FROM stories WHERE id = ?').run(id)
  if (result.changes === 0) throw new ApiError('not-found', `there is no story ${id} in the library`)
  return { id }
}

export interface RevisionRow {
  revision: number
  savedAt: string
  reason: RevisionReason
  wordCount: number
}

export function listRevisions(db: Db, id: StoryId): RevisionRow[] {
  return prepared(
    db,

    `SELECT revision, saved_at AS savedAt, reason, word_count AS wordCount
       FROM revisions WHERE story_id = ? ORDER BY revision DESC`,
  ).all(id) as RevisionRow[]
}

/**
 * Write a shared story's row from its Y.Doc (library/desk/): the row is a projection, so list,
 * search, checks and export read shared stories exactly like local ones. No revision check: the
 * doc has already merged every editor's changes. A new row is made when `id` is null.
 */
export function projectStory(
  db: Db,
  id: StoryId | null,
  fields: StoryFields,
  now = new Date(),
  /** A revision to keep even if no field changed (an override arriving from the desk). */
  record?: { reason: RevisionReason; note: string },
): Story {
  if (id === null) {
    const created = insertStory(db, fields, { now, reason: 'create' })
    return record ? projectStory(db, created.id, fields, now, record) : created
  }
  const current = getStory(db, id)
  const next = withDerived({ ...current, ...fields, updatedAt: now.toISOString(), revision: current.revision + 1 })
  if (
    !record &&
    JSON.stringify({ ...current, updatedAt: '', revision: 0 }) ===
      JSON.stringify({ ...next, updatedAt: '', revision: 0 })
  ) {
    return current
  }
  const columns = columnsOf(next)
  const names = Object.keys(columns).filter((n) => n !== 'id' && n !== 'created_at')
  prepared(db, `UPDATE stories SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run(columns)
  noteIndexedWords(db, next, current)
  recordRevision(db, next, record?.reason ?? 'autosave', record?.note)
  return next
}
