import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import { runCli, type CliIo } from '../cli/run'
import { searchStories } from './search'
import { writeSetting } from './settings'
import {
  discardUntouched,
  duplicateStory,
  listSpiked,
  purgeSpiked,
  spikeStory,
  unspikeStory,
  SPIKE_DAYS_KEY,
} from './spike'
import { createStory, getStory, listStories, saveStory } from './stories'
import { storyHistory } from './revisions'
import { suggestRelated } from './related'

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9))

describe('the spike', () => {
  const libraries = useTempLibraries()

  function desk() {
    const library = libraries.open()
    const { db } = library
    const ferry = createStory(db, {
      headline: 'Ferry strike ends',
      body: bodyFromParagraphs(['Ferry crews went back to work in Dover.']),
    })
    const again = createStory(db, {
      headline: 'Ferry strike called off',
      status: 'ready',
      body: bodyFromParagraphs(['Dover ferry crews back.']),
    })
    return { library, db, ferry, again }
  }

  it('takes a story out of the list, search and suggestions, and brings it back as it was', () => {
    const { db, ferry, again } = desk()
    const spiked = spikeStory(db, again.id, day(1))
    expect(spiked).toMatchObject({
      id: again.id,
      status: 'ready',
      spikedAt: day(1).toISOString(),
      purgeAfter: day(31).toISOString(),
    })
    expect(listStories(db, { limit: 10, offset: 0 }).items.map((s) => s.id)).toEqual([ferry.id])
    expect(listStories(db, { status: 'ready', limit: 10, offset: 0 }).total).toBe(0)
    expect(searchStories(db, 'ferry', 10).map((h) => h.id)).toEqual([ferry.id])
    expect(suggestRelated(db, ferry.id, 5).items.map((h) => h.id)).not.toContain(again.id)
    expect(listSpiked(db).items.map((s) => s.id)).toEqual([again.id])

    expect(unspikeStory(db, again.id)).toEqual({ id: again.id, headline: 'Ferry strike called off' })
    expect(getStory(db, again.id)).toEqual(again)
    expect(
      searchStories(db, 'ferry', 10)
        .map((h) => h.id)
        .sort(),
    ).toEqual([ferry.id, again.id].sort())
    expect(() => unspikeStory(db, again.id)).toThrow(`story ${again.id} is not on the spike`)
  })

  it('purges only on request or after the house period, and refuses a story not on the spike', () => {
    const { db, ferry, again } = desk()
    spikeStory(db, ferry.id, day(1))
    spikeStory(db, again.id, day(20))
    expect(purgeSpiked(db, { now: day(30) }).purged).toEqual([])
    expect(purgeSpiked(db, { now: day(31) }).purged).toEqual([{ id: ferry.id, headline: 'Ferry strike ends' }])
    expect(() => getStory(db, ferry.id)).toThrow('there is no story')
    writeSetting(db, SPIKE_DAYS_KEY, 5)
    expect(listSpiked(db).items[0]!.purgeAfter).toBe(day(25).toISOString())
    const kept = createStory(db, { headline: 'Kept' })
    expect(() => purgeSpiked(db, { ids: [kept.id] })).toThrow(`story ${kept.id} is not on the spike`)
    expect(purgeSpiked(db, { all: true }).purged.map((s) => s.id)).toEqual([again.id])
    expect(getStory(db, kept.id).headline).toBe('Kept')
  })

  it('duplicates a story as a new draft whose history says what it is a copy of', () => {
    const { db, again } = desk()
    const copy = duplicateStory(db, again.id)
    expect(copy).toMatchObject({ status: 'draft', headline: again.headline, bodyText: again.bodyText, revision: 1 })
    expect(copy.id).not.toBe(again.id)
    expect(storyHistory(db, copy.id)[0]).toMatchObject({
      reason: 'create',
      note: `copy of story ${again.id} “Ferry strike called off”`,
    })
  })

  it('discards a new story never typed in, and keeps one with anything in it', () => {
    const { db } = desk()
    const empty = createStory(db, {})
    expect(discardUntouched(db, empty.id)).toEqual({ discarded: true })
    const typed = createStory(db, {})
    saveStory(db, { id: typed.id, expectedRevision: 1, changes: { headline: 'A' }, reason: 'autosave' })
    expect(discardUntouched(db, typed.id)).toEqual({ discarded: false })
    // Typed in and then emptied again is still kept: it has a history.
    saveStory(db, { id: typed.id, expectedRevision: 2, changes: { headline: '' }, reason: 'autosave' })
    expect(discardUntouched(db, typed.id)).toEqual({ discarded: false })
    expect(discardUntouched(db, createStory(db, { bylines: [{ name: 'PA', kind: 'agency' }] }).id)).toEqual({
      discarded: false,
    })
  })

  it('copydesk spike, spiked, unspike, purge and duplicate', async () => {
    const { library, ferry, again } = desk()
    library.close()
    // spike and unspike answer later (a shared story's spike goes to the desk first).
    const run = async (...argv: string[]) => {
      let out = ''
      let err = ''
      const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} }
      const code = await runCli(['--library', library.file, ...argv], io)
      return { code, out, err }
    }
    const spiked = await run('spike', String(again.id))
    expect(spiked.code).toBe(0)
    expect(spiked.out).toContain(`spiked story ${again.id} “Ferry strike called off”`)
    expect((await run('list')).out).not.toContain('called off')
    expect((await run('spiked')).out).toContain(`${again.id}\tspiked `)
    const refused = await run('purge', String(ferry.id))
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('not on the spike')
    expect((await run('unspike', String(again.id))).out).toContain('brought back')
    expect((await run('list')).out).toContain('called off')
    expect((await run('duplicate', String(ferry.id))).out).toMatch(/^story \d+ is a new draft copied from story \d+/)
    expect((await run('spike', String(ferry.id))).code).toBe(0)
    expect((await run('purge', '--all', '--json')).out).toBe(
      JSON.stringify({ purged: [{ id: ferry.id, headline: 'Ferry strike ends' }] }) + '\n',
    )
    expect(await run('purge', 'x')).toMatchObject({ code: 2 })
  })
})
