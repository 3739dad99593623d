import { diffWords, diffWordsWithSpace } from 'diff'
import { countWords } from '../../shared/body'
import { bodyToText } from '../../shared/body-text'
import { commentChanges, commentsText } from '../../shared/comments'
import { ApiError } from '../../shared/errors'
import type { PictureNode } from '../../shared/body'
import {
  diffFields,
  type DiffField,
  type DiffPart,
  type HistoryEntry,
  type RestorePreview,
  type RevisionDiff,
  type RevisionReason,
} from '../../shared/revisions'
import {
  storyFieldsSchema,
  type Picture,
  type RelatedEntry,
  type Story,
  type StoryFields,
  type StoryId,
} from '../../shared/story'
import { mediaInfo } from './media'
import { prepared, type Db } from './open'
import { AUTOSAVE_STRETCH_MINUTES, readSnapshot } from './revision-log'
import { getStory, saveStory, type SaveRequest } from './stories'

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
  note: string | null
}

/** The story's history, newest first: when, why, and how many words it gained or lost. */
export function storyHistory(db: Db, id: StoryId): HistoryEntry[] {
  const latest = currentRevision(db, id)
  const rows = prepared(
    db,
    `SELECT revision, saved_at AS savedAt, reason, word_count AS wordCount,
            CASE WHEN reason IN ('status', 'create', 'import') THEN status END AS status,
            note
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
      ...(row.note ? { note: row.note } : {}),
    }
    before = row
    return entry
  })
  return entries.reverse()
}

/** The editor's fields of a stored revision; a snapshot that no longer reads is reported, not guessed at. */
function revisionFields(db: Db, id: StoryId, revision: number): Partial<StoryFields> {
  currentRevision(db, id)
  const snapshot = readSnapshot(db, id, revision)
  if (!snapshot) {
    throw new ApiError(
      'not-found',
      `story ${id} has no revision ${revision} in its history (autosaves within ${AUTOSAVE_STRETCH_MINUTES} minutes are kept as one)`,
    )
  }
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

/** A picture as the history names it: its caption (or alt text), else its place. */
function pictureName(picture: Picture | PictureNode, fallback: string): string {
  const words = (picture.caption || picture.alt).trim()
  return words ? `“${words.length > 60 ? words.slice(0, 59) + '…' : words}”` : fallback
}

/** The image itself: which picture file, by size and the start of its id; a picture with no image says so. */
function imageText(db: Db, mediaId: string | undefined): string {
  if (!mediaId) return 'image missing'
  const info = mediaInfo(db, mediaId)
  return info ? `picture ${info.width} × ${info.height} (${mediaId.slice(0, 8)})` : `picture ${mediaId.slice(0, 8)}`
}

const bodyPictures = (fields: Partial<StoryFields>) =>
  (fields.body?.root.children ?? []).filter((b): b is PictureNode => b.type === 'picture')

const relatedText = (entry: RelatedEntry) => entry.headline || entry.url || `story ${entry.storyId}`

/** Each compared field as text: what an editor reads in it (one line per picture or related story). */
function fieldTexts(db: Db, fields: Partial<StoryFields>): Record<DiffField, string> {
  const { place, date, source } = fields.dateline ?? {}
  const lead = fields.leadPicture ?? null
  return {
    headline: fields.headline ?? '',
    standfirst: fields.standfirst ?? '',
    bylines: (fields.bylines ?? []).map((b) => b.name).join(', '),
    dateline: [place, date, source && `(${source})`].filter(Boolean).join(' '),
    status: fields.status ?? '',
    leadPicture: lead ? imageText(db, lead.mediaId) : '',
    leadCaption: lead?.caption ?? '',
    leadCredit: lead?.credit ?? '',
    leadAlt: lead?.alt ?? '',
    body: fields.body ? bodyToText(fields.body) : '',
    bodyPictures: bodyPictures(fields)
      .map(
        (p) =>
          `${imageText(db, p.mediaId)}: ${p.caption || '(no caption)'} · credit: ${p.credit || '(none)'} · alt: ${p.alt || '(none)'}`,
      )
      .join('\n'),
    comments: commentsText(fields.body),
    related: (fields.related ?? []).map(relatedText).join('\n'),
    keywords: (fields.keywords ?? []).join(', '),
  }
}

/**
 * The things in a story that can come and go whole (pictures, related stories, bylines,
 * keywords), each with a key that says whether two revisions have the same one and a name.
 */
function itemsOf(fields: Partial<StoryFields>): Map<string, string> {
  const items = new Map<string, string>()
  const lead = fields.leadPicture
  if (lead) items.set(`lead:${lead.mediaId ?? ''}`, `the lead picture ${pictureName(lead, '')}`.trim())
  bodyPictures(fields).forEach((p, i) => {
    items.set(
      `picture:${p.mediaId ?? `${p.caption}|${p.credit}`}`,
      `the body picture ${pictureName(p, `number ${i + 1}`)}`,
    )
  })
  for (const entry of fields.related ?? []) {
    items.set(`related:${entry.storyId ?? entry.url ?? entry.headline}`, `the related story “${relatedText(entry)}”`)
  }
  for (const byline of fields.bylines ?? []) items.set(`byline:${byline.name}`, `the byline ${byline.name}`)
  for (const keyword of fields.keywords ?? []) items.set(`keyword:${keyword}`, `the keyword “${keyword}”`)
  return items
}

const missingFrom = (items: Map<string, string>, other: Map<string, string>) =>
  [...items].filter(([key]) => !other.has(key)).map(([, name]) => name)

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

/** The editor's fields of a revision, or of the story as it is now when no revision is given. */
function fieldsAt(db: Db, id: StoryId, revision: number | undefined, story: Story): Partial<StoryFields> {
  return revision === undefined || revision === story.revision ? story : revisionFields(db, id, revision)
}

/**
 * What changed from one revision to a later one (the story as it is now unless another is named):
 * words inserted since, words deleted since, field by field, pictures and related stories included.
 */
export function revisionDiff(db: Db, id: StoryId, revision: number, against?: number): RevisionDiff {
  const story = getStory(db, id)
  const thenFields = revisionFields(db, id, revision)
  const nowFields = fieldsAt(db, id, against, story)
  const then = fieldTexts(db, thenFields)
  const now = fieldTexts(db, nowFields)
  const fields: RevisionDiff['fields'] = []
  let wordsAdded = 0
  let wordsRemoved = 0
  for (const field of diffFields) {
    if (then[field] === now[field]) continue
    const parts = wordDiff(then[field], now[field])
    if (field === 'headline' || field === 'standfirst' || field === 'body') {
      for (const part of parts) {
        if (part.change === 'added') wordsAdded += countWords(part.text)
        if (part.change === 'removed') wordsRemoved += countWords(part.text)
      }
    }
    fields.push({ field, parts })
  }
  const comments = commentChanges(thenFields.body, nowFields.body)
  return {
    id,
    revision,
    against: against ?? story.revision,
    currentRevision: story.revision,
    fields,
    wordsAdded,
    wordsRemoved,
    ...(Object.values(comments).some(Boolean) ? { comments } : {}),
  }
}

/**
 * What restoring a revision would do, said before it is done: the fields it changes, what the
 * story has now that the revision did not (and so would go), and what it brings back.
 */
export function restorePreview(db: Db, id: StoryId, revision: number): RestorePreview {
  const story = getStory(db, id)
  const { status: _status, publishedAt: _publishedAt, ...then } = revisionFields(db, id, revision)
  const thenTexts = fieldTexts(db, then)
  const nowTexts = fieldTexts(db, story)
  const fields = diffFields.filter((f) => f !== 'status' && thenTexts[f] !== nowTexts[f])
  const before = itemsOf(then)
  const now = itemsOf(story)
  return {
    id,
    revision,
    currentRevision: story.revision,
    fields,
    removes: missingFrom(now, before),
    bringsBack: missingFrom(before, now),
  }
}

export interface RestoreRequest {
  id: StoryId
  revision: number
  expectedRevision: number
  now?: Date
}

function savedAtOf(db: Db, id: StoryId, revision: number): string | undefined {
  const row = prepared(db, 'SELECT saved_at AS savedAt FROM revisions WHERE story_id = ? AND revision = ?').get(
    id,
    revision,
  ) as { savedAt: string } | undefined
  return row?.savedAt
}

/**
 * Bring back a revision's words as a new revision; the history keeps everything in between. The
 * status stays where the desk has moved it: restoring yesterday's text does not unpublish a story.
 *
 * `save` is the library's save door (api.ts): a shared story's restore must go into its doc, one
 * change every colleague gets, not into this library's row alone, which the doc's next change
 * would project over (docs/team.md, "Restore on a shared story").
 */
export function restoreRevision(
  db: Db,
  request: RestoreRequest,
  save: (request: SaveRequest) => Story = (r) => saveStory(db, r),
): Story {
  // An agency's kill is a fact about the story now, not words an editor wrote: a restore keeps it.
  const {
    status: _status,
    publishedAt: _publishedAt,
    kill: _kill,
    ...words
  } = revisionFields(db, request.id, request.revision)
  const savedAt = savedAtOf(db, request.id, request.revision)
  return save({
    id: request.id,
    expectedRevision: request.expectedRevision,
    changes: words,
    reason: 'restore',
    note: `revision ${request.revision}`,
    ...(savedAt ? { restoredVersionSavedAt: savedAt } : {}),
    now: request.now,
  })
}
