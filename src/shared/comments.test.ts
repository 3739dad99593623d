import { describe, expect, it } from 'vitest'
import { commentedBody, LEAK_WORDS, mark, thread, THREADS } from '@test/fixtures/comments/stories'
import { bodyOf, bodySchema, paragraphNode, textNode, type Body } from './body'
import { bodyToText } from './body-text'
import {
  commentChanges,
  commentsText,
  commentThreads,
  markedTexts,
  openComments,
  stripComments,
  type CommentThread,
} from './comments'
import {
  MAX_ALL_COMMENT_CHARACTERS,
  MAX_COMMENT_CHARACTERS,
  MAX_COMMENT_THREADS,
  MAX_COMMENTS_PER_THREAD,
  MAX_MARK_IDS,
} from './limits'

const withThreads = (threads: unknown, body: Body = commentedBody()): unknown => ({
  root: { ...body.root, $: { comments: threads } },
})
const problems = (input: unknown) => {
  const result = bodySchema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => i.message)
}

describe('a body with comments', () => {
  it('validates as it is saved, and its words read as if the comments were not there', () => {
    const body = commentedBody()
    expect(bodySchema.parse(body)).toEqual(body)
    expect(bodyToText(body)).toBe(
      'Sales fell 3 per cent last year.\n\nAsk the council why.\n\nRoads stay closed\nSchools reopen on Monday\n\nNothing else to add.',
    )
  })

  it('counts the open threads, not the resolved ones, nor the replies', () => {
    expect(openComments(commentedBody())).toBe(3)
    expect(openComments(bodyOf([paragraphNode('Plain copy')]))).toBe(0)
    expect(
      openComments(commentedBody(THREADS.map((t) => ({ ...t, resolved: { by: 'A', at: t.comments[0]!.at } })))),
    ).toBe(0)
  })

  it('reads each thread’s marked words as they stand now, joined across marks and through nesting', () => {
    const texts = markedTexts(commentedBody())
    expect(Object.fromEntries(texts)).toEqual({
      'cmt-Zanzibar-kumquat': 'fell 3 per cent',
      'cmt-link': 'council',
      'cmt-list': 'Schools reopen on Monday',
      'cmt-inner': 'Monday',
    })
  })
})

describe('stripping comments', () => {
  it('leaves the words where they were and no mark, id, thread or comment word anywhere in the JSON', () => {
    const body = commentedBody()
    const stripped = stripComments(body)
    expect(bodyToText(stripped)).toBe(bodyToText(body))
    const json = JSON.stringify(stripped)
    expect(json).not.toContain('"mark"')
    expect(json).not.toContain('cmt-')
    expect(json).not.toContain('"$"')
    for (const word of LEAK_WORDS) expect(json).not.toContain(word)
    expect(commentThreads(stripped)).toEqual([])
    expect(bodySchema.parse(stripped)).toEqual(stripped)
    // The original is not touched.
    expect(openComments(body)).toBe(3)
  })
})

