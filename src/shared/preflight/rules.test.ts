import { describe, expect, it } from 'vitest'
import { bodyOf, emptyBody, paragraphNode, type BlockNode } from '../body'
import { defaultCheckOptions } from '../checks/options'
import { embargoFrom } from '../embargo'
import { blankStoryFields, type StoryFields } from '../story'
import { overrideNote, overrideProblem, runPreflight, type PreflightItem } from '.'
import type { PreflightLookups } from './rule'
import { commentedBody } from '@test/fixtures/comments/stories'
import * as comments from './rules/unresolved-comments'

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')
const NOW = new Date('2026-12-01T09:00:00Z')
const MEDIA = 'a'.repeat(64)

/** A story that passes every rule: the class of story each test then breaks in one way. */
function fine(changes: Partial<StoryFields> = {}): StoryFields {
  return {
    ...blankStoryFields(),
    headline: 'Council approves harbour budget after long debate',
    body: bodyOf([paragraphNode(words(60))]),
    ...changes,
  }
}

const library: PreflightLookups = {
  hasPicture: (id) => id === MEDIA,
  linkedStory: (id) => (id === 7 ? { headline: 'Earlier harbour story', status: 'published' } : null),
}

const run = (story: StoryFields, extra: Partial<Parameters<typeof runPreflight>[0]> = {}) =>
  runPreflight({ story, now: NOW, lookups: library, ...extra })
const rules = (items: PreflightItem[]) => items.map((i) => `${i.level}:${i.rule}`)

