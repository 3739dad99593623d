import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { call, dispatch } from '../api'
import { importWireFiles } from './import-wire'
import { findOriginal } from '../library/wire-copy'
import { fixture } from '@test/wire/fixtures'

const count = (library: ReturnType<ReturnType<typeof useTempLibraries>['open']>, table: string) =>
  (library.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('importing wire files into the library', () => {
  const libraries = useTempLibraries()

  it('makes one story per file with its source, keeps the original bytes, and search finds it', () => {
    const library = libraries.open()
    const bytes = fixture('nitf/council-vote.xml')
    const [result] = importWireFiles(
      library,
      [{ name: 'council-vote.xml', bytes }],
      undefined,
      () => new Date('2026-04-12T19:00:00Z'),
    )
    expect(result).toEqual({
      file: 'council-vote.xml',
      ok: true,
      id: 1,
      format: 'nitf',
      formatLabel: 'NITF',
      headline: 'Council approves £3m cut to library budget',
    })
    const story = call(library, 'story:get', { id: 1 })
    expect(story).toMatchObject({
      status: 'draft',
      standfirst: 'Opposition councillors walked out before the vote.',
      leadPicture: {
        alt: 'Shelves of books in Carlisle library',
        caption: "Carlisle's main library will keep its full hours.",
        credit: 'Owen Humphreys',
      },
      related: [
        { headline: 'Petition to save branches passes 10,000 names', url: 'https://example.org/news/library-petition' },
      ],
      source: { format: 'nitf', agency: 'PA', fileName: 'council-vote.xml', importedAt: '2026-04-12T19:00:00.000Z' },
      slug: 'council-budget',
    })
    expect(story.leadPicture).not.toHaveProperty('mediaId')
    const original = findOriginal(library.db, 1)
    expect(original).toMatchObject({ fileName: 'council-vote.xml', format: 'nitf' })
    expect(Buffer.compare(Buffer.from(original.bytes), bytes)).toBe(0)
    expect(library.db.prepare('SELECT reason FROM revisions WHERE story_id = 1').get()).toEqual({ reason: 'import' })
    expect(call(library, 'story:search', { query: 'Wigton' }).items.map((h) => h.id)).toEqual([1])
    expect(call(library, 'story:list', {}).items[0]).toMatchObject({ agency: 'PA', bylines: ['Ruth MacLeod'] })
  })

  it('imports the good files of a batch and names each bad one with its reason; a failed file leaves nothing', () => {
    const library = libraries.open()
    const progress: number[] = []
    const results = importWireFiles(
      library,
      [
        { name: 'storm.txt', bytes: fixture('scraped-text/storm-ports.txt') },
        { name: 'bomb.xml', bytes: fixture('broken/billion-laughs.xml') },
        { name: 'cut.xml', bytes: fixture('broken/truncated.xml') },
        { name: 'empty.txt', bytes: Buffer.alloc(0) },
        { name: 'huge.txt', bytes: Buffer.alloc(20 * 1024 * 1024 + 10, 0x61) },
        { name: 'fire.tst', bytes: fixture('anpa1312/harbor-fire.tst') },
      ],
      (done) => progress.push(done),
    )
    expect(results.map((r) => [r.file, r.ok])).toEqual([
      ['storm.txt', true],
      ['bomb.xml', false],
      ['cut.xml', false],
      ['empty.txt', false],
      ['huge.txt', false],
      ['fire.tst', true],
    ])
    expect(results[1]!.error).toMatch(/declares entities/)
    expect(results[2]!.error).toBe('the XML is truncated: <p> opened on line 6 is never closed')
    expect(results[3]!.error).toBe('the file is empty')
    expect(results[4]!.error).toMatch(/over 20\.0 MB are refused/)
    expect(progress).toEqual([1, 2, 3, 4, 5, 6])
    expect([count(library, 'stories'), count(library, 'revisions'), count(library, 'story_originals')]).toEqual([
      2, 2, 2,
    ])
  })

  it('a file whose second story cannot be stored leaves neither story behind (one transaction per file)', () => {
    const library = libraries.open()
    // A real failure inside the transaction: the database refuses the second original.
    library.db
      .exec(`CREATE TEMP TRIGGER refuse_second BEFORE INSERT ON story_originals WHEN (SELECT count(*) FROM story_originals) >= 1
                     BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    const results = importWireFiles(library, [{ name: 'two.json', bytes: fixture('ninjs/envelope.json') }])
    expect(results).toEqual([{ file: 'two.json', ok: false, error: 'it could not be imported: disk full' }])
    expect([
      count(library, 'stories'),
      count(library, 'revisions'),
      count(library, 'story_originals'),
      count(library, 'story_search'),
    ]).toEqual([0, 0, 0, 0])
    library.db.exec('DROP TRIGGER refuse_second')
    expect(
      importWireFiles(library, [{ name: 'two.json', bytes: fixture('ninjs/envelope.json') }]).map((r) => r.headline),
    ).toEqual(['First story in the envelope', 'Second story in the envelope'])
  })

  it('when the library refuses one file of a batch, only that file fails; the batch around it is kept', () => {
    const library = libraries.open()
    library.db.exec(`CREATE TEMP TRIGGER refuse_file BEFORE INSERT ON wire_files WHEN new.file_name = 'two.json'
                     BEGIN SELECT RAISE(ABORT, 'constraint failed'); END`)
    const results = importWireFiles(library, [
      { name: 'fire.tst', bytes: fixture('anpa1312/harbor-fire.tst') },
      { name: 'two.json', bytes: fixture('ninjs/envelope.json') },
      { name: 'snow.xml', bytes: fixture('nitf/namespaced.xml') },
    ])
    expect(results.map((r) => [r.file, r.ok, r.error])).toEqual([
      ['fire.tst', true, undefined],
      ['two.json', false, 'it could not be imported: constraint failed'],
      ['snow.xml', true, undefined],
    ])
    expect(
      call(library, 'story:list', {})
        .items.map((s) => s.headline)
        .sort(),
    ).toEqual(['Fire guts warehouse on Portland waterfront', 'Snow closes schools across three states'])
    expect([count(library, 'stories'), count(library, 'revisions'), count(library, 'story_originals')]).toEqual([
      2, 2, 2,
    ])
  })

  it('the api takes base64 files and gives the original back decoded, framing shown, with the agency notes', async () => {
    const library = libraries.open()
    const data = fixture('iptc7901/rail-strike.txt').toString('base64')
    const reply = await dispatch(library, 'wire:import', { files: [{ name: 'rail.txt', data }] })
    expect(reply).toMatchObject({ ok: true, value: { results: [{ file: 'rail.txt', ok: true, format: 'iptc7901' }] } })
    const original = call(library, 'story:original', { id: 1 })
    expect(original).toMatchObject({
      fileName: 'rail.txt',
      format: 'iptc7901',
      encoding: 'utf-8+windows-1252',
      size: 658,
    })
    expect(original.text.startsWith('␁abc017 3 i 152 bbbbb   dpa 042')).toBe(true)
    expect(original.text).toContain('   München (dpa) - Train drivers')
    expect(original.text).toContain('␂Rail strike halts trains')
    expect(original.notes.join(' ')).toContain('Pictures of the empty platforms')
  })

  it('the api refuses what is not a wire file, and a story that was not imported has no original', async () => {
    const library = libraries.open()
    const empty = await dispatch(library, 'wire:import', { files: [] })
    expect(empty.ok).toBe(false)
    if (!empty.ok)
      expect(empty.error).toMatchObject({
        code: 'invalid-input',
        issues: [{ path: 'files', message: 'choose at least one file' }],
      })
    expect(await dispatch(library, 'wire:import', { files: [{ name: 'x.txt', data: 'not base64!' }] })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'files.0.data', message: 'the file data must be base64' }] },
    })
    const story = call(library, 'story:create', { headline: 'Typed by hand' })
    expect(await dispatch(library, 'story:original', { id: story.id })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `story ${story.id} was not imported from wire copy, so it has no original` },
    })
  })
})
