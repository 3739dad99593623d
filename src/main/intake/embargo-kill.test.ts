import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { fixture } from '@test/wire/fixtures'
import { call } from '../api'
import type { Library } from '../library'
import { importWireFiles } from './import-wire'

/**
 * Issue 20: embargoes read from each format that carries one, and kill notices filed after their
 * story, through the api as the window and the CLI use it; export holds both.
 */
const BEFORE = new Date('2031-05-31T20:00:00Z')

function importOne(library: Library, name: string, at = BEFORE) {
  const [result] = importWireFiles(library, [{ name, bytes: fixture(`embargo/${name}`) }], undefined, () => at)
  expect(result, result?.error).toMatchObject({ ok: true })
  return call(library, 'story:get', { id: result!.id! })
}

describe('an embargo from the wire', () => {
  const libraries = useTempLibraries()

  it('is read from NewsML-G2, ninjs and NITF as a UTC instant in the zone the agency gave', () => {
    const library = libraries.open()
    expect(importOne(library, 'g2-embargoed.xml').embargo).toEqual({
      at: '2031-06-01T11:00:00.000Z',
      zone: '+01:00',
      from: 'wire',
    })
    expect(importOne(library, 'ninjs-embargoed.json').embargo).toEqual({
      at: '2031-06-01T11:00:00.000Z',
      zone: '-04:00',
      from: 'wire',
    })
    expect(importOne(library, 'nitf-embargoed.xml').embargo).toMatchObject({ at: '2031-05-31T23:01:00.000Z' })
  })

  it('from IPTC 7901 is the agency’s words, which hold until the desk sets a time', () => {
    const library = libraries.open()
    const story = importOne(library, 'iptc7901-embargoed.txt')
    expect(story.embargo?.from).toBe('wire')
    expect(story.embargo?.note).toContain('0001 GMT JUNE 1')
    expect(story.bodyText).not.toContain('EMBARGOED')
  })

  it('keeps the agency’s note above the story, never in the body', () => {
    const library = libraries.open()
    const story = importOne(library, 'g2-embargoed.xml')
    expect(story.editorNote).toContain('STRICTLY EMBARGOED')
    expect(story.bodyText).not.toContain('EMBARGOED')
  })

  it('lists the story under the library’s embargo filter while it holds', () => {
    const library = libraries.open()
    const held = importOne(library, 'g2-embargoed.xml')
    call(library, 'story:create', { headline: 'No embargo here' })
    const { items } = call(library, 'story:list', { embargoed: true })
    expect(items.map((i) => i.id)).toEqual([held.id])
    expect(items[0]!.embargo?.at).toBe('2031-06-01T11:00:00.000Z')
    expect(call(library, 'story:list', {}).total).toBe(2)
  })

  it('holds export and "published" until an override with a reason, which the history keeps', async () => {
    const library = libraries.open()
    const story = importOne(library, 'g2-embargoed.xml')
    const outDir = join(libraries.dir(), 'out')
    const held = await call(library, 'story:export', { ids: [story.id], outDir })
    expect(held.results[0]?.ok).toBe(false)
    expect(held.results[0]?.error).toMatch(/^held by the preflight: embargoed until 12:00 UTC\+01:00, Sun 1 Jun 2031/)
    expect(existsSync(join(outDir, `${story.slug}-${story.id}`))).toBe(false)
    expect(() =>
      call(library, 'story:save', { id: story.id, expectedRevision: story.revision, changes: { status: 'published' } }),
    ).toThrow(/cannot be marked published: held by the preflight: embargoed until/)

    const reason = 'Reuters lifted the embargo early by phone at 09:40'
    const done = await call(library, 'story:export', {
      ids: [story.id],
      outDir,
      markPublished: true,
      override: { reason },
    })
    expect(done.results[0]).toMatchObject({ ok: true, published: true })
    const page = readFileSync(done.results[0]!.file!, 'utf8')
    expect(page).toContain('Treasury plans record spending')
    expect(page).not.toContain('STRICTLY EMBARGOED')
    const { revisions } = call(library, 'story:revisions', { id: story.id })
    expect(revisions[0]?.reason).toBe('override')
    expect(revisions[0]?.note).toContain(reason)
    expect(revisions[0]!.note).toContain('embargoed until')
  })
})

describe('a kill notice after its story', () => {
  const libraries = useTempLibraries()

  it('NewsML-G2: the same guid with stat:canceled marks the story killed, and export refuses it', async () => {
    const library = libraries.open()
    const story = importOne(library, 'g2-embargoed.xml')
    const notice = importOne(library, 'g2-canceled.xml')
    const killed = call(library, 'story:get', { id: story.id })
    expect(killed.kill).toMatchObject({ kind: 'kill', noticeStoryId: notice.id, agency: 'Reuters' })
    expect(killed.kill!.notice).toContain('withdrawn for legal reasons')
    expect(call(library, 'story:get', { id: notice.id }).kill).toMatchObject({ isNotice: true })
    expect(call(library, 'story:revisions', { id: story.id }).revisions[0]).toMatchObject({ reason: 'kill' })
    expect(call(library, 'story:list', {}).items.find((i) => i.id === story.id)?.kill).toBe('kill')

    const outDir = join(libraries.dir(), 'out')
    const held = await call(library, 'story:export', { ids: [story.id], outDir, override: { reason: 'we want it' } })
    expect(held.results[0]?.ok).toBe(false)
    expect(held.results[0]?.error).toContain("desk head's name")
    const done = await call(library, 'story:export', {
      ids: [story.id],
      outDir,
      override: { reason: 'Legal cleared the corrected figures', deskHead: 'R. Okafor' },
    })
    expect(done.results[0]).toMatchObject({ ok: true })
    expect(call(library, 'story:revisions', { id: story.id }).revisions[0]!.note).toContain('desk head: R. Okafor')
  })

  it('ANPA: a KILL advisory for the story’s slug from the same agency marks it killed', async () => {
    const library = libraries.open()
    const story = importOne(library, 'anpa-story.tst')
    const other = call(library, 'story:create', { headline: 'Another harbor fire', slug: story.slug })
    const notice = importOne(library, 'anpa-kill.tst')
    expect(notice.kill).toMatchObject({ isNotice: true, kind: 'kill' })
    expect(call(library, 'story:get', { id: story.id }).kill).toMatchObject({ kind: 'kill', noticeStoryId: notice.id })
    // Same slug, but not the agency's: a local story is not the agency's to kill.
    expect(call(library, 'story:get', { id: other.id }).kill).toBeNull()
    const held = await call(library, 'story:export', { ids: [story.id], outDir: join(libraries.dir(), 'out') })
    expect(held.results[0]?.ok).toBe(false)
    expect(held.results[0]?.error).toMatch(/killed by AP/)
  })

  it('a story that is no kill notice kills nothing', () => {
    const library = libraries.open()
    const story = importOne(library, 'anpa-story.tst')
    importOne(library, 'g2-embargoed.xml')
    expect(call(library, 'story:get', { id: story.id }).kill).toBeNull()
  })
})
