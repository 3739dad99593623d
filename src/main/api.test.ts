import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '../../test/library-fixture'
import { bodyOf, paragraphNode } from '../shared/body'
import { ApiError } from '../shared/errors'
import { call, dispatch } from './api'

describe('the api table', () => {
  const libraries = useTempLibraries()

  it('creates, saves and reads a story through the one door', () => {
    const library = libraries.open()
    const story = call(library, 'story:create', { headline: 'Rail strike called off' })
    const saved = call(library, 'story:save', {
      id: story.id,
      expectedRevision: 1,
      changes: { standfirst: 'Unions accept the offer.' },
    })
    expect(call(library, 'story:get', { id: story.id })).toEqual(saved)
    expect(call(library, 'story:list', {})).toMatchObject({ total: 1, items: [{ headline: 'Rail strike called off' }] })
  })

  it('names the field at fault and why when input is malformed', async () => {
    const library = libraries.open()
    const reply = await dispatch(library, 'story:create', { headline: 42, bylines: [{ name: '', kind: 'robot' }] })
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid-input')
    const paths = reply.error.issues!.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['headline', 'bylines.0.name', 'bylines.0.kind']))
    expect(reply.error.message).toMatch(/^story:create was given bad input: .*headline: /)
  })

  it('refuses unknown fields, links a reader could not safely follow, and empty saves', () => {
    const library = libraries.open()
    const story = call(library, 'story:create', {})
    const unsafe = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'click' }] }],
          },
        ],
      },
    }
    expect(() => call(library, 'story:save', { id: story.id, expectedRevision: 1, changes: { body: unsafe } })).toThrow(
      /links must be http, https, mailto or tel/,
    )
    expect(() => call(library, 'story:create', { headline: 'x', colour: 'red' })).toThrow(/colour/)
    expect(() => call(library, 'story:save', { id: story.id, expectedRevision: 1, changes: {} })).toThrow(
      /at least one changed field/,
    )
  })

  it('answers a stale save with a conflict and a missing story with not-found', async () => {
    const library = libraries.open()
    const story = call(library, 'story:create', {})
    call(library, 'story:save', { id: story.id, expectedRevision: 1, changes: { headline: 'A' } })
    const stale = await dispatch(library, 'story:save', {
      id: story.id,
      expectedRevision: 1,
      changes: { headline: 'B' },
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await dispatch(library, 'story:get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await dispatch(library, 'story:explode', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'there is no channel named story:explode' },
    })
  })

  it('throws ApiError from call() so the CLI can report it', () => {
    const library = libraries.open()
    expect(() => call(library, 'story:get', { id: 5 })).toThrow(ApiError)
  })
})

describe('story:autosave, the window’s save', () => {
  const libraries = useTempLibraries()

  it('saves the body sent as JSON text, with the other fields, as an autosave revision, and answers the revision alone', () => {
    const library = libraries.open()
    const story = call(library, 'story:create', { headline: 'Flood barrier stays' })
    const body = bodyOf([paragraphNode('The barrier stays until the river falls.')])
    const saved = call(library, 'story:autosave', {
      id: story.id,
      expectedRevision: story.revision,
      changes: { headline: 'Flood barrier stays up' },
      bodyJson: JSON.stringify(body),
    })
    expect(Object.keys(saved).sort()).toEqual(['revision', 'updatedAt'])
    const read = call(library, 'story:get', { id: story.id })
    expect([read.revision, read.headline, read.body]).toEqual([saved.revision, 'Flood barrier stays up', body])
    const newest = call(library, 'story:revisions', { id: story.id }).revisions.find(
      (r) => r.revision === saved.revision,
    )
    expect(newest?.reason).toBe('autosave')
  })

  it('refuses a body that is not JSON, or not a body, naming the channel, and saves nothing', () => {
    const library = libraries.open()
    const story = call(library, 'story:create', { headline: 'Bridge closed' })
    const save = (bodyJson: string) => () =>
      call(library, 'story:autosave', { id: story.id, expectedRevision: story.revision, changes: {}, bodyJson })
    expect(save('{"root": ')).toThrow(/story:autosave was given bad input: bodyJson: the body is not JSON/)
    expect(save('{"root": {"children": 3}}')).toThrow(/story:autosave was given bad input: bodyJson/)
    expect(call(library, 'story:get', { id: story.id }).revision).toBe(story.revision)
  })

  it('is refused as a conflict when the story moved on, as story:save is', () => {
    const library = libraries.open()
    const story = call(library, 'story:create', { headline: 'Ferry late' })
    call(library, 'story:save', {
      id: story.id,
      expectedRevision: story.revision,
      changes: { headline: 'Ferry later' },
    })
    expect(() =>
      call(library, 'story:autosave', { id: story.id, expectedRevision: story.revision, changes: { headline: 'x' } }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }) as Error)
  })
})
