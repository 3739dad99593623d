import { storyFromDraft } from './draft'
import { WireError } from './errors'
import { parseWire } from './parse'
import type { WireFormatId } from './formats'

export interface WireFile {
  name: string
  bytes: Uint8Array
}

/** A file read: the stories it makes and its bytes (kept as the original), or why it was refused. */
export type ReadWireFile =
  | {
      fileName: string
      format: WireFormatId
      bytes: Uint8Array
      stories: ReturnType<typeof storyFromDraft>[]
      /** When it was read: the stories' import time. */
      at: Date
    }
  | { fileName: string; error: string }

/** The message for something that went wrong that is not the copy's fault (a bug, a full disk). */
function reasonOf(error: unknown): string {
  if (error instanceof WireError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  return `it could not be imported: ${message}`
}

/** One file to stories, or the reason it cannot be imported, in words an editor understands. Pure. */
export function readWireFile(file: WireFile, at: Date, zone = 'UTC'): ReadWireFile {
  try {
    const parsed = parseWire(file.bytes)
    const importedAt = at.toISOString()
    const stories = parsed.drafts.map((draft) => storyFromDraft(draft, file.name, importedAt, zone))
    return { fileName: file.name, format: parsed.format, bytes: file.bytes, stories, at }
  } catch (error) {
    return { fileName: file.name, error: reasonOf(error) }
  }
}

/**
 * The files read one by one as they are asked for, so whoever stores them (library/wire-copy.ts)
 * holds the stories of one chunk at a time, not of the whole batch.
 */
export function* readWireFiles(
  files: readonly WireFile[],
  now: () => Date = () => new Date(),
  /** The house's zone, for embargo times given without one. */
  zone = 'UTC',
): Generator<ReadWireFile> {
  for (const file of files) yield readWireFile(file, now(), zone)
}
