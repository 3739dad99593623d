import type { Library } from '../library'
import { insertStory } from '../library/stories'
import { prepared } from '../library/open'
import type { WireImportResult } from '../../shared/wire'
import { storyFromDraft } from './draft'
import { WireError } from './errors'
import { parseWire, type ParsedWire } from './parse'

export interface WireFile {
  name: string
  bytes: Uint8Array
}

export type ImportProgress = (done: number, total: number, results: readonly WireImportResult[]) => void

/** The message for something that went wrong that is not the copy's fault (a bug, a full disk). */
function reasonOf(error: unknown): string {
  if (error instanceof WireError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  return `it could not be imported: ${message}`
}

/** Files committed together in one transaction. */
export const IMPORT_CHUNK = 200

type Prepared = { file: WireFile; parsed: ParsedWire; at: Date } | { file: WireFile; error: string }

/**
 * Import wire files into the library. Each file is all or nothing: its stories, their first
 * revisions and its original bytes go in together or not at all, and a file that fails is reported
 * while the others carry on.
 *
 * Files are parsed first (pure: bad copy fails there, before the library is touched) and the good
 * ones stored IMPORT_CHUNK to a transaction, so a big batch pays for one commit and one full-text
 * index flush per chunk instead of per file. (Savepoints per file would not help: FTS5 flushes its
 * index at every savepoint.) If the library refuses something inside a chunk (disk full, a
 * constraint), the chunk is rolled back whole and its files are stored again one transaction each,
 * so only the file at fault fails. A crash loses at most the chunk in progress, never half a file.
 * Returns one result per story imported (a file usually holds one) or one failure per file.
 */
export function importWireFiles(
  library: Library,
  files: readonly WireFile[],
  onProgress?: ImportProgress,
  now: () => Date = () => new Date(),
): WireImportResult[] {
  const { db } = library
  const results: WireImportResult[] = []
  const insertOriginal = prepared(db, 'INSERT INTO originals (story_id, file_name, format, bytes) VALUES (?, ?, ?, ?)')

  const store = (item: Extract<Prepared, { parsed: ParsedWire }>): WireImportResult[] => {
    const { file, parsed, at } = item
    const out: WireImportResult[] = []
    const importedAt = at.toISOString()
    for (const draft of parsed.drafts) {
      const { fields, source } = storyFromDraft(draft, file.name, importedAt)
      const story = insertStory(db, fields, { source, reason: 'import', now: at })
      insertOriginal.run(story.id, file.name, parsed.format, file.bytes)
      out.push({ file: file.name, ok: true, id: story.id, format: parsed.format, headline: story.headline })
    }
    return out
  }
  const storeAll = db.transaction((items: Prepared[]) => items.map((item) => ('error' in item ? [] : store(item))))
  const storeOne = db.transaction(store)

  for (let offset = 0; offset < files.length; offset += IMPORT_CHUNK) {
    const items: Prepared[] = files.slice(offset, offset + IMPORT_CHUNK).map((file) => {
      try {
        return { file, parsed: parseWire(file.bytes), at: now() }
      } catch (error) {
        return { file, error: reasonOf(error) }
      }
    })
    let stored: WireImportResult[][]
    try {
      stored = storeAll.immediate(items)
    } catch {
      stored = items.map((item) => {
        if ('error' in item) return []
        try {
          return storeOne.immediate(item)
        } catch (error) {
          return [{ file: item.file.name, ok: false, error: reasonOf(error) }]
        }
      })
    }
    items.forEach((item, index) => {
      if ('error' in item) results.push({ file: item.file.name, ok: false, error: item.error })
      else results.push(...stored[index]!)
      onProgress?.(offset + index + 1, files.length, results)
    })
  }
  return results
}
