import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import { spellingRuns } from '../../shared/spelling/findings'
import { call, dispatch } from '../api'
import { runCli } from '../cli/run'
import { openLibrary } from '.'
import { languageOfOriginal, libraryNames } from './dictionary'

const seedSample = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/samples/000_30a9b267f3936a89.txt',
)

describe('the house dictionary and style book in the library', () => {
  const libraries = useTempLibraries()

  it('keeps words and entries, refuses what cannot be a word, and merges an imported list', async () => {
    const library = libraries.open()
    expect(call(library, 'dictionary:add', { words: ['Zelenskyy', 'Umerov'], note: 'Ukraine' })).toEqual({ added: 2 })
    expect(call(library, 'dictionary:add', { words: ['Umerov'] })).toEqual({ added: 0 })
    call(library, 'style-book:put', { entries: [{ form: 'Kiev', preferred: 'Kyiv', note: 'since 2019' }] })
    // The same form in another case replaces the entry rather than adding a second.
    call(library, 'style-book:put', { entries: [{ form: 'kiev', preferred: 'Kyiv', note: 'Ukrainian spelling' }] })
    expect(call(library, 'dictionary:list', {})).toEqual({
      words: [
        { word: 'Umerov', note: 'Ukraine' },
        { word: 'Zelenskyy', note: 'Ukraine' },
      ],
      styleBook: [{ form: 'kiev', preferred: 'Kyiv', note: 'Ukrainian spelling' }],
    })
    expect(await dispatch(library, 'dictionary:add', { words: ['New York'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    const imported = call(library, 'dictionary:import', {
      name: 'desk.txt',
      text: 'Zaluzhnyi  # commander\nUmerov\nfocussed -> focused\n',
    })
    expect(imported).toEqual({ words: 1, entries: 1 })
    expect(await dispatch(library, 'dictionary:import', { name: 'desk.txt', text: 'ok\nNew York\n' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('desk.txt, line 2') as string },
    })
    // Nothing of a refused file is kept.
    expect(call(library, 'dictionary:list', {}).words.map((w) => w.word)).toEqual(['Umerov', 'Zaluzhnyi', 'Zelenskyy'])
  })

  it('a story is checked in its own language, else its wire copy’s, else the house’s; let-stand words are kept', () => {
    const library = libraries.open()
    const story = call(library, 'story:create', { headline: 'x' })
    expect(call(library, 'spelling:story', { id: story.id })).toMatchObject({
      language: 'en-GB',
      languageFrom: 'house',
    })
    call(library, 'settings:set', { language: 'de' })
    expect(call(library, 'spelling:story', { id: story.id })).toMatchObject({ language: 'de', languageFrom: 'house' })
    expect(call(library, 'spelling:story-set', { id: story.id, language: 'fr-ca', ignore: ['Umerov'] })).toMatchObject({
      language: 'fr-CA',
      languageFrom: 'story',
      ignored: ['Umerov'],
    })
    expect(call(library, 'spelling:story-set', { id: story.id, language: null, unignore: ['Umerov'] })).toMatchObject({
      language: 'de',
      ignored: [],
    })
    const ninjs = JSON.stringify({
      uri: 'x',
      type: 'text',
      language: 'sv',
      headlines: [{ value: 'Hej' }],
      bodies: [{ value: '<p>Hej.</p>' }],
    })
    expect(languageOfOriginal(Buffer.from(ninjs))).toBe('sv')
    expect(languageOfOriginal(Buffer.from('<newsItem xml:lang="es-MX">'))).toBe('es-MX')
    expect(languageOfOriginal(Buffer.from('plain text'))).toBeNull()
  })

  it('a story filed from wire copy is in the language the importer read (IPTC 7901 and ANPA declare none in their bytes)', () => {
    const library = libraries.open()
    const wire = call(library, 'story:create', { headline: 'Streik', language: 'de-at' })
    expect(call(library, 'spelling:story', { id: wire.id })).toMatchObject({ language: 'de-AT', languageFrom: 'wire' })
    call(library, 'spelling:story-set', { id: wire.id, language: 'en-US' })
    expect(call(library, 'spelling:story', { id: wire.id })).toMatchObject({ language: 'en-US', languageFrom: 'story' })
  })

  it('offers the names the library holds in several stories', () => {
    const library = libraries.open()
    for (const text of ['He met Volodymyr Zelenskyy in Kyiv.', 'Later, Volodymyr Zelenskyy spoke.', 'Zelenskyy once.'])
      call(library, 'story:create', {
        headline: 'x',
        bylines: [{ name: 'Jane Kirby', kind: 'person' }],
        dateline: { place: 'Kyiv' },
        body: bodyFromParagraphs([text]),
      })
    const names = libraryNames(library.db)
    expect(names).toEqual(expect.arrayContaining(['Jane', 'Kirby', 'Kyiv', 'Volodymyr', 'Zelenskyy']))
    // A capital that starts a sentence says nothing about a name.
    expect(names).not.toContain('He')
    expect(names).not.toContain('Later')
  })

  it.skipIf(!existsSync(seedSample))(
    'the seed sample imported: a house list with Zelensky -> Zelenskyy is reported in every field where it appears',
    async () => {
      const library = libraries.open()
      const [result] = (
        await call(library, 'wire:import', {
          files: [{ name: '000_30a9b267f3936a89.txt', data: readFileSync(seedSample).toString('base64') }],
        })
      ).results
      const id = result!.id!
      call(library, 'style-book:put', { entries: [{ form: 'Zelensky', preferred: 'Zelenskyy', note: '' }] })
      const story = call(library, 'story:get', { id })
      const { findings } = await call(library, 'story:check', { id })
      const breaches = findings.filter((f) => f.rule === 'style-book')
      // Every field and block holding the banned form, from the story itself, not a list kept here.
      const places = spellingRuns(story)
        .filter((run) => /\bZelensky\b/.test(run.text))
        .map((run) => JSON.stringify({ field: run.where.field, block: run.where.block }))
      expect(places.length).toBeGreaterThan(1)
      expect(new Set(breaches.map((f) => JSON.stringify({ field: f.where.field, block: f.where.block })))).toEqual(
        new Set(places),
      )
      const occurrences = spellingRuns(story).reduce((n, run) => n + (run.text.match(/\bZelensky\b/g)?.length ?? 0), 0)
      expect(breaches).toHaveLength(occurrences)
      for (const f of breaches) expect(f).toMatchObject({ excerpt: 'Zelensky', fix: { replacement: 'Zelenskyy' } })
      // A word the style book reports is not reported again as a misspelling.
      expect(findings.filter((f) => f.rule === 'spelling' && /Zelensky/.test(f.excerpt))).toEqual([])
    },
  )
})

describe('copydesk dictionary', () => {
  const libraries = useTempLibraries()

  it('adds, lists, exports and imports the list, and a file round-trips between two libraries', async () => {
    const dir = libraries.dir()
    const file = join(dir, 'desk.sqlite')
    openLibrary(file).close()
    const run = async (...argv: string[]) => {
      let stdout = ''
      let stderr = ''
      const code = await runCli(['--library', file, ...argv], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: {},
      })
      return { code, stdout, stderr }
    }
    expect(await run('dictionary', 'add', 'Zelenskyy', 'Umerov', '--note', 'Ukraine')).toMatchObject({
      code: 0,
      stdout: 'added 2 words and 0 style-book entries\n',
    })
    expect((await run('dictionary', 'add', 'Kiev -> Kyiv', '--note', 'since 2019')).code).toBe(0)
    const listed = await run('dictionary', 'list')
    expect(listed.stdout).toContain('  Zelenskyy  (Ukraine)\n')
    expect(listed.stdout).toContain('  Kiev -> Kyiv  (since 2019)\n')

    const exported = join(dir, 'house.txt')
    expect((await run('dictionary', 'export', exported)).code).toBe(0)
    expect((await run('dictionary', 'export', exported)).stderr).toContain('already exists; nothing was written')
    const dic = join(dir, 'house.dic')
    await run('dictionary', 'export', dic, '--format', 'dic')
    expect(readFileSync(dic, 'utf8')).toBe('2\nUmerov\nZelenskyy\n')

    const other = join(dir, 'other.sqlite')
    openLibrary(other).close()
    const imported = await runCli(['--library', other, 'dictionary', 'import', exported], {
      stdout: () => undefined,
      stderr: () => undefined,
      env: {},
    })
    expect(imported).toBe(0)
    const second = openLibrary(other)
    expect(call(second, 'dictionary:list', {})).toEqual(call(openLibrary(file), 'dictionary:list', {}))
    second.close()

    writeFileSync(join(dir, 'bad.txt'), 'fine\nNew York\n')
    expect(await run('dictionary', 'import', join(dir, 'bad.txt'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('bad.txt, line 2') as string,
    })
    expect((await run('dictionary', 'frobnicate')).code).toBe(2)
  })
})
