import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { namesBody } from '@test/names-story'
import { bodyFromParagraphs } from '../../shared/body'
import type { Library } from '../library'
import { call, dispatch } from '../api'
import { CHECK_TIME_LIMIT_MS, checkThread } from './check-thread'
import { CheckSession } from './check-session'
import { ApiError } from '../../shared/errors'
import { getStory } from '../library/stories'

/**
 * story:check through the api runs on the check thread, not main's (issue 24, item 1): while a
 * 1 MB story full of names is checked (seconds), main answers other calls; a check that overruns
 * its limit or whose thread dies fails in words, and the next check works.
 */
describe('story:check off main’s thread', () => {
  const libraries = useTempLibraries()

  function stories(library: Library, bytes = 256 * 1024) {
    const big = call(library, 'story:create', { headline: 'Names', body: namesBody(bytes) })
    const small = call(library, 'story:create', {
      headline: 'Short',
      body: bodyFromParagraphs(['Mr Kowalski met Ms Kowalska.']),
    })
    return { big: big.id, small: small.id }
  }

  it('while a 1 MB story full of names is checked, a story:list sent after it is answered first', async () => {
    const library = libraries.open()
    const { big, small } = stories(library, 1024 * 1024)
    // Warm: the thread started and Hunspell loaded. (On main's thread, a warm check of the big
    // story would then run start to finish before main looked at any other message.)
    expect(await dispatch(library, 'story:check', { id: small })).toMatchObject({ ok: true })

    const answered: string[] = []
    const check = dispatch(library, 'story:check', { id: big }).then((reply) => {
      answered.push('story:check')
      return reply
    })
    // As an IPC message arriving while the check runs: the next turn of main's event loop.
    const list = new Promise((resolve) =>
      setImmediate(() =>
        resolve(
          dispatch(library, 'story:list', {}).then((reply) => {
            answered.push('story:list')
            return reply
          }),
        ),
      ),
    )
    const [checked, listed] = await Promise.all([check, list])
    expect(answered).toEqual(['story:list', 'story:check'])
    expect(listed).toMatchObject({ ok: true, value: { items: [{}, {}] } })
    // The check itself finished, with the name rule capped ("…and N more").
    expect(checked).toMatchObject({ ok: true })
    const findings = (checked as { value: { findings: { rule: string; message: string }[] } }).value.findings
    expect(findings.some((f) => f.rule === 'name-variants' && /more like this/.test(f.message))).toBe(true)
  }, 300_000)

  it('a check past its time limit is stopped with words naming the story, and the next check works', async () => {
    const library = libraries.open()
    const { big, small } = stories(library)
    checkThread.timeLimitMs = 20
    try {
      const reply = await dispatch(library, 'story:check', { id: big })
      expect(reply).toMatchObject({ ok: false, error: { code: 'stopped' } })
      const message = (reply as { error: { message: string } }).error.message
      expect(message).toContain(`the checks on story ${big} took longer than`)
      expect(message).toContain('nothing in the story was changed')
    } finally {
      checkThread.timeLimitMs = CHECK_TIME_LIMIT_MS
    }
    expect(await dispatch(library, 'story:check', { id: small })).toMatchObject({ ok: true })
  }, 300_000)

  it('a check thread that dies in the middle of a check gives a clear error, and the next check works', async () => {
    const library = libraries.open()
    const { big, small } = stories(library)
    const reply = dispatch(library, 'story:check', { id: big })
    await new Promise((resolve) => setImmediate(resolve))
    await checkThread.stop()
    const stopped = await reply
    expect(stopped).toMatchObject({ ok: false, error: { code: 'stopped' } })
    expect((stopped as { error: { message: string } }).error.message).toContain(
      `the checks on story ${big} stopped before they finished`,
    )
    expect(await dispatch(library, 'story:check', { id: small })).toMatchObject({ ok: true })
    // Checks asked for together run one after another, each answered.
    const both = await Promise.all([
      dispatch(library, 'story:check', { id: small }),
      dispatch(library, 'story:check', { id: small }),
    ])
    expect(both).toMatchObject([{ ok: true }, { ok: true }])
  }, 300_000)

  it('an export’s session: a thread ended mid-batch stops every story of it, in words, and the next batch runs on a fresh thread', async () => {
    const library = libraries.open()
    const { big, small } = stories(library)
    const session = new CheckSession(library.db, 'en-GB')
    const batch = session.check([getStory(library.db, big), getStory(library.db, small)])
    await new Promise((resolve) => setImmediate(resolve))
    await checkThread.stop()
    const outcomes = await batch
    expect(outcomes.map((o) => (o instanceof ApiError ? o.code : 'findings'))).toEqual(['stopped', 'stopped'])
    expect((outcomes[0] as ApiError).message).toContain(`the checks on story ${big} stopped before they finished`)
    expect((outcomes[1] as ApiError).message).toContain(`the checks on story ${small} stopped before they finished`)
    // The fresh thread is sent the session's dictionary again: the story is checked, not refused.
    const [again] = await session.check([getStory(library.db, small)])
    expect(again).toMatchObject([
      { rule: 'spelling', excerpt: 'Kowalski' },
      { rule: 'spelling', excerpt: 'Kowalska' },
    ])
    await session.end()
  }, 300_000)
})
