import { readFileSync } from 'node:fs'
import type { Library } from '../library'
import { DeskSession, joinDesk } from '../library/desk/session'
import { sealedElsewhere, tokenFileOf } from '../library/desk/token-store'
import type { CliIo } from './run'
import { call } from '../api'

const SETTLE_MS = 30_000

async function settle(desk: DeskSession): Promise<boolean> {
  for (const until = Date.now() + SETTLE_MS; Date.now() < until;) {
    if (desk.settled()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

function resumed(library: Library): DeskSession {
  const desk = DeskSession.resume(library)
  if (!desk) throw new Error('this library has not joined a desk: run `copydesk desk join URL NAME` first')
  if (!desk.signedIn && sealedElsewhere(library)) {
    desk.close()
    throw new Error(
      `the app keeps this library's desk sign-in sealed in the system keychain, which the command line cannot open: sign the command line in with \`copydesk desk join ${desk.link.url} ${desk.link.user}\` (its sign-in is kept in ${tokenFileOf(library)}, readable only by you)`,
    )
  }
  return desk
}

/**
 * Run a library command with the desk's session open when the library has joined one (spiking a
 * shared story goes to the desk), closed again after.
 */
export async function withDesk<T>(library: Library, run: () => T | Promise<T>): Promise<T> {
  const session = library.desk ? null : DeskSession.resume(library)
  if (!session) return run()
  try {
    return await run()
  } finally {
    session.close()
  }
}

/** `copydesk desk ...`: the same DeskSession the app uses, for scripts and for a desk without a window. */
export async function runDesk(library: Library, args: string[], json: boolean, io: CliIo): Promise<number> {
  const [action, ...rest] = args
  const out = (value: unknown, text: string) => io.stdout(json ? JSON.stringify(value) + '\n' : text + '\n')
  if (action === 'join') {
    const [url, name] = rest
    if (!url || !name) throw new Error('usage: desk join needs the server URL and your NAME (password on stdin)')
    const password = readFileSync(0, 'utf8').split('\n')[0] ?? ''
    const link = await joinDesk(library, url, name, password)
    out(
      { url: link.url, user: link.user, desk: link.desk },
      `joined the ${link.desk} desk at ${link.url} as ${link.user}`,
    )
    return 0
  }
  const desk = resumed(library)
  try {
    if (action === 'share') {
      const id = Number(rest[0])
      if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`usage: "${rest[0] ?? ''}" is not a story id`)
      const sharedId = await desk.share(id)
      out({ id, sharedId }, `story ${id} is shared to the ${desk.link.desk} desk`)
      return 0
    }
    if (action === 'hand') {
      const [idText, who, status] = rest
      const id = Number(idText)
      if (!Number.isSafeInteger(id) || id <= 0 || !who || !status) {
        throw new Error('usage: desk hand ID USER|desk STATUS (e.g. desk hand 12 bob editing; "desk" hands it back)')
      }
      const story = call(library, 'desk:hand-to', {
        id,
        assignee: who === 'desk' ? null : who,
        status: status as never,
      })
      const settled = await settle(desk)
      out(
        { id, assignee: who === 'desk' ? null : who, status: story.status, settled },
        `story ${id} handed to ${who === 'desk' ? `the ${desk.link.desk} desk` : who} at ${story.status}${settled ? '' : ' (waiting to go up: the server did not answer in time)'}`,
      )
      return settled ? 0 : 1
    }
    if (action === 'sync') {
      const changed = await desk.follow()
      const settled = await settle(desk)
      const { waiting } = desk.status()
      out(
        { changed, waiting, settled },
        `${changed} change(s) from the desk; ${waiting} of yours still waiting to go up${settled ? '' : ' (the server did not answer in time)'}`,
      )
      return settled ? 0 : 1
    }
    if (action === 'sign-out') {
      const anyway = rest.includes('--anyway')
      try {
        const { waiting, revoked } = await desk.signOut({ anyway })
        out(
          { signedOut: true, waiting, revoked },
          `signed out of the ${desk.link.desk} desk${revoked ? '' : ' here (the desk could not be reached: the sign-in expires there on its own)'}; shared stories stay readable in this library${waiting ? `; ${waiting} change(s) wait here and go up at the next \`copydesk desk join\`` : ''}`,
        )
        return 0
      } catch (error) {
        if ((error as { code?: string }).code !== 'conflict') throw error
        io.stderr(
          `${(error as Error).message} (\`copydesk desk sync\` waits for them; \`desk sign-out --anyway\` signs out now)\n`,
        )
        return 1
      }
    }
    if (action === 'status') {
      const status = desk.status()
      out(
        { ...status, signedIn: desk.signedIn, url: desk.link.url, user: desk.link.user },
        `${desk.link.user} at ${desk.link.url}${desk.signedIn ? '' : ' (signed out)'}${status.refused ? ` (refused: ${status.refused})` : ''}: ${status.waiting} change(s) waiting to go up`,
      )
      return 0
    }
    throw new Error(`usage: desk needs join, share, hand, sync, status or sign-out, not "${action ?? ''}"`)
  } finally {
    desk.close()
  }
}
