import { describe, expect, it, vi } from 'vitest'
import { dispatch, isApiChannel } from '../../src/main/api'
import { createFlushCoordinator } from '../../src/main/shell/flush'
import { registerIpc } from '../../src/main/shell/ipc'
import { contract, type Channel, type Reply } from '../../src/shared/contract'
import { invalidInput } from '../../src/shared/errors'
import { useTempLibraries } from '../library-fixture'
import { badInputsFor, limitInputsFor, namesField, type BadInput } from './bad-inputs'

type Handler = (event: { senderFrame: { url: string; parent?: unknown } | null }, input: unknown) => unknown

// The Electron door, without Electron: ipc.ts registers its real handlers on this stand-in for
// ipcMain. Any other Electron API reached while refusing bad input is a bug, so it throws.
const handlers = vi.hoisted(() => new Map<string, Handler>())
vi.mock('electron', () => {
  const unavailable = (name: string) =>
    new Proxy(
      {},
      {
        get: (_target, property) => {
          throw new Error(`electron.${name}.${String(property)} was reached while refusing bad input`)
        },
      },
    )
  return {
    ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
    app: unavailable('app'),
    BrowserWindow: unavailable('BrowserWindow'),
    dialog: unavailable('dialog'),
    shell: unavailable('shell'),
    webContents: unavailable('webContents'),
  }
})

const channels = Object.keys(contract) as Channel[]
const appFrame = { url: 'app://copydesk/index.html', parent: null }

interface Refusal {
  code: string
  message: string
  issues?: { path: string; message: string }[]
}

/** What is wrong with a reply to a bad input, or null when it is the clear refusal we want. */
function problemWith(reply: unknown, bad: BadInput): string | null {
  const r = reply as Reply<unknown>
  if (r.ok) return `accepted ${bad.kind} input for ${bad.field}`
  const error = r.error as Refusal
  if (error.code !== 'invalid-input')
    return `${bad.kind} ${bad.field}: code ${error.code} (${error.message.slice(0, 200)})`
  if (!namesField(error, bad.field))
    return `${bad.kind} ${bad.field}: the refusal does not name it: ${error.message.slice(0, 300)}`
  if (!error.message.startsWith(bad.channel)) return `${bad.kind} ${bad.field}: the message does not name the channel`
  if (bad.kind === 'unknown-field' && bad.field === '(input)' && !error.message.includes('sneaky'))
    return `unknown field: the message does not name it: ${error.message.slice(0, 200)}`
  if (bad.kind === 'prototype' && !error.message.includes('__proto__'))
    return `__proto__ key: not named in ${error.message}`
  return null
}

describe('every IPC channel refuses malformed input with a clear error', () => {
  const libraries = useTempLibraries()
  let casesRun = 0

  function electronDoor() {
    handlers.clear()
    const library = libraries.open()
    registerIpc(
      library,
      createFlushCoordinator(() => {}),
      undefined,
    )
    return library
  }

  it('has a handler in the Electron shell for every channel of the contract', () => {
    electronDoor()
    expect([...handlers.keys()].sort()).toEqual([...channels].sort())
  })

  it.each(channels)('%s: wrong types, missing and unknown fields, huge strings', async (channel) => {
    const library = electronDoor()
    const cases = badInputsFor(channel)
    const problems: string[] = []
    for (const bad of cases) {
      if (isApiChannel(channel)) {
        const problem = problemWith(await dispatch(library, channel, bad.input), bad)
        if (problem) problems.push(`dispatch: ${problem}`)
      }
      const handler = handlers.get(channel)
      if (handler) {
        const problem = problemWith(await handler({ senderFrame: appFrame }, bad.input), bad)
        if (problem) problems.push(`ipc: ${problem}`)
      }
      casesRun++
    }
    expect(problems).toEqual([])
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    // Nothing was written by any refused call.
    expect(library.db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 0 })
  })

  it.each(channels.filter(isApiChannel))(
    '%s: every string at its length limit is not refused for its length, one past it is, and nothing is "internal"',
    async (channel) => {
      const library = libraries.open()
      const problems: string[] = []
      for (const limit of limitInputsFor(channel)) {
        const past = await dispatch(library, channel, limit.past)
        if (past.ok || past.error.code !== 'invalid-input' || !namesField(past.error, limit.field))
          problems.push(`${limit.field} at ${limit.limit + 1}: ${JSON.stringify(past).slice(0, 200)}`)
        const at = await dispatch(library, channel, limit.at)
        if (!at.ok && at.error.code === 'internal') problems.push(`${limit.field} at ${limit.limit}: internal`)
        if (
          !at.ok &&
          at.error.issues?.some((issue) => issue.path === limit.field && /too big|at most/i.test(issue.message))
        )
          problems.push(`${limit.field} at ${limit.limit}: refused for its length (${at.error.message.slice(0, 200)})`)
        casesRun += 2
      }
      expect(problems).toEqual([])
    },
  )

  it('finds the length limits it tests (the generator is not empty)', () => {
    expect(limitInputsFor('story:create').map((l) => l.field)).toEqual(
      expect.arrayContaining(['headline', 'standfirst']),
    )
    expect(limitInputsFor('wire:import').map((l) => l.field)).toEqual(['files.0.name', 'files.0.data'])
  })

  it('answers no channel for a frame that is not the app’s own top-level page', async () => {
    electronDoor()
    const strangers = [
      null,
      { url: 'https://evil.example/index.html', parent: null },
      { url: 'app://copydesk/index.html', parent: { url: 'app://copydesk/index.html' } },
      { url: 'file:///home/editor/index.html', parent: null },
      { url: 'app://copydesk.evil.example/index.html', parent: null },
      { url: 'data:text/html,<script>1</script>', parent: null },
    ]
    // A channel with no handler at all is the first test's finding.
    for (const channel of channels.filter((c) => handlers.has(c))) {
      for (const senderFrame of strangers) {
        const reply = (await handlers.get(channel)!({ senderFrame }, {})) as Reply<unknown>
        expect(reply.ok, `${channel} from ${senderFrame?.url ?? 'no frame'}`).toBe(false)
        if (!reply.ok) expect(reply.error.message).toContain('did not come from Copydesk')
      }
    }
  })

  it('would catch a channel that takes an unbounded string, unknown fields or anything at all', async () => {
    const { z } = await import('zod')
    const weak = z.object({ note: z.string(), extra: z.unknown(), nested: z.looseObject({ text: z.string() }) })
    // The same judgement as above, on replies built the way call() builds them.
    const caught = badInputsFor('story:get', weak)
      .filter((bad) => {
        const parsed = weak.safeParse(bad.input)
        const reply = parsed.success
          ? { ok: true, value: parsed.data }
          : { ok: false, error: invalidInput('story:get was given bad input', parsed.error).toShape() }
        return problemWith(reply, bad) !== null
      })
      .map((bad) => `${bad.kind} ${bad.field}`)
    expect(caught).toEqual(
      expect.arrayContaining([
        'huge-string note',
        'wrong-type extra',
        'unknown-field (input)',
        'huge-string nested.text',
      ]),
    )
  })

  it('refuses channel names that are not in the contract', async () => {
    const library = libraries.open()
    for (const name of ['story:drop', '__proto__', 'constructor', 'toString', '', 42, null]) {
      const reply = await dispatch(library, name, {})
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    console.log(`ipc input: ${casesRun} malformed inputs refused across ${channels.length} channels`)
  })
})
