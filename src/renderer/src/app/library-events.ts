import { signal } from './signal'

/** The library changed (a save, a new story, an import, a restore): lists refetch what they show. */
export const libraryChanged = signal()
