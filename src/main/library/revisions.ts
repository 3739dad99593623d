import { diffWords, diffWordsWithSpace } from 'diff'
import { countWords } from '../../shared/body'
import { bodyToText } from '../../shared/body-text'
import { ApiError } from '../../shared/errors'
import type { DiffPart, HistoryEntry, RevisionDiff, RevisionReason } from '../../shared/revisions'
import { storyFieldsSchema, type Story, type StoryFields, type StoryId } from '../../shared/story'
import { prepared, type Db } from './open'
import { AUTOSAVE_STRETCH_MINUTES } from './revision-log'
import { getStory, saveStory } from './stories'

function currentRevision(db: Db, id: StoryId): number {
  const row = prepared(db, 'SELECT revision FROM stories WHERE id = ?').get(id) as { revision: number } | undefined
  if (!row) throw new ApiError('not-found', `there is no story ${id} in the library`)
  return row.revision
}

interface HistoryRow {
  revision: number
  savedAt: string
  reason: RevisionReason
  wordCount: number
  status: Story['status'] | null
}

/** The story's history, newest first: when, why, and how many words it gained or lost. */
export function storyHistory(db: Db, id: StoryId): HistoryEntry[] {
  const latest = currentRevision(db, id)
  const rows = prepared(
    db,
    `SELECT revision, saved_at AS savedAt, reason, word_count AS wordCount,
            CASE WHEN reason IN ('status', 'create', 'import') THEN json_extract(snapshot, '$.status') END AS status
       FROM revisions WHERE story_id = ? ORDER BY revision`,
  ).all(id) as HistoryRow[]
  let before: HistoryRow | undefined
  const entries = rows.map((row) => {
    const entry: HistoryEntry = {
      revision: row.revision,
      savedAt: row.savedAt,
      reason: row.reason,
      wordCount: row.wordCount,
      wordChange: row.wordCount - (before?.wordCount ?? 0),
      saves: row.revision - (before?.revision ?? 0),
      current: row.revision === latest,
      ...(row.status ? { status: row.status } : {}),
    }
    before = row
    return entry
  })
  return entries.reverse()
}

/** The editor's fields of a stored revision; a snapshot that no longer reads is reported, not guessed at. */
function revisionFields(db: Db, id: StoryId, revision: number): Partial<StoryFields> {
  currentRevision(db, id)
  const row = prepared(db, 'SELECT snapshot FROM revisions WHERE story_id = ? AND revision = ?').get(id, revision) as
    { snapshot: string } | undefined
  if (!row) {
    throw new ApiError(
      'not-found',
      `story ${id} has no revision ${revision} in its history (autosaves within ${AUTOSAVE_STRETCH_MINUTES} minutes are kept as one)`,
    )
  }
  const snapshot = JSON.parse(row.snapshot) as Record<string, unknown>
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(storyFieldsSchema.shape)) if (snapshot[key] !== undefined) fields[key] = snapshot[key]
  const parsed = storyFieldsSchema.partial().safeParse(fields)
  if (!parsed.success) {
    throw new ApiError(
      'library',
      `story ${id} revision ${revision} could not be read: ${parsed.error.issues[0]?.message}`,
    )
  }
  return parsed.data
}

/** Each compared field as one line of text: what an editor reads in it. */
function fieldTexts(fields: Partial<StoryFields>): Record<RevisionDiff['fields'][number]['field'], string> {
  const { place, date, source } = fields.dateline ?? {}
  return {
    headline: fields.headline ?? '',
    standfirst: fields.standfirst ?? '',
    bylines: (fields.bylines ?? []).map((b) => b.name).join(', '),
    dateline: [place, date, source && `(${source})`].filter(Boolean).join(' '),
    body: fields.body ? bodyToText(fields.body) : '',
  }
}

/** A diff that would take too long (two unrelated texts) is shown as all removed, then all added. */
const DIFF_TIMEOUT_MS = 1500

/**
 * Word by word, with changed spacing folded into the words around it, which reads as an editor
 * thinks ("stay open" became "close on Sundays"). When only the spacing changed (a paragraph split
 * or joined), the spaces themselves are compared, so that change still shows.
 */
function wordDiff(before: string, after: string): DiffPart[] {
  let changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS })
  if (changes && !changes.some((c) => c.added || c.removed)) {
    changes = diffWordsWithSpace(before, after, { timeout: DIFF_TIMEOUT_MS })
  }
  if (!changes) {
    return [
      { text: before, change: 'removed' },
      { text: after, change: 'added' },
    ]
  }
  return changes.map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }))
}

/** What changed from a revision to the story as it is now: words inserted since, and words deleted since. */
export function revisionDiff(db: Db, id: StoryId, revision: number): RevisionDiff {
  const then = fieldTexts(revisionFields(db, id, revision))
  const story = getStory(db, id)
  const now = fieldTexts(story)
  const fields: RevisionDiff['fields'] = []
  let wordsAdded = 0
  let wordsRemoved = 0
  for (const field of Object.keys(now) as (keyof typeof now)[]) {
    if (then[field] === now[field]) continue
    const parts = wordDiff(then[field], now[field])
    for (const part of parts) {
      if (part.change === 'added') wordsAdded += countWords(part.text)
      if (part.change === 'removed') wordsRemoved += countWords(part.text)
    }
    fields.push({ field, parts })
  }
  return { id, revision, currentRevision: story.revision, fields, wordsAdded, wordsRemoved }
}

export interface RestoreRequest {
  id: StoryId
  revision: number
  expectedRevision: number
  now?: Date
}

/**
 * Bring back a revision's words as a new revision; the history keeps everything in between. The
 * status stays where the desk has moved it: restoring yesterday's text does not unpublish a story.
 */
export function restoreRevision(db: Db, request: RestoreRequest): Story {
  const { status: _status, publishedAt: _publishedAt, ...words } = revisionFields(db, request.id, request.revision)
  return saveStory(db, {
    id: request.id,
    expectedRevision: request.expectedRevision,
    changes: words,
    reason: 'restore',
    now: request.now,
  })
}
