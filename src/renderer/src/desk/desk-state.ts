import { useSyncExternalStore } from 'react'
import type { DeskStatus } from '@shared/desk/contract'
import type { StoryId } from '@shared/story'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'
import { signal } from '../app/signal'

/** Shared stories that changed from elsewhere (a colleague typed, the feed brought a new version). */
export const deskStoriesChanged = signal<StoryId[]>()

const notJoined: DeskStatus = {
  joined: false,
  url: null,
  user: null,
  desk: null,
  signedIn: false,
  online: false,
  workingOffline: false,
  waiting: 0,
  refused: null,
}

let status: DeskStatus = notJoined
const listeners = new Set<() => void>()
let started = false

export function setDeskStatus(next: DeskStatus): void {
  status = next
  for (const listener of listeners) listener()
}

/** Listen to main's desk news once for the whole window, and ask for the status as it is now. */
function start(): void {
  if (started) return
  started = true
  window.copydesk.on('desk:news', (news) => {
    setDeskStatus(news.status)
    if (news.storyIds.length) {
      deskStoriesChanged.emit(news.storyIds)
      libraryChanged.emit()
    }
  })
  invoke('desk:status', {})
    .then(setDeskStatus)
    .catch(() => undefined)
}

/** The desk's status as main last told it (joined, online, changes waiting). */
export function useDeskStatus(): DeskStatus {
  start()
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => status,
  )
}
