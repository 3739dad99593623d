import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bodyFromParagraphs } from '@shared/body'
import { dispatch } from '../../api'
import { openLibrary, type Library } from '../index'

// The window's desk channels on a library that has not joined a desk (the two-editor e2e covers
// a joined one against a real server): validated like every channel, and plain where nothing is shared.
describe('the desk channels, before a desk is joined', () => {
  let dir: string
  let library: Library
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-desk-window-'))
    library = openLibrary(join(dir, 'library.sqlite'))
  })
  afterEach(() => {
    library.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('say the library is on no desk, and open a local story as story:get does, with no base', async () => {
    expect(await dispatch(library, 'desk:status', {})).toMatchObject({
      ok: true,
      value: { joined: false, online: false, waiting: 0 },
    })
    const made = await dispatch(library, 'story:create', {
      headline: 'Harbour bridge closes',
      body: bodyFromParagraphs(['Monday.']),
    })
    const id = (made as { value: { id: number } }).value.id
    const opened = await dispatch(library, 'desk:open', { id })
    expect(opened).toMatchObject({
      ok: true,
      value: { desk: null, base: null, story: { headline: 'Harbour bridge closes' } },
    })
    // A local story's summary carries no desk details.
    const list = (await dispatch(library, 'story:list', {})) as { value: { items: object[] } }
    expect(list.value.items[0]).not.toHaveProperty('desk')
  })

  it('refuse sharing, handing over and going online with a reason an editor understands', async () => {
    for (const [channel, input] of [
      ['desk:share', { id: 1 }],
      ['desk:hand-to', { id: 1, assignee: 'bob', status: 'editing' }],
      ['desk:online', { online: false }],
    ] as const) {
      const reply = (await dispatch(library, channel, input)) as {
        ok: boolean
        error: { code: string; message: string }
      }
      expect(reply.error.code).toBe('not-found')
      expect(reply.error.message).toContain('has not joined a desk')
    }
  })

  it('validate every input: a sign-in without a password, a colleague with a space, a base of 0', async () => {
    const refused = async (channel: string, input: unknown) =>
      ((await dispatch(library, channel, input)) as { ok: boolean; error?: { code: string } }).error?.code
    expect(await refused('desk:join', { url: 'https://desk.example.org', name: 'ann', password: '' })).toBe(
      'invalid-input',
    )
    expect(await refused('desk:hand-to', { id: 1, assignee: 'bob smith', status: 'editing' })).toBe('invalid-input')
    expect(await refused('desk:edit', { id: 1, base: 0, changes: {} })).toBe('invalid-input')
    expect(await refused('desk:online', { online: 'yes' })).toBe('invalid-input')
    // An address that would carry the password in the clear is refused before anything is sent.
    const clear = (await dispatch(library, 'desk:join', {
      url: 'http://desk.example.org',
      name: 'ann',
      password: 'secret',
    })) as { error: { code: string; message: string } }
    expect(clear.error.code).toBe('invalid-input')
    expect(clear.error.message).toContain('without encryption')
  })
})
