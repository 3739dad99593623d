import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '../library-fixture'
import { call } from '../../src/main/api'
import { bodyOf, paragraphNode, textNode, type BlockNode } from '../../src/shared/body'

/** Inline CSS on a text node, from the api door: dropped, so it never reaches the editor again. */

const libraries = useTempLibraries()
const covering = 'position: fixed; inset: 0; z-index: 9999; background-image: url(https://attacker.invalid/x.gif)'

function styledBody() {
  return bodyOf([{ ...paragraphNode(''), children: [{ ...textNode('Covering words'), style: covering }] } as BlockNode])
}

describe('text style through the api', () => {
  it('is dropped on story:create and story:save, keeping the words', () => {
    const lib = libraries.open()
    const made = call(lib, 'story:create', { headline: 'Styled', body: styledBody() })
    let stored = JSON.stringify(call(lib, 'story:get', { id: made.id }).body)
    expect(stored).toContain('Covering words')
    expect(stored).not.toContain('position: fixed')
    call(lib, 'story:save', { id: made.id, expectedRevision: made.revision, changes: { body: styledBody() } })
    stored = JSON.stringify(call(lib, 'story:get', { id: made.id }).body)
    expect(stored).toContain('Covering words')
    expect(stored).not.toContain('position: fixed')
  })
})
