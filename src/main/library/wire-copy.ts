import { ApiError } from '../../shared/errors'
import type { StoryFields, StorySource } from '../../shared/story'
import type { WireImportResult } from '../../shared/wire'
import { prepared, type Db } from './open'
import { pack, unpack } from './packed'
import { insertStory } from './stories'
import { fileKill, wireKillOf } from './kills'
import { slugOfNotice } from '../wire/kill'

/** A story made from wire copy, ready to be filed (the importers make these; they never touch the library). */
export interface WireStory {
  fields: Partial<StoryFields>
  source: StorySource
  /** A kill or withdrawal notice: the stories it refers to are marked (kills.ts). */
  kill?: { kind: 'kill' | 'withdrawal'; notice: string }
}

/** One file of wire copy as read: its stories and its original bytes, or why it could not be read. */
export type WireCopy =
  | {
      fileName: string
      format: string
      bytes: Uint8Array
      stories: readonly WireStory[]
      at: Date
      /** The bytes as they are kept (packed.ts), when the reading thread packed them already. */
      packed?: { bytes: Uint8Array; deflated: 0 | 1 }
    }
  | { fileName: string; error: string }

export type ImportProgress = (done: number, total: number) => void

/**
 * After filing this many bytes of wire copy the WAL is folded back into the library and emptied:
 * otherwise it keeps the size of the biggest import (50 MB and more) until the app closes.
 */
export const CHECKPOINT_AFTER_BYTES = 4 * 1024 * 1024

/** Files committed together in one transaction. */
export const IMPORT_CHUNK = 200

type ReadCopy = Extract<WireCopy, { stories: readonly WireStory[] }>

/**
 * File wire copy in the library. Each file is all or nothing: its stories, their first revisions
 * and its original bytes go in together or not at all, and a file that fails is reported while the
 * others carry on.
 *
 * Copies are taken from `copies` IMPORT_CHUNK at a time (an iterator, so the caller reads a chunk's
 * files just before they are stored, and bad copy fails there, before the library is touched) and
 * stored one transaction per chunk, so a big batch pays for one commit and one full-text index flush
 * per chunk instead of per file. (Savepoints per file would not help: FTS5 flushes its index at every
 * savepoint.) If the library refuses something inside a chunk (disk full, a constraint), the chunk
 * is rolled back whole and its files are stored again one transaction each, so only the file at
 * fault fails. A crash loses at most the chunk in progress, never half a file. Returns one result
 * per story filed (a file usually holds one) or one failure per file.
 */
export function fileWireCopy(
  db: Db,
  copies: Iterable<WireCopy>,
  total: number,
  onProgress?: ImportProgress,
  { checkpoint = true }: { checkpoint?: boolean } = {},
): WireImportResult[] {
  const results: WireImportResult[] = []
  const insertFile = prepared(db, 'INSERT INTO wire_files (file_name, format, bytes, deflated) VALUES (?, ?, ?, ?)')
  const insertOriginal = prepared(db, 'INSERT INTO story_originals (story_id, file_id) VALUES (?, ?)')

  // The file's bytes once, however many stories it makes (a message of 5,000 items is 5,000 stories).
  const store = (copy: ReadCopy): WireImportResult[] => {
    const packed = copy.packed ?? pack(copy.bytes)
    const fileId = insertFile.run(copy.fileName, copy.format, packed.bytes, packed.deflated).lastInsertRowid
    return copy.stories.map(({ fields, source, kill }) => {
      const story = insertStory(db, fields, { source, reason: 'import', now: copy.at })
      insertOriginal.run(story.id, fileId)
      if (kill) fileKill(db, story, wireKillOf(kill, source, slugOfNotice(story.slug)), copy.at)
      return { file: copy.fileName, ok: true, id: story.id, format: copy.format, headline: story.headline }
    })
  }
  const storeAll = db.transaction((items: WireCopy[]) => items.map((item) => ('error' in item ? [] : store(item))))
  const storeOne = db.transaction(store)

  let filedBytes = 0
  const iterator = copies[Symbol.iterator]()
  for (let done = 0; ;) {
    const items: WireCopy[] = []
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      items.push(next.value)
      if (items.length === IMPORT_CHUNK) break
    }
    if (!items.length) break
    let stored: WireImportResult[][]
    try {
      stored = storeAll.immediate(items)
    } catch {
      stored = items.map((item) => {
        if ('error' in item) return []
        try {
          return storeOne.immediate(item)
        } catch (error) {
          return [{ file: item.fileName, ok: false, error: `it could not be imported: ${messageOf(error)}` }]
        }
      })
    }
    items.forEach((item, index) => {
      if (!('error' in item)) filedBytes += item.bytes.length
      if ('error' in item) results.push({ file: item.fileName, ok: false, error: item.error })
      else results.push(...stored[index]!)
      onProgress?.(++done, total)
    })
  }
  if (checkpoint) checkpointAfterImport(db, filedBytes)
  return results
}

/** Fold the WAL back into the library after a large import (CHECKPOINT_AFTER_BYTES of wire copy or more). */
export function checkpointAfterImport(db: Db, filedBytes: number): void {
  if (filedBytes >= CHECKPOINT_AFTER_BYTES) db.pragma('wal_checkpoint(TRUNCATE)')
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The wire copy a story was imported from, as it was received. */
export interface StoredOriginal {
  fileName: string
  format: string
  bytes: Uint8Array
}

/** The original of a story, or a not-found error saying whether the story or its original is missing. */
export function findOriginal(db: Db, id: number): StoredOriginal {
  const row = prepared(
    db,
    'SELECT f.file_name, f.format, f.bytes, f.deflated FROM story_originals o JOIN wire_files f ON f.id = o.file_id WHERE o.story_id = ?',
  ).get(id) as { file_name: string; format: string; bytes: Buffer; deflated: number } | undefined
  if (row) return { fileName: row.file_name, format: row.format, bytes: unpack(row.bytes, row.deflated) }
  const exists = prepared(db, 'SELECT 1 FROM stories WHERE id = ?').get(id)
  throw new ApiError(
    'not-found',
    exists
      ? `story ${id} was not imported from wire copy, so it has no original`
      : `there is no story ${id} in the library`,
  )
}