describe('hostile comments are refused with a reason', () => {
  const one = (patch: Partial<CommentThread> | Record<string, unknown>) => [{ ...THREADS[0]!, ...patch }]

  it('a comment longer than a comment may be', () => {
    const long = one({ comments: [{ ...THREADS[0]!.comments[0]!, text: 'x'.repeat(MAX_COMMENT_CHARACTERS + 1) }] })
    expect(problems(withThreads(long)).join()).toMatch(/at most 4,000 characters/)
  })

  it('more comment text in a story than all its comments may hold, even when each is short enough', () => {
    const per = MAX_COMMENT_CHARACTERS
    const threads = Array.from({ length: Math.ceil(MAX_ALL_COMMENT_CHARACTERS / per) + 1 }, (_, i) =>
      thread(`t${i}`, 'q', ['y'.repeat(per)]),
    )
    expect(problems(withThreads(threads)).join()).toMatch(/more than 200,000 characters/)
  })

  it('too many threads, too many replies, a thread with none', () => {
    const many = Array.from({ length: MAX_COMMENT_THREADS + 1 }, (_, i) => thread(`t${i}`, 'q', ['ok']))
    expect(problems(withThreads(many)).join()).toMatch(/at most 500 comment threads/)
    const chatty = [
      thread(
        't',
        'q',
        Array.from({ length: MAX_COMMENTS_PER_THREAD + 1 }, () => 'me too'),
      ),
    ]
    expect(problems(withThreads(chatty)).join()).toMatch(/at most 100 replies/)
    expect(problems(withThreads(one({ comments: [] })))).not.toEqual([])
  })

  it('a reply nested in a reply (threads are flat), and unknown fields anywhere in a thread', () => {
    const nested = one({
      comments: [{ ...THREADS[0]!.comments[0]!, replies: [THREADS[0]!.comments[1]!] }],
    })
    expect(problems(withThreads(nested))).not.toEqual([])
    expect(problems(withThreads(one({ html: '<script>alert(1)</script>' })))).not.toEqual([])
    expect(problems(withThreads(one({ resolved: { by: 'A', at: '2026-11-30T10:00:00.000Z', why: 'x' } })))).not.toEqual(
      [],
    )
    expect(
      problems({ root: { ...commentedBody().root, $: { comments: THREADS, other: 'x'.repeat(1000) } } }),
    ).not.toEqual([])
  })

  it('empty or blank comments and authors, bad dates, ids that are not plain, duplicate threads', () => {
    const c = THREADS[0]!.comments[0]!
    expect(problems(withThreads(one({ comments: [{ ...c, text: '   ' }] })))).not.toEqual([])
    expect(problems(withThreads(one({ comments: [{ ...c, author: '' }] })))).not.toEqual([])
    expect(problems(withThreads(one({ comments: [{ ...c, at: 'yesterday' }] })))).not.toEqual([])
    expect(problems(withThreads(one({ id: '"><img src=x>' })))).not.toEqual([])
    expect(problems(withThreads([THREADS[0], THREADS[0]])).join()).toMatch(/share the id/)
  })

  it('marks with ids that are not plain, or too many of them', () => {
    const marked = (ids: string[]) =>
      bodyOf([{ ...paragraphNode(''), children: [mark(ids, [textNode('x')])] } as never])
    expect(problems(marked(['ok-1']))).toEqual([])
    expect(problems(marked(['<b>']))).not.toEqual([])
    expect(problems(marked(Array.from({ length: MAX_MARK_IDS }, (_, i) => `id${i}`)))).toEqual([])
    expect(problems(marked(Array.from({ length: MAX_MARK_IDS + 1 }, (_, i) => `id${i}`)))).not.toEqual([])
  })

  it('marks nested past the body’s depth limit are measured, not recursed into', () => {
    let node: unknown = textNode('deep')
    for (let i = 0; i < 100_000; i++) node = mark(['a'], [node])
    const body = bodyOf([{ ...paragraphNode(''), children: [node] } as never])
    expect(problems(body).join()).toMatch(/levels deep/)
  })
})

describe('what History says about comments', () => {
  it('counts threads added, replies, resolved, reopened and removed between two bodies', () => {
    const before = commentedBody(THREADS.slice(0, 2))
    const after = commentedBody([
      { ...THREADS[0]!, resolved: { by: 'A', at: '2026-11-30T11:00:00.000Z' } },
      { ...THREADS[2]!, resolved: undefined },
      thread('new', 'q', ['first', 'a reply', 'another']),
    ])
    expect(commentChanges(before, after)).toEqual({ added: 2, replies: 2, resolved: 1, reopened: 0, removed: 1 })
    expect(commentChanges(after, before)).toEqual({ added: 1, replies: 0, resolved: 0, reopened: 1, removed: 2 })
  })

  it('reads one line a thread', () => {
    expect(commentsText(commentedBody(THREADS.slice(0, 1)))).toBe(
      'On “fell 3 per cent”: Check the figure against the Marzipan-heron release — Quillfeather (1 reply)',
    )
  })
})
