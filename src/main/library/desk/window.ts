import { ApiError } from '@shared/errors'
import type { DeskStatus } from '@shared/desk/contract'
import type { ParsedInput } from '@shared/contract'
import type { StoryId } from '@shared/story'
import type { Library } from '../index'
import { getStory } from '../stories'
import { DeskSession, joinDesk, readDeskLink } from './session'
import { deskStoryByStoryId } from './store'

/**
 * The desk as the window asks for it (api.ts's desk:* channels): one DeskSession per library,
 * started when the editor signs in or, for a library that joined before, when the app starts.
 */
export function deskStatusOf(library: Library): DeskStatus {
  if (library.desk) return library.desk.deskStatus()
  const link = readDeskLink(library)
  return {
    joined: link !== null,
    url: link?.url ?? null,
    user: link?.user ?? null,
    desk: link?.desk ?? null,
    signedIn: link?.token != null,
    online: false,
    workingOffline: false,
    waiting: 0,
    refused: null,
  }
}

/** The app starts: a library that joined a desk before goes back to it, following its feed. */
export function resumeDesk(library: Library): DeskSession | null {
  const session = DeskSession.resume(library)
  session?.startFollowing()
  return session
}

export async function joinFromWindow(library: Library, input: ParsedInput<'desk:join'>): Promise<DeskStatus> {
  const link = await joinDesk(library, input.url, input.name, input.password, { allowInsecure: input.allowInsecure })
  library.desk?.close()
  const session = new DeskSession(library, link)
  session.startFollowing()
  return session.deskStatus()
}

/**
 * Sign out from the window or the command line: the desk revokes the sign-in; this library keeps
 * the shared stories and goes on as signed out (edits to them wait here for the next sign-in).
 */
export async function signOutFromWindow(library: Library, anyway: boolean) {
  const desk = session(library)
  const outcome = await desk.signOut({ anyway })
  desk.close()
  new DeskSession(library, { ...desk.link, token: null })
  return { status: deskStatusOf(library), ...outcome }
}

/**
 * Spiking a shared story goes to the desk first (everyone's list, and only for who may); a local
 * story is this library's alone. A shared story with no desk session here is refused, not spiked
 * behind the desk's back.
 */
export async function spikeOnDesk(library: Library, id: StoryId, spiked: boolean): Promise<void> {
  if (!deskStoryByStoryId(library.db, id)) return
  if (!library.desk) {
    throw new ApiError(
      'invalid-input',
      `story ${id} is shared on the desk: ${spiked ? 'spike' : 'unspike'} it from the app signed in to the desk`,
    )
  }
  await library.desk.spike(id, spiked)
}

/**
 * A restore of a shared story goes into its doc (DeskSession.save), where every colleague gets it.
 * A library with no desk session here would write only its own row, which the doc's next change
 * projects over: refused instead, saying where it can be done.
 */
export function refuseRestoreOffDesk(library: Library, id: StoryId): void {
  if (library.desk || !deskStoryByStoryId(library.db, id)) return
  throw new ApiError(
    'invalid-input',
    `story ${id} is shared on the desk: restore its older version from the app signed in to the desk, so every colleague gets it`,
  )
}

function session(library: Library): DeskSession {
  if (!library.desk) throw new ApiError('not-found', 'this library has not joined a desk: sign in under Desk first')
  return library.desk
}

export function setOnline(library: Library, online: boolean): DeskStatus {
  const desk = session(library)
  if (online) desk.goOnline()
  else desk.goOffline()
  return desk.deskStatus()
}

export function openForEditor(library: Library, id: StoryId) {
  const desk = library.desk
  const details = desk?.detailsOf(id)
  if (!desk || !details) return { story: getStory(library.db, id), desk: null, base: null }
  return { ...desk.openForEditor(id), desk: details }
}

export async function shareFromWindow(library: Library, id: StoryId) {
  const desk = session(library)
  await desk.share(id)
  return desk.detailsOf(id)!
}

export { session as deskSession }
