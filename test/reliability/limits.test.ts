import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '../library-fixture'
import { call } from '../../src/main/api'
import { importWireFiles } from '../../src/main/intake/import-wire'
import { bodyOf, paragraphNode, textNode, type BlockNode, type Body } from '../../src/shared/body'
import { MAX_BLOCKS, MAX_BODY_CHARACTERS, MAX_BODY_JSON_DEPTH, MAX_NESTING } from '../../src/shared/limits'
import { dispatch } from '../../src/main/api'

/**
 * One table of limits (shared/limits.ts): what import accepts, a save accepts, so a story imported
 * can always be edited and saved; at each limit it is accepted, just past it refused in words.
 */

const libraries = useTempLibraries()

/** A list nested `levels` deep, as Lexical saves it (a list inside a list item). */
function nestedList(levels: number): Body {
  let inner: Record<string, unknown> = { ...paragraphNode('deepest'), type: 'listitem', value: 1 }
  for (let level = 1; level < levels; level++) {
    const list = {
      type: 'list',
      listType: 'bullet',
      start: 1,
      tag: 'ul',
      direction: null,
      format: '',
      indent: 0,
      version: 1,
      children: [inner],
    }
    inner = { type: 'listitem', value: 1, direction: null, format: '', indent: 0, version: 1, children: [list] }
  }
  const top = {
    type: 'list',
    listType: 'bullet',
    start: 1,
    tag: 'ul',
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    children: [inner],
  }
  return bodyOf([top as unknown as BlockNode])
}

function saveError(body: Body): string | null {
  const lib = libraries.open()
  try {
    call(lib, 'story:create', { headline: 'Limits', body })
    return null
  } catch (error) {
    return (error as Error).message
  }
}

describe('a ninjs file with pictures on top of the most paragraphs a story holds', () => {
  it('is refused at import with the reason a save would give, so no story is imported that cannot be saved', () => {
    const lib = libraries.open()
    const paragraphs = Array.from({ length: MAX_BLOCKS }, (_, i) => `<p>Paragraph ${i}</p>`).join('')
    const pictures = Array.from({ length: 5 }, (_, i) => ({
      type: 'picture',
      uri: `https://example.org/${i}.jpg`,
      headline: `Picture ${i}`,
    }))
    const file = {
      name: 'long.json',
      bytes: Buffer.from(
        JSON.stringify({
          headline: 'Long',
          body_html: paragraphs,
          associations: Object.fromEntries(pictures.map((p, i) => [`pic${i}`, p])),
        }),
      ),
    }
    const [result] = importWireFiles(lib, [file])
    if (result!.ok) {
      // Whatever was imported must take an edit and a save.
      const story = call(lib, 'story:get', { id: result!.id! })
      expect(() =>
        call(lib, 'story:save', { id: story.id, expectedRevision: story.revision, changes: { headline: 'Edited' } }),
      ).not.toThrow()
      expect(() =>
        call(lib, 'story:save', { id: story.id, expectedRevision: story.revision + 1, changes: { body: story.body } }),
      ).not.toThrow()
    } else {
      expect(result!.error).toMatch(/blocks; a story holds at most 20,000/)
    }
  })
})

describe('nesting depth', () => {
  it(`takes lists nested ${MAX_NESTING / 4} deep and refuses deeper than the limit in words`, () => {
    expect(saveError(nestedList(MAX_NESTING / 4))).toBeNull()
    expect(saveError(nestedList(MAX_NESTING))).toMatch(/nests lists within lists more than 64 levels deep/)
  })

  it('refuses a list nested 100,000 deep in words, not a stack overflow', () => {
    expect(saveError(nestedList(100_000))).toMatch(/nests lists within lists more than 64 levels deep/)
  })

  it('a story at the nesting limit can be saved and its history read', () => {
    const lib = libraries.open()
    const made = call(lib, 'story:create', { headline: 'Deep', body: nestedList(MAX_NESTING / 4) })
    call(lib, 'story:save', { id: made.id, expectedRevision: made.revision, changes: { headline: 'Deeper' } })
    expect(() => call(lib, 'story:revisions', { id: made.id })).not.toThrow()
  })
})

describe('a field nested deep inside a node', () => {
  /** A paragraph whose text node carries an extra field (nodes keep unknown fields) nested `levels` deep. */
  function carrying(levels: number): Body {
    let extra: unknown = 'deepest'
    for (let level = 0; level < levels; level++) extra = { inner: extra }
    return bodyOf([{ ...paragraphNode(''), children: [{ ...textNode('Words.'), extra }] } as BlockNode])
  }

  it('is refused in words past the JSON depth limit, even 100,000 deep (was "internal: Maximum call stack size exceeded")', async () => {
    const lib = libraries.open()
    for (const levels of [MAX_BODY_JSON_DEPTH, 100_000]) {
      const reply = await dispatch(lib, 'story:create', { headline: 'Deep', body: carrying(levels) })
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      expect(!reply.ok && reply.error.message).toMatch(/nested more than 300 levels deep inside its paragraphs/)
    }
  })

  it('a story carrying one 200 deep is kept, saved and has a History', () => {
    const lib = libraries.open()
    const made = call(lib, 'story:create', { headline: 'Deep', body: carrying(200) })
    call(lib, 'story:save', { id: made.id, expectedRevision: made.revision, changes: { headline: 'Deeper' } })
    expect(call(lib, 'story:revisions', { id: made.id }).revisions.length).toBeGreaterThan(0)
  })
})

describe('text length', () => {
  it('takes a body at the limit and refuses one just past it', () => {
    const words = (n: number) => bodyOf([{ ...paragraphNode(''), children: [textNode('x'.repeat(n))] } as BlockNode])
    expect(saveError(words(MAX_BODY_CHARACTERS))).toBeNull()
    expect(saveError(words(MAX_BODY_CHARACTERS + 1))).toMatch(/longer than 2,000,000 characters/)
  })
})

describe('blocks per story', () => {
  const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => `Paragraph ${i} of the minutes.`)

  it('takes a body of 20,000 blocks through the api and refuses 20,001 in words', () => {
    const body = (count: number) => bodyOf(paragraphs(count).map((text) => paragraphNode(text)))
    expect(saveError(body(MAX_BLOCKS))).toBeNull()
    expect(saveError(body(MAX_BLOCKS + 1))).toMatch(/the story has 20,001 blocks; a story holds at most 20,000/)
  })

  it('imports a text file of 20,000 paragraphs, which can then be saved, and refuses one of 30,000 in words', () => {
    const lib = libraries.open()
    const file = (count: number) => ({
      name: `minutes-${count}.txt`,
      bytes: Buffer.from(`Council minutes\n\n${paragraphs(count).join('\n\n')}`),
    })
    const [atLimit, past] = importWireFiles(lib, [file(MAX_BLOCKS), file(30_000)])
    expect(atLimit, atLimit!.error).toMatchObject({ ok: true })
    const story = call(lib, 'story:get', { id: atLimit!.id! })
    expect(story.body.root.children).toHaveLength(MAX_BLOCKS)
    expect(() =>
      call(lib, 'story:save', { id: story.id, expectedRevision: story.revision, changes: { body: story.body } }),
    ).not.toThrow()
    expect(past).toMatchObject({ file: 'minutes-30000.txt', ok: false })
    expect(past!.error).toMatch(/more than 21,000 paragraphs; a story holds at most 20,000 blocks/)
  })
})
