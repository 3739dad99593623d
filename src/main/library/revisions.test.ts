import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import type { Story } from '../../shared/story'
import type { Db } from './open'
import { restorePreview, restoreRevision, revisionDiff, storyHistory } from './revisions'
import { addMedia } from './media'
import { bodyOf, paragraphNode, type BlockNode } from '../../shared/body'
import { makePng } from '@test/fixtures/pictures/images'
import { createStory, getStory, saveStory } from './stories'
import { commentedBody, thread, THREADS } from '@test/fixtures/comments/stories'

const at = (time: string) => new Date(`2026-11-24T${time}Z`)

function autosave(db: Db, story: Story, paragraphs: string[], time: string): Story {
  return saveStory(db, {
    id: story.id,
    expectedRevision: story.revision,
    changes: { body: bodyFromParagraphs(paragraphs) },
    reason: 'autosave',
    now: at(time),
  })
}

const summary = (db: Db, id: number) => storyHistory(db, id).map((e) => [e.revision, e.reason, e.saves, e.wordChange])

describe('revisions: coalescing autosaves', () => {
  const libraries = useTempLibraries()

  it('keeps autosaves in one five-minute stretch as one entry, while every save bumps the revision', () => {
    const { db } = libraries.open()
    let story = createStory(db, { headline: 'Ferry strike' }, { now: at('10:00:00') })
    story = autosave(db, story, ['Ferries stopped.'], '10:00:40')
    story = autosave(db, story, ['Ferries stopped at noon.'], '10:02:10')
    story = autosave(db, story, ['Ferries stopped at noon on Tuesday.'], '10:04:59')
    expect(story.revision).toBe(4)
    expect(summary(db, story.id)).toEqual([
      [4, 'autosave', 3, 6],
      [1, 'create', 1, 0],
    ])

    // The next stretch starts a new entry; so does anything that is not an autosave.
    story = autosave(db, story, ['Ferries stopped at noon on Tuesday, unions said.'], '10:05:01')
    story = saveStory(db, {
      id: story.id,
      expectedRevision: 5,
      changes: { headline: 'Ferry strike spreads' },
      reason: 'edit',
      now: at('10:05:30'),
    })
    story = autosave(db, story, ['Ferries stopped at noon on Tuesday, the unions said.'], '10:06:00')
    expect(summary(db, story.id)).toEqual([
      [7, 'autosave', 1, 1],
      [6, 'edit', 1, 0],
      [5, 'autosave', 1, 2],
      [4, 'autosave', 3, 6],
      [1, 'create', 1, 0],
    ])
    expect(storyHistory(db, story.id)[0]).toMatchObject({
      current: true,
      savedAt: '2026-11-24T10:06:00.000Z',
      wordCount: 9,
    })
  })

  it('still refuses a stale save, whatever was coalesced', () => {
    const { db } = libraries.open()
    let story = createStory(db, {}, { now: at('09:00:00') })
    const opened = story
    story = autosave(db, story, ['One.'], '09:00:01')
    story = autosave(db, story, ['One two.'], '09:00:02')
    expect(() => autosave(db, opened, ['Stale window.'], '09:00:03')).toThrow(/changed elsewhere \(now at revision 3/)
    expect(getStory(db, story.id).bodyText).toBe('One two.')
  })

  it('records a save that only moves the status as a status change, with the status', () => {
    const { db } = libraries.open()
    let story = createStory(db, { headline: 'Budget leak' }, { now: at('11:00:00') })
    story = saveStory(db, {
      id: story.id,
      expectedRevision: 1,
      changes: { status: 'editing' },
      reason: 'autosave',
      now: at('11:00:10'),
    })
    story = saveStory(db, {
      id: story.id,
      expectedRevision: 2,
      changes: { status: 'ready', headline: 'Budget leak' },
      reason: 'autosave',
      now: at('11:00:20'),
    })
    story = saveStory(db, {
      id: story.id,
      expectedRevision: 3,
      changes: { status: 'published', headline: 'Budget leaked' },
      reason: 'autosave',
      now: at('11:00:30'),
    })
    expect(storyHistory(db, story.id).map((e) => [e.revision, e.reason, e.status])).toEqual([
      [4, 'autosave', undefined],
      [3, 'status', 'ready'],
      [2, 'status', 'editing'],
      [1, 'create', 'draft'],
    ])
  })
})

describe('revisions: diff and restore', () => {
  const libraries = useTempLibraries()

  function edited(db: Db) {
    let story = createStory(
      db,
      { headline: 'Council meets', body: bodyFromParagraphs(['The council met on Monday.']) },
      { now: at('08:00:00') },
    )
    story = saveStory(db, {
      id: story.id,
      expectedRevision: 1,
      changes: {
        headline: 'Council votes',
        body: bodyFromParagraphs(['The council met on Tuesday and voted.', 'Bins go fortnightly.']),
      },
      reason: 'edit',
      now: at('09:00:00'),
    })
    return story
  }

  it('shows word by word what was inserted and deleted since a revision', () => {
    const { db } = libraries.open()
    const story = edited(db)
    const diff = revisionDiff(db, story.id, 1)
    expect(diff).toMatchObject({ revision: 1, currentRevision: 2, wordsAdded: 7, wordsRemoved: 2 })
    expect(diff.fields.map((f) => f.field)).toEqual(['headline', 'body'])
    const body = diff.fields.find((f) => f.field === 'body')!.parts
    const marked = body
      .map((p) => (p.change === 'added' ? `+[${p.text}]` : p.change === 'removed' ? `-[${p.text}]` : p.text))
      .join('')
    expect(marked).toBe('The council met on -[Monday]+[Tuesday and voted].\n\n+[Bins go fortnightly.]')
    expect(revisionDiff(db, story.id, 2)).toMatchObject({ fields: [], wordsAdded: 0, wordsRemoved: 0 })

    // Joining two paragraphs changes no word, but the diff still shows where the break went.
    saveStory(db, {
      id: story.id,
      expectedRevision: 2,
      changes: { body: bodyFromParagraphs(['The council met on Tuesday and voted. Bins go fortnightly.']) },
      reason: 'edit',
    })
    const joined = revisionDiff(db, story.id, 2).fields.find((f) => f.field === 'body')!.parts
    expect(joined.filter((p) => p.change !== 'same')).toEqual([
      { text: '\n\n', change: 'removed' },
      { text: ' ', change: 'added' },
    ])
  })

  it('restores a revision as a new one, keeping every old one and the current status', () => {
    const { db } = libraries.open()
    let story = edited(db)
    story = saveStory(db, {
      id: story.id,
      expectedRevision: 2,
      changes: { status: 'ready' },
      reason: 'autosave',
      now: at('09:30:00'),
    })
    const restored = restoreRevision(db, { id: story.id, revision: 1, expectedRevision: 3, now: at('10:00:00') })
    expect(restored).toMatchObject({
      revision: 4,
      headline: 'Council meets',
      bodyText: 'The council met on Monday.',
      status: 'ready',
      wordCount: 5,
    })
    expect(getStory(db, story.id)).toEqual(restored)
    expect(storyHistory(db, story.id).map((e) => [e.revision, e.reason, e.wordChange])).toEqual([
      [4, 'restore', -5],
      [3, 'status', 0],
      [2, 'edit', 5],
      [1, 'create', 5],
    ])
    // Revision 2 was a draft; the story is ready now: the status shows in the diff too.
    expect(revisionDiff(db, story.id, 2).fields.map((f) => f.field)).toEqual(['headline', 'status', 'body'])
    expect(storyHistory(db, story.id)[0]!.note).toBe('revision 1')
  })

  it('refuses a stale restore and names a revision that is not in the history', () => {
    const { db } = libraries.open()
    const story = edited(db)
    expect(() => restoreRevision(db, { id: story.id, revision: 1, expectedRevision: 1 })).toThrow(/changed elsewhere/)
    expect(() => restoreRevision(db, { id: story.id, revision: 9, expectedRevision: 2 })).toThrow(
      `story ${story.id} has no revision 9 in its history`,
    )
    expect(() => storyHistory(db, 999)).toThrow('there is no story 999')
    expect(getStory(db, story.id).revision).toBe(2)
  })
})

describe('revisions: pictures, related stories and every other field', () => {
  const libraries = useTempLibraries()

  const picture = (mediaId: string, caption: string, credit: string, alt: string) =>
    ({ type: 'picture', version: 1, mediaId, caption, credit, alt }) as BlockNode

  /** A text revision (1), then pictures, related stories and keywords added (2), then more words (3). */
  function illustrated(db: Db) {
    const lead = addMedia(db, makePng(64, 48), { name: 'lead.png' }).id
    const inBody = addMedia(db, makePng(30, 20), { name: 'body.png' }).id
    const other = createStory(db, { headline: 'Earlier floods in Somerset' })
    let story = createStory(db, { headline: 'Rivers rise', body: bodyFromParagraphs(['The Severn rose.']) })
    story = saveStory(db, {
      id: story.id,
      expectedRevision: 1,
      reason: 'edit',
      changes: {
        leadPicture: { mediaId: lead, caption: 'Floodwater in Worcester', credit: 'PA', alt: 'A flooded street' },
        body: bodyOf([paragraphNode('The Severn rose.'), picture(inBody, 'Sandbags at Upton', 'AP', 'Sandbags')]),
        related: [
          { headline: other.headline, storyId: other.id },
          { headline: 'EA warnings', url: 'https://example.org/w' },
        ],
        keywords: ['floods'],
        bylines: [{ name: 'Ann Lee', kind: 'person' }],
      },
    })
    story = saveStory(db, {
      id: story.id,
      expectedRevision: 2,
      reason: 'edit',
      changes: {
        headline: 'Rivers rise again',
        body: bodyOf([
          paragraphNode('The Severn rose overnight.'),
          picture(inBody, 'Sandbags at Upton upon Severn', 'AP', 'Sandbags'),
        ]),
      },
    })
    return { story, lead, inBody, other }
  }

  it('compares every field, pictures and related stories included, and any two revisions', () => {
    const { db } = libraries.open()
    const { story } = illustrated(db)
    const fromText = revisionDiff(db, story.id, 1)
    expect(fromText.fields.map((f) => f.field)).toEqual([
      'headline',
      'bylines',
      'leadPicture',
      'leadCaption',
      'leadCredit',
      'leadAlt',
      'body',
      'bodyPictures',
      'related',
      'keywords',
    ])
    const added = (field: string) =>
      fromText.fields
        .find((f) => f.field === field)!
        .parts.filter((p) => p.change === 'added')
        .map((p) => p.text)
        .join('')
    expect(added('leadPicture')).toContain('64 × 48')
    expect(added('related')).toContain('Earlier floods in Somerset')
    expect(added('bodyPictures')).toContain('Sandbags at Upton upon Severn')
    // Words counted are the story's words (headline, standfirst, body), not captions or headlines of others.
    expect(fromText.wordsAdded).toBe(2)

    // Revision 2 against revision 3: only what that save changed.
    const between = revisionDiff(db, story.id, 2, 3)
    expect(between).toMatchObject({ revision: 2, against: 3, currentRevision: 3 })
    expect(between.fields.map((f) => f.field)).toEqual(['headline', 'body', 'bodyPictures'])
    // ... and an older pair, while the story has moved on.
    expect(revisionDiff(db, story.id, 1, 2).fields.map((f) => f.field)).not.toContain('headline')
  })

  it('says before a restore what the older revision did not have, and the restore can be undone whole', () => {
    const { db } = libraries.open()
    const { story, lead } = illustrated(db)
    const preview = restorePreview(db, story.id, 1)
    expect(preview.fields).toEqual(expect.arrayContaining(['headline', 'leadPicture', 'bodyPictures', 'related']))
    expect(preview.removes).toEqual([
      'the lead picture “Floodwater in Worcester”',
      'the body picture “Sandbags at Upton upon Severn”',
      'the related story “Earlier floods in Somerset”',
      'the related story “EA warnings”',
      'the byline Ann Lee',
      'the keyword “floods”',
    ])
    expect(preview.bringsBack).toEqual([])

    // Restoring revision 2 (which had them all) keeps every picture and related story.
    const back = restoreRevision(db, { id: story.id, revision: 2, expectedRevision: 3 })
    expect(back.leadPicture?.mediaId).toBe(lead)
    expect(back.related).toHaveLength(2)
    expect(back.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'picture'])
    expect(restorePreview(db, story.id, 3)).toMatchObject({ removes: [], bringsBack: [] })

    // Restore the text revision, then undo it: the undo restores the revision the restore was made on.
    const restored = restoreRevision(db, { id: story.id, revision: 1, expectedRevision: 4 })
    expect(restored).toMatchObject({ headline: 'Rivers rise', leadPicture: null, related: [] })
    const undone = restoreRevision(db, { id: story.id, revision: restored.revision - 1, expectedRevision: 5 })
    const { revision: _r, updatedAt: _u, ...was } = back
    expect(undone).toMatchObject({ ...was, revision: 6 })
    expect(
      storyHistory(db, story.id)
        .slice(0, 3)
        .map((e) => [e.reason, e.note]),
    ).toEqual([
      ['restore', 'revision 4'],
      ['restore', 'revision 1'],
      ['restore', 'revision 2'],
    ])
  })
})