describe('the publish preflight', () => {
  it('has nothing to say of a finished story', () => {
    expect(run(fine())).toEqual([])
  })

  it('no headline: blocking, placed at the headline', () => {
    const items = run(fine({ headline: '   ' }))
    expect(rules(items)).toEqual(['blocking:no-headline'])
    expect(items[0]!.where).toEqual({ field: 'headline' })
  })

  it('a body of no words blocks; a very short one is a warning; a long one passes', () => {
    expect(rules(run(fine({ body: emptyBody() })))).toEqual(['blocking:empty-body'])
    expect(rules(run(fine({ body: bodyOf([paragraphNode('   ')]) })))).toEqual(['blocking:empty-body'])
    const short = run(fine({ body: bodyOf([paragraphNode(words(12))]) }))
    expect(rules(short)).toEqual(['warning:short-body'])
    expect(short[0]!.message).toContain('12 words')
    expect(run(fine({ body: bodyOf([paragraphNode(words(40))]) }))).toEqual([])
  })

  it('TK and the house placeholders: one blocking item each, wherever they are', () => {
    const story = fine({
      headline: 'Council to spend TK on harbour',
      body: bodyOf([paragraphNode(`${words(50)} The cost is TKTK.`), paragraphNode('Mayor XXX said. Tk is not one.')]),
    })
    const items = run(story, {
      options: { ...defaultCheckOptions, headlineMaxLength: 80, placeholderWords: ['TK', 'TKTK', 'XXX'] },
    })
    expect(rules(items)).toEqual(['blocking:placeholder', 'blocking:placeholder', 'blocking:placeholder'])
    expect(items.map((i) => i.message)).toEqual([
      '“TK” left in the headline',
      '“TKTK” left in the body',
      '“XXX” left in the body',
    ])
    expect(items[1]!.where).toMatchObject({ field: 'body', block: 0 })
    // A house without XXX as a placeholder does not flag it.
    expect(
      run(story, { options: { ...defaultCheckOptions, headlineMaxLength: 80, placeholderWords: ['TK'] } }),
    ).toHaveLength(1)
  })

  it('unresolved comments: the hook counts them and each story with any is held', () => {
    expect(comments.unresolvedCommentsIn(fine())).toBe(0)
    const items = run(fine(), { countComments: () => 2 })
    expect(rules(items)).toEqual(['blocking:unresolved-comments'])
    expect(items[0]!.message).toBe('2 unresolved comments')
    expect(run(fine(), { countComments: () => 1 })[0]!.message).toBe('1 unresolved comment')
    // The real count: a body with three open threads (and resolved ones) holds the story.
    const commented = run({ ...fine(), body: commentedBody() })
    expect(rules(commented)).toContain('blocking:unresolved-comments')
    expect(commented.find((i) => i.message.includes('unresolved'))!.message).toBe('3 unresolved comments')
  })

  it('an embargo in force blocks, naming when it ends; an ended one does not', () => {
    const embargo = embargoFrom('2026-12-01T12:00', 'Europe/London')!
    const items = run(fine({ embargo }))
    expect(rules(items)).toEqual(['blocking:embargo'])
    expect(items[0]!.message).toBe('embargoed until 12:00 Europe/London (UTC+00:00), Tue 1 Dec 2026 (3 h 00 min to go)')
    expect(run(fine({ embargo }), { now: new Date('2026-12-01T12:00:00Z') })).toEqual([])
    expect(rules(run(fine({ embargo: { note: 'EMBARGOED UNTIL FURTHER NOTICE' } })))).toEqual(['blocking:embargo'])
  })

  it('a killed story blocks and needs a desk head', () => {
    const items = run(
      fine({ kill: { kind: 'kill', at: NOW.toISOString(), notice: 'KILL. Legal reasons.', agency: 'AP' } }),
    )
    expect(rules(items)).toEqual(['blocking:killed'])
    expect(items[0]).toMatchObject({ message: 'killed by AP: KILL. Legal reasons.', deskHead: true })
  })

  it('pictures: no image, no credit and no alt text are warnings', () => {
    const lead = { mediaId: MEDIA, alt: 'The harbour at dawn', caption: 'The harbour', credit: 'PA' }
    expect(run(fine({ leadPicture: lead }))).toEqual([])
    const bare: BlockNode = { type: 'picture', version: 1, alt: '', caption: 'Quay', credit: '' }
    const gone = { ...lead, mediaId: 'b'.repeat(64) }
    const items = run(fine({ leadPicture: gone, body: bodyOf([paragraphNode(words(60)), bare]) }))
    expect(rules(items)).toEqual([
      'warning:picture-image',
      'warning:picture-image',
      'warning:picture-credit',
      'warning:picture-alt',
    ])
    expect(items[0]!.message).toBe('the lead picture has no image')
    expect(items[1]).toMatchObject({
      message: 'a picture in the body has no image',
      where: { field: 'picture', block: 1 },
    })
  })

  it('related links: a story gone from the library or not yet published is a warning', () => {
    const related = [
      { headline: 'Earlier harbour story', storyId: 7 },
      { headline: 'Deleted story', storyId: 99 },
      { headline: 'Deleted but has an address', storyId: 98, url: 'https://example.com/a' },
    ]
    const items = run(fine({ related }))
    expect(rules(items)).toEqual(['warning:related-links'])
    expect(items[0]!.message).toContain('Deleted story')
  })

  it('spelling and style-book findings are warnings; other checks are the Checks panel’s', () => {
    const findings = [
      {
        rule: 'spelling',
        severity: 'warning',
        message: '“harbr” may be misspelt.',
        excerpt: 'harbr',
        where: { field: 'body' },
      },
      {
        rule: 'style-book',
        severity: 'warning',
        message: 'The style book says “per cent”.',
        excerpt: '%',
        where: { field: 'body' },
      },
      { rule: 'double-space', severity: 'warning', message: 'Two spaces.', excerpt: '  ', where: { field: 'body' } },
    ] as const
    const items = run(fine(), { findings: [...findings] })
    expect(rules(items)).toEqual(['warning:spelling-style', 'warning:spelling-style'])
    expect(items[0]!.message).toBe('spelling: “harbr” may be misspelt.')
  })

  it('a headline over the house length is a warning', () => {
    const headline = 'A'.repeat(30)
    expect(
      run(fine({ headline }), { options: { ...defaultCheckOptions, headlineMaxLength: 30, placeholderWords: [] } }),
    ).toEqual([])
    const items = run(fine({ headline: headline + 'B' }), {
      options: { ...defaultCheckOptions, headlineMaxLength: 30, placeholderWords: [] },
    })
    expect(rules(items)).toEqual(['warning:headline-length'])
  })

  it('lists blocking items before warnings', () => {
    const items = run(fine({ headline: 'X'.repeat(100), body: emptyBody() }))
    expect(rules(items)).toEqual(['blocking:empty-body', 'warning:headline-length'])
  })
})

describe('an override', () => {
  const embargo = run(fine({ embargo: embargoFrom('2026-12-01T12:00', 'Europe/London')! }))
  const kill = run(fine({ kill: { kind: 'withdrawal', at: NOW.toISOString(), notice: 'WITHDRAWN' } }))

  it('is needed for blocking items, and names them when missing', () => {
    expect(overrideProblem(run(fine()), undefined)).toBeUndefined()
    expect(overrideProblem(embargo, undefined)).toMatch(/^held by the preflight: embargoed until 12:00/)
    expect(overrideProblem(embargo, { reason: 'Agency lifted it by phone' })).toBeUndefined()
  })

  it('past a kill needs a desk head’s name as well as a reason', () => {
    expect(overrideProblem(kill, { reason: 'Legal cleared it' })).toMatch(/desk head/)
    expect(overrideProblem(kill, { reason: 'Legal cleared it', deskHead: 'R. Okafor' })).toBeUndefined()
  })

  it('is written for the history with what it let through, why and who', () => {
    expect(overrideNote(kill, { reason: 'Legal cleared it', deskHead: 'R. Okafor' })).toBe(
      'Overrode: withdrawn: WITHDRAWN. Reason: Legal cleared it (desk head: R. Okafor)',
    )
  })
})
