import { describe, expect, it } from 'vitest'
import { commentedBody } from '@test/fixtures/comments/stories'
import { bodyToText } from '../body-text'
import { bodyFromDoc, docFromStory } from './story-doc'

describe('a shared story’s doc', () => {
  it('keeps every word a comment was on (comments themselves are not shared through the desk yet)', () => {
    const body = commentedBody()
    const back = bodyFromDoc(docFromStory({ body }, 'Desk'))
    expect(bodyToText(back)).toBe(bodyToText(body))
    expect(JSON.stringify(back)).not.toContain('"mark"')
    // The link around a marked word is still a link.
    expect(JSON.stringify(back.root.children[1])).toContain('https://example.com/council')
  })
})
