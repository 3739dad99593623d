import { describe, expect, it } from 'vitest'
import {
  bodyFromParagraphs,
  bodyOf,
  bodySchema,
  countWords,
  headingNode,
  listNode,
  paragraphNode,
  readingMinutes,
} from './body'
import { bodyToText } from './body-text'
import { slugify } from './slug'

describe('the body document', () => {
  it('gives plain text with blocks separated by blank lines and list items on lines', () => {
    const body = bodyOf([
      paragraphNode('Lead paragraph.'),
      headingNode('Next steps'),
      listNode('bullet', ['One', 'Two']),
    ])
    expect(bodyToText(body)).toBe('Lead paragraph.\n\nNext steps\n\nOne\nTwo')
    expect(bodySchema.parse(body)).toEqual(body)
  })

  it('counts words as a sub-editor would', () => {
    expect(countWords('Mr Austin’s visit cost 4.9 million dollars — a “signal”, said e-mail co-author')).toBe(12)
    expect(countWords('')).toBe(0)
    expect(readingMinutes(0)).toBe(0)
    expect(readingMinutes(40)).toBe(1)
    expect(readingMinutes(920)).toBe(4)
  })

  it('drops empty paragraphs from wire text and never returns an empty document', () => {
    expect(bodyToText(bodyFromParagraphs(['  A  ', '', 'B']))).toBe('A\n\nB')
    expect(bodyFromParagraphs([]).root.children).toHaveLength(1)
  })

  it('makes slugs from headlines', () => {
    expect(slugify('US defence secretary meets Zelensky to show ongoing support for Ukraine')).toBe(
      'us-defence-secretary-meets-zelensky-to-show-ongoing-support',
    )
    expect(slugify('Café Müller’s “big” day')).toBe('cafe-mullers-big-day')
  })
})
