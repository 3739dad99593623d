/**
 * One editor's app, main side only, in its own process (the team tests start three): its own
 * SQLite library and a DeskSession to the desk server. The test sends it commands over IPC.
 */
import { openLibrary, type Library } from '../../src/main/library'
import { call } from '../../src/main/api'
import { DeskSession, joinDesk } from '../../src/main/library/desk/session'
import { storyFromDoc } from '../../src/shared/desk/story-doc'
import type { Body } from '../../src/shared/body'

let library: Library | null = null
let desk: DeskSession | null = null

const need = <T>(value: T | null, what: string): T => {
  if (!value) throw new Error(`${what} is not open`)
  return value
}

/** Insert a word into the body's block `block` at character `at` of its first text, as typing would. */
function withWord(body: Body, block: number, at: number, word: string): Body {
  const copy = structuredClone(body)
  const target = copy.root.children[block] as { children: { type: string; text?: string }[] }
  const text = target.children.find((c) => c.type === 'text')
  if (!text) target.children.push({ type: 'text', text: word })
  else text.text = text.text!.slice(0, at) + word + text.text!.slice(at)
  return copy
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const commands: Record<string, (...args: never[]) => unknown> = {
  open(file: string) {
    library = openLibrary(file)
    desk = DeskSession.resume(library)
    return true
  },
  async join(url: string, name: string, password: string) {
    const link = await joinDesk(need(library, 'library'), url, name, password)
    desk = new DeskSession(library!, link)
    return link.user
  },
  create(fields: Record<string, unknown>) {
    return call(need(library, 'library'), 'story:create', fields).id
  },
  share(id: number) {
    return need(desk, 'desk').share(id)
  },
  follow() {
    return need(desk, 'desk').follow()
  },
  hold(id: number) {
    need(desk, 'desk').hold(id)
    return true
  },
  storyIdOf(sharedId: string) {
    return need(desk, 'desk').storyIdOf(sharedId) ?? null
  },
  get(id: number) {
    return call(need(library, 'library'), 'story:get', { id })
  },
  list() {
    return call(need(library, 'library'), 'story:list', { limit: 500, offset: 0 }).items
  },
  search(query: string) {
    return call(need(library, 'library'), 'story:search', { query, limit: 50 }).items.map((hit) => hit.id)
  },
  async check(id: number) {
    return (await call(need(library, 'library'), 'story:check', { id })).findings.length
  },
  edit(id: number, changes: Record<string, unknown>) {
    return need(desk, 'desk').edit(id, changes).revision
  },
  /** Through the api's door (story:save), as the app's autosave does, with a revision that may be stale. */
  insertWord(id: number, block: number, at: number, word: string) {
    const story = call(need(library, 'library'), 'story:get', { id })
    call(need(library, 'library'), 'story:save', {
      id,
      expectedRevision: story.revision,
      changes: { body: withWord(story.body, block, at, word) },
      reason: 'autosave',
    })
    return true
  },
  /** Words one at a time, each acknowledged back to the test before the next (the kill tests count them). */
  async burst(id: number, words: string[], pauseMs: number) {
    for (const word of words) {
      const story = call(need(library, 'library'), 'story:get', { id })
      const text = (story.body.root.children[0] as { children: { text?: string }[] }).children[0]?.text ?? ''
      need(desk, 'desk').edit(id, { body: withWord(story.body, 0, text.length, ` ${word}`) })
      process.send!({ typed: word })
      await sleep(pauseMs)
    }
    return words.length
  },
  handTo(id: number, assignee: string | null, status: string) {
    return need(desk, 'desk').handTo(id, assignee, status as never).status
  },
  offline() {
    need(desk, 'desk').goOffline()
    return true
  },
  online() {
    need(desk, 'desk').goOnline()
    return true
  },
  status() {
    return need(desk, 'desk').status()
  },
  /** Wait (bounded) until everything this app holds is up and answered. */
  async settle(timeoutMs: number) {
    const until = Date.now() + timeoutMs
    while (Date.now() < until) {
      if (need(desk, 'desk').settled()) return true
      await sleep(50)
    }
    return false
  },
  doc(id: number) {
    return storyFromDoc(need(desk, 'desk').docOf(id))
  },
  close() {
    desk?.close()
    library?.close()
    desk = null
    library = null
    return true
  },
}

process.on('message', (message: { id: number; op: string; args: unknown[] }) => {
  void (async () => {
    try {
      const command = commands[message.op]
      if (!command) throw new Error(`no command ${message.op}`)
      const value = await (command as (...args: unknown[]) => unknown)(...message.args)
      process.send!({ id: message.id, ok: true, value })
    } catch (error) {
      process.send!({ id: message.id, ok: false, error: (error as Error).message })
    }
  })()
})
process.send!({ ready: true })
