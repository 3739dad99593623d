import type { StoryId } from '@shared/story'

/**
 * The save an editor makes as it closes (useAutosave), by story. A story is opened again, and a
 * restore or a share made on it, only once that save is in: otherwise the keys typed last went to
 * the library after the story had been read (or restored) and were refused as a conflict by an
 * editor no longer there to say so.
 */
const lastSaves = new Map<StoryId, Promise<void>>()

export function noteLastSave(id: StoryId, saving: Promise<void>): void {
  const settled = saving.catch(() => undefined)
  lastSaves.set(id, settled)
  void settled.then(() => {
    if (lastSaves.get(id) === settled) lastSaves.delete(id)
  })
}

/** Resolves once the last editor of this story to close has saved (at once if none is saving). */
export function lastSaveOf(id: StoryId): Promise<void> {
  return lastSaves.get(id) ?? Promise.resolve()
}
