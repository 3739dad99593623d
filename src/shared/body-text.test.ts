import { describe, expect, it } from 'vitest'
import { bodyOf, listNode, paragraphNode, textNode, type BlockNode, type ListNode } from './body'
import { blockTexts, bodyRuns, bodyToText } from './body-text'

const picture: BlockNode = { type: 'picture', alt: 'Ferry', caption: 'The ferry at dawn', credit: 'PA' }
const nested = listNode('bullet', ['One', 'Two']) as ListNode
// Lexical nests a list in an item of its own, after the item it belongs under.
nested.children.push({ type: 'listitem', children: [listNode('number', ['  A ', '', 'B']) as ListNode] })

const body = bodyOf([
  paragraphNode('  Lead, with '),
  picture,
  {
    type: 'paragraph',
    children: [
      textNode('Tab'),
      { type: 'tab', text: '\t' },
      { type: 'linebreak' },
      { type: 'link', url: 'https://example.com', children: [textNode('link')] },
    ],
  },
  nested,
])

describe('one walk over the body text', () => {
  it('reads plain text trimmed, lists one item a line, pictures never', () => {
    expect(blockTexts(body)).toEqual(['Lead, with', 'Tab\t\nlink', 'One\nTwo\nA\nB'])
    expect(bodyToText(body)).not.toContain('ferry')
  })

  it('keeps every offset for checks and find: untrimmed, a line per item, text nodes mapped back', () => {
    const runs = bodyRuns(body)
    expect(runs.map((r) => r.block)).toEqual([0, 2, 3])
    expect(runs[0]!.text).toBe('  Lead, with ')
    expect(runs[1]!.text).toBe('Tab\t\nlink')
    expect(runs[1]!.segments).toEqual([
      { path: [0], start: 0, length: 3 },
      { path: [3, 0], start: 5, length: 4 },
    ])
    expect(runs[2]!.text).toBe('One\nTwo\n\n  A \n\nB')
  })
})
