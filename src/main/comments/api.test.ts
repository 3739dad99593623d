import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { commentedBody, thread, THREADS } from '@test/fixtures/comments/stories'
import { call } from '../api'
import { ApiError } from '../../shared/errors'
import { MAX_COMMENT_CHARACTERS } from '../../shared/limits'
import { commentAuthor } from './author'

const libraries = useTempLibraries()

function refusal(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('the library took it')
}

describe('comments at the library’s door', () => {
  it('a story with comments saves and reads back whole', () => {
    const library = libraries.open()
    const story = call(library, 'story:create', { headline: 'Harbour shop', body: commentedBody() })
    expect(call(library, 'story:get', { id: story.id }).body).toEqual(commentedBody())
  })

  it('a hostile comment is refused with where and why, and the story is left as it was', () => {
    const library = libraries.open()
    const story = call(library, 'story:create', { headline: 'Harbour shop', body: commentedBody() })
    const huge = thread('huge', 'q', ['x'.repeat(MAX_COMMENT_CHARACTERS + 1)])
    const error = refusal(() =>
      call(library, 'story:save', {
        id: story.id,
        expectedRevision: story.revision,
        changes: { body: commentedBody([...THREADS, huge]) },
      }),
    )
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(/comments.*at most 4,000 characters/)
    expect(call(library, 'story:get', { id: story.id })).toMatchObject({ revision: 1, body: commentedBody() })
  })

  it('signs comments with the computer’s user name when the editor gave none', () => {
    expect(call(libraries.open(), 'comments:author', {}).name).toBe(commentAuthor())
    expect(commentAuthor()).toMatch(/\S/)
  })
})
