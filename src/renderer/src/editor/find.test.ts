import { describe, expect, it } from 'vitest'
import { bodyOf, listNode, paragraphNode, textNode, type BlockNode } from '@shared/body'
import { bodyRuns } from '@shared/body-text'
import { findMatches } from './find'

const runs = bodyRuns(
  bodyOf([
    paragraphNode('The council said the Council’s plan was theirs.'),
    { ...paragraphNode(''), children: [textNode('Coun'), textNode('cil', 1), textNode(' met.')] } as BlockNode,
    listNode('bullet', ['council tax', 'no council']),
  ]),
)
const found = (query: string, matchCase = false, wholeWord = false) =>
  findMatches(runs, query, { matchCase, wholeWord }).map((m) => [m.run.block, m.start, m.end])

describe('find in the body', () => {
  it('finds every match in reading order, across formatting, ignoring case unless asked', () => {
    expect(found('council')).toEqual([
      [0, 4, 11],
      [0, 21, 28],
      [1, 0, 7],
      [2, 0, 7],
      [2, 15, 22],
    ])
    expect(found('Council', true)).toEqual([
      [0, 21, 28],
      [1, 0, 7],
    ])
  })

  it('matches whole words only when asked, and takes the query as plain text', () => {
    expect(found('the', false, true)).toEqual([
      [0, 0, 3],
      [0, 17, 20],
    ])
    expect(found('Council', false, true)).toHaveLength(4)
    expect(found('plan.')).toEqual([])
    expect(found('(')).toEqual([])
    expect(found('')).toEqual([])
  })
})
