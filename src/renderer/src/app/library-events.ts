/** The library changed (a save, a new story): lists refetch what they show. */
const listeners = new Set<() => void>()

export function onLibraryChanged(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function libraryChanged(): void {
  for (const listener of listeners) listener()
}
