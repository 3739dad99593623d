import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { commentedBody, THREADS, thread } from '@test/fixtures/comments/stories'
import { bodyToText } from '../body-text'
import { commentThreads, markedTexts } from '../comments'
import { bodySchema } from '../body'
import { applyToDoc, bodyFromDoc, docFromStory, storyFromDoc } from './story-doc'

const copy = (doc: Y.Doc) => {
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  return other
}
const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

describe('a shared story’s doc', () => {
  it('keeps inline comments: the threads and the words each is on, in a paragraph, a link and a list', () => {
    const body = commentedBody()
    const back = bodyFromDoc(docFromStory({ body }, 'Desk'))
    expect(bodyToText(back)).toBe(bodyToText(body))
    expect(commentThreads(back)).toEqual(THREADS)
    expect(markedTexts(back)).toEqual(markedTexts(body))
    // The link around a marked word is still a link, and the body still reads as a body.
    expect(JSON.stringify(back.root.children[1])).toContain('https://example.com/council')
    expect(bodySchema.safeParse(back).success).toBe(true)
  })

  it('merges comments made by two editors offline, and keeps the marked words as colleagues type before them', () => {
    const start = commentedBody([])
    const a = docFromStory({ body: start }, 'ann')
    const b = copy(a)
    const first = start.root.children[0] as { children: unknown[] }
    const withMark = (ids: string[]) => ({
      root: {
        ...start.root,
        children: [
          {
            ...first,
            children: [
              { type: 'text', text: 'Sales ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
              {
                type: 'mark',
                ids,
                direction: null,
                format: '',
                indent: 0,
                version: 1,
                children: [
                  {
                    type: 'text',
                    text: 'fell 3 per cent',
                    format: 0,
                    detail: 0,
                    mode: 'normal',
                    style: '',
                    version: 1,
                  },
                ],
              },
              { type: 'text', text: ' last year.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
            ],
          },
          ...start.root.children.slice(1),
        ],
      },
    })
    const annThread = thread('ann-1', 'fell 3 per cent', ['Source?'])
    applyToDoc(a, { body: { root: { ...withMark(['ann-1']).root, $: { comments: [annThread] } } } as never }, 'ann')
    const bobThread = thread('bob-1', 'Nothing else to add.', ['Cut this line'])
    const bobBody = structuredClone(bodyFromDoc(b))
    ;(bobBody.root.children[0] as { children: { text: string }[] }).children[0]!.text = 'Annual sales '
    applyToDoc(b, { body: { root: { ...bobBody.root, $: { comments: [bobThread] } } } }, 'bob')
    exchange(a, b)
    const merged = bodyFromDoc(a)
    expect(bodyFromDoc(b)).toEqual(merged)
    expect(
      commentThreads(merged)
        .map((t) => t.id)
        .sort(),
    ).toEqual(['ann-1', 'bob-1'])
    expect(markedTexts(merged).get('ann-1')).toBe('fell 3 per cent')
    expect(bodyToText(merged)).toContain('Annual sales fell 3 per cent last year.')
  })

  it('carries the desk note, the agency note, the kill and the embargo; a doc without them leaves the library’s own', () => {
    const kill = { kind: 'kill' as const, at: '2026-12-01T09:00:00.000Z', notice: 'Wrong figures', agency: 'AP' }
    const embargo = { at: '2026-12-02T10:00:00.000Z', zone: 'Europe/Berlin' }
    const doc = docFromStory(
      { headline: 'Budget', deskNote: 'Hold for the minister', editorNote: 'Eds: corrects', kill, embargo },
      'ann',
    )
    const story = storyFromDoc(copy(doc))
    expect(story).toMatchObject({ deskNote: 'Hold for the minister', editorNote: 'Eds: corrects', kill, embargo })
    expect('deskNote' in storyFromDoc(docFromStory({ headline: 'Old doc' }, 'ann'))).toBe(false)
  })
})
