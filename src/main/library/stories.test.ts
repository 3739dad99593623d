import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import { createStory, deleteStory, getStory, listRevisions, listStories, saveStory } from './stories'
import { readSnapshot } from './revision-log'
import { bodyToText } from '../../shared/body-text'
import type { Body } from '../../shared/body'
import { duplicateStory, purgeSpiked, spikeStory, unspikeStory } from './spike'
import type { StoryStatus } from '../../shared/story'

describe('stories and their revisions', () => {
  const libraries = useTempLibraries()

  it('makes one revision per save, each with the text as it was then', () => {
    const { db } = libraries.open()
    const story = createStory(db, { headline: 'Council votes on bus lanes' })
    expect(story.revision).toBe(1)
    const second = saveStory(db, {
      id: story.id,
      expectedRevision: 1,
      changes: { body: bodyFromParagraphs(['Councillors met at noon.']) },
      reason: 'autosave',
    })
    const third = saveStory(db, {
      id: story.id,
      expectedRevision: 2,
      changes: { headline: 'Council approves bus lanes' },
      reason: 'edit',
    })
    expect([second.revision, third.revision]).toEqual([2, 3])
    expect(listRevisions(db, story.id).map((r) => [r.revision, r.reason])).toEqual([
      [3, 'edit'],
      [2, 'autosave'],
      [1, 'create'],
    ])
    // The snapshot keeps the editor's fields; the body text is derived from the body, not kept twice.
    const snapshot = readSnapshot(db, story.id, 2)
    expect(snapshot).toMatchObject({ headline: 'Council votes on bus lanes' })
    expect(snapshot).not.toHaveProperty('bodyText')
    expect(bodyToText(snapshot!.body as Body)).toBe('Councillors met at noon.')
    expect(getStory(db, story.id)).toMatchObject({ headline: 'Council approves bus lanes', wordCount: 4, revision: 3 })
  })

  it('refuses a save made against a stale revision and keeps the newer text', () => {
    const { db } = libraries.open()
    const story = createStory(db, { headline: 'First version' })
    saveStory(db, { id: story.id, expectedRevision: 1, changes: { headline: 'Second desk edit' }, reason: 'edit' })
    expect(() =>
      saveStory(db, {
        id: story.id,
        expectedRevision: 1,
        changes: { headline: 'Stale window edit' },
        reason: 'autosave',
      }),
    ).toThrow(/changed elsewhere.*revision 2/)
    expect(getStory(db, story.id).headline).toBe('Second desk edit')
    expect(listRevisions(db, story.id)).toHaveLength(2)
  })

  it('derives slug, body text and word count, and lists newest first by status', () => {
    const { db } = libraries.open()
    const early = new Date('2026-01-01T10:00:00Z')
    const a = createStory(db, { headline: 'Zürich trams strike', status: 'ready' }, { now: early })
    const b = createStory(db, {
      headline: 'Port talks resume',
      body: bodyFromParagraphs(['One two three.', 'Four five.']),
    })
    expect(a.slug).toBe('zurich-trams-strike')
    expect(b.bodyText).toBe('One two three.\n\nFour five.')
    expect(b.wordCount).toBe(5)
    expect(listStories(db, { limit: 10, offset: 0 }).items.map((s) => s.id)).toEqual([b.id, a.id])
    expect(listStories(db, { status: 'ready', limit: 10, offset: 0 })).toMatchObject({
      total: 1,
      items: [{ id: a.id }],
    })
  })

  it('deletes a story with its revisions', () => {
    const { db } = libraries.open()
    const story = createStory(db, { headline: 'Spiked' })
    deleteStory(db, story.id)
    expect(() => getStory(db, story.id)).toThrow(`there is no story ${story.id}`)
    expect(listRevisions(db, story.id)).toEqual([])
  })

  it("keeps the list's totals right through every change, as a count of the stories would give them", () => {
    const { db } = libraries.open()
    const statuses: StoryStatus[] = ['draft', 'editing', 'ready', 'published']
    // What an editor would count on screen: the stories not on the spike, in all and by status.
    const counted = (status?: StoryStatus) =>
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM stories s WHERE NOT EXISTS (SELECT 1 FROM spiked k WHERE k.story_id = s.id)
             ${status ? 'AND s.status = ?' : ''}`,
          )
          .get(...(status ? [status] : [])) as { n: number }
      ).n
    const expectTotalsRight = () => {
      expect(listStories(db, { limit: 1, offset: 0 }).total).toBe(counted())
      for (const status of statuses)
        expect(listStories(db, { status, limit: 1, offset: 0 }).total).toBe(counted(status))
    }
    const ids = statuses.flatMap((status) => [1, 2, 3].map(() => createStory(db, { headline: status, status }).id))
    expectTotalsRight()
    const story = getStory(db, ids[0]!)
    saveStory(db, {
      id: story.id,
      expectedRevision: story.revision,
      changes: { status: 'published' },
      reason: 'autosave',
    })
    expectTotalsRight()
    spikeStory(db, ids[1]!)
    spikeStory(db, ids[5]!)
    expectTotalsRight()
    unspikeStory(db, ids[5]!)
    duplicateStory(db, ids[6]!)
    expectTotalsRight()
    purgeSpiked(db, { all: true })
    deleteStory(db, ids[11]!)
    expectTotalsRight()
    expect(listStories(db, { limit: 1, offset: 0 }).total).toBe(11)
  })
})