describe('revisions: inline comments', () => {
  const libraries = useTempLibraries()

  it('says how many comments were added, answered, resolved and reopened, and shows each thread', () => {
    const { db } = libraries.open()
    let story = createStory(
      db,
      { headline: 'Harbour shop', body: commentedBody(THREADS.slice(0, 1)) },
      { now: at('09:00:00') },
    )
    const [first] = THREADS
    const answered = { ...first!, comments: [...first!.comments, { ...first!.comments[0]!, id: 'r2', text: 'Agreed' }] }
    story = saveStory(db, {
      id: story.id,
      expectedRevision: story.revision,
      reason: 'edit',
      changes: {
        body: commentedBody([
          { ...answered, resolved: { by: 'Desk', at: '2026-11-24T09:30:00.000Z' } },
          thread('new', 'council', ['Name them']),
        ]),
      },
      now: at('09:30:00'),
    })
    const diff = revisionDiff(db, story.id, 1)
    expect(diff.comments).toEqual({ added: 1, replies: 1, resolved: 1, reopened: 0, removed: 0 })
    const lines = diff.fields.find((f) => f.field === 'comments')!.parts
    expect(
      lines
        .filter((p) => p.change === 'added')
        .map((p) => p.text)
        .join(''),
    ).toMatch(/resolved[\s\S]*Name them/)
    // Only the comments changed: the words did not.
    expect(diff.fields.map((f) => f.field)).toEqual(['comments'])
    expect(revisionDiff(db, story.id, story.revision).comments).toBeUndefined()
  })
})
