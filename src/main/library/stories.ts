import { prepared, type Db } from './open'
import { reasonForSave, recordRevision } from './revision-log'
import { ApiError } from '../../shared/errors'
import { countWords, emptyBody } from '../../shared/body'
import { bodyToText } from '../../shared/body-text'
import { slugify } from '../../shared/slug'
import type { RevisionReason } from '../../shared/contract'
import type { Story, StoryFields, StoryId, StorySource, StoryStatus, StorySummary } from '../../shared/story'

interface StoryRow {
  id: number
  slug: string
  status: StoryStatus
  headline: string
  standfirst: string
  bylines: string
  dateline: string
  lead_picture: string | null
  body: string
  body_text: string
  word_count: number
  related: string
  source: string | null
  created_at: string
  updated_at: string
  revision: number
  published_at: string | null
  keywords: string
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
}

export const SUMMARY_COLUMNS =
  "s.id, s.slug, s.status, s.headline, s.bylines, s.agency, s.word_count, s.updated_at, json_extract(s.lead_picture, '$.mediaId') AS lead_media_id"

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
  }
}

function storyFromRow(row: StoryRow): Story {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    headline: row.headline,
    standfirst: row.standfirst,
    bylines: JSON.parse(row.bylines) as Story['bylines'],
    dateline: JSON.parse(row.dateline) as Story['dateline'],
    leadPicture: row.lead_picture ? (JSON.parse(row.lead_picture) as Story['leadPicture']) : null,
    body: JSON.parse(row.body) as Story['body'],
    bodyText: row.body_text,
    wordCount: row.word_count,
    related: JSON.parse(row.related) as Story['related'],
    keywords: JSON.parse(row.keywords) as string[],
    publishedAt: row.published_at,
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
    slug: story.slug,
    status: story.status,
    headline: story.headline,
    standfirst: story.standfirst,
    bylines: JSON.stringify(story.bylines),
    byline_text: story.bylines.map((b) => b.name).join(', '),
    dateline: JSON.stringify(story.dateline),
    lead_picture: story.leadPicture ? JSON.stringify(story.leadPicture) : null,
    body: JSON.stringify(story.body),
    body_text: story.bodyText,
    word_count: story.wordCount,
    related: JSON.stringify(story.related),
    keywords: JSON.stringify(story.keywords ?? []),
    published_at: story.publishedAt ?? null,
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
  now?: Date
}

/** Insert a story without opening a transaction: the caller's (import batch, create) holds it. */
export function insertStory(db: Db, fields: Partial<StoryFields>, options: CreateOptions = {}): Story {
  const at = (options.now ?? new Date()).toISOString()
  const draft = withDerived({
    id: 0,
    slug: fields.slug || slugify(fields.headline ?? ''),
    status: fields.status ?? 'draft',
    headline: fields.headline ?? '',
    standfirst: fields.standfirst ?? '',
    bylines: fields.bylines ?? [],
    dateline: fields.dateline ?? {},
    leadPicture: fields.leadPicture ?? null,
    body: fields.body ?? emptyBody(),
    bodyText: '',
    wordCount: 0,
    related: fields.related ?? [],
    keywords: fields.keywords ?? [],
    publishedAt: fields.publishedAt ?? null,
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
  recordRevision(db, story, options.reason ?? 'create')
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
    recordRevision(db, next, reasonForSave(current, request.changes, request.reason))
    return next
  })
}

export interface ListRequest {
  status?: StoryStatus
  limit: number
  offset: number
}

export function listStories(db: Db, request: ListRequest): { total: number; items: StorySummary[] } {
  const where = request.status ? 'WHERE s.status = @status' : ''
  const params = { status: request.status, limit: request.limit, offset: request.offset }
  const total = (prepared(db, `SELECT count(*) AS n FROM stories s ${where}`).get(params) as { n: number }).n
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
