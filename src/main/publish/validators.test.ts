import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../library'
import { useTempLibraries } from '@test/library-fixture'
import { addMedia } from '../library/media'
import { cameraOriginal } from '../media/test-pictures'
import { create, fullStoryFields, hostileStoryFields, plantUnsafeLinks } from '@test/fixtures/export/stories'
import { readPage } from '@test/fixtures/export/read-page'
import { call } from '../api'
import type { Library } from '../library'
import { bodyFromParagraphs, bodyOf, headingNode, paragraphNode } from '../../shared/body'
import { datelineStyles, type HouseStylePatch } from '../../shared/settings'

/**
 * The W3C Nu HTML checker (vnu-jar, run with the machine's Java) and html-validate's recommended
 * rules must find nothing wrong in any exported page: every test story, in every layout and
 * dateline style, hostile ones included, and every wire sample in ../shared/samples once imported.
 */

const libraries = useTempLibraries()
const vnuJar = createRequire(import.meta.url)('vnu-jar') as string
const haveJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0
const SAMPLES = resolve(__dirname, '../../../../shared/samples')

function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? htmlFilesUnder(path) : name.endsWith('.html') ? [path] : []
  })
}

interface VnuMessage {
  type: string
  subType?: string
  url?: string
  lastLine?: number
  message: string
  extract?: string
}

/** One JVM for every file (it takes a second to start); errors only. */
function vnuErrors(files: string[]): string[] {
  const run = spawnSync('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.error) throw run.error
  const report = JSON.parse(run.stderr) as { messages: VnuMessage[] }
  return report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${m.url ?? ''}:${m.lastLine ?? '?'} ${m.message} [${(m.extract ?? '').trim()}]`)
}

async function htmlValidateErrors(files: string[]): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] })
  const errors: string[] = []
  for (const file of files) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file)
    for (const result of report.results)
      for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)
  }
  return errors
}

async function exportAll(library: Library, outDir: string, style: HouseStylePatch = {}) {
  call(library, 'settings:set', style)
  for (const singleFile of [false, true]) {
    const { results } = await call(library, 'story:export', {
      all: true,
      outDir: join(outDir, singleFile ? 'single' : 'folder'),
      singleFile,
      // The least a page can have (no headline, no body) is held by the preflight: exported past it on purpose.
      override: { reason: 'validating the pages of unfinished stories', deskHead: 'Test desk' },
    })
    expect(results.filter((r) => !r.ok)).toEqual([])
  }
}

/** The test stories: everything a page can have, the least it can have, hostile, damaged. */
async function fillLibrary(library: Library): Promise<void> {
  const related = create(library, { headline: 'Storm warning issued for the coast', status: 'published' })
  // A camera original: the pages offer it at four widths, in WebP and JPEG.
  create(library, fullStoryFields(addMedia(library.db, await cameraOriginal(2400, 1600)).id, related.id))
  create(library, hostileStoryFields())
  create(library, {})
  create(library, { headline: 'Headline only' })
  // An embargoed, killed story with notes (issue 20): none of it reaches the page, which stays valid.
  create(library, {
    headline: 'Embargoed and killed, with notes',
    body: bodyFromParagraphs(['The figure is TK.']),
    editorNote: 'STRICTLY EMBARGOED <b>until</b> noon',
    deskNote: 'Check the figure with the Treasury',
    embargo: { at: '2031-06-01T11:00:00.000Z', zone: 'Europe/London', from: 'wire' },
    kill: { kind: 'kill', at: '2031-05-31T20:00:00.000Z', notice: 'KILL. Legal.' },
  })
  create(library, {
    headline: 'Headings out of order',
    body: bodyOf([headingNode('Deep', 'h4'), paragraphNode('Words.'), headingNode('Deeper still', 'h3')]),
    dateline: { place: 'Nowhere' },
  })
  const damaged = create(library, { headline: 'Links from a damaged library' })
  plantUnsafeLinks(library, damaged.id)
}

describe('validators on exported pages', () => {
  let files: string[] = []
  let out = ''

  // Exported once for all the checks below (the temporary libraries of useTempLibraries go after each test).
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'copydesk-export-'))
    const library = openLibrary(join(out, 'library.sqlite'))
    await fillLibrary(library)
    // Every dateline style, and the house styles that change the head (site, language direction).
    for (const datelineStyle of datelineStyles) await exportAll(library, join(out, datelineStyle), { datelineStyle })
    await exportAll(library, join(out, 'site'), {
      datelineStyle: 'agency',
      siteUrl: 'https://news.example.com/stories',
      siteName: 'Coast Gazette',
    })
    await exportAll(library, join(out, 'arabic'), { language: 'ar', timeZone: 'Asia/Dubai', creditLabel: '' })
    library.close()
    files = htmlFilesUnder(out)
    // Fourteen exports and a camera original's renditions: over Vitest's 10 s for a hook on a loaded machine.
  }, 300_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('exports a page for every story in every style', () => {
    // 8 stories x 2 layouts x (5 dateline styles + site + arabic)
    expect(files).toHaveLength(8 * 2 * 7)
  })

  it('no editor’s note, desk note or embargo wording reaches a page', () => {
    for (const file of files) {
      const html = readFileSync(file, 'utf8')
      expect(html, relative(out, file)).not.toMatch(
        /STRICTLY EMBARGOED|Check the figure with the Treasury|KILL\. Legal/,
      )
    }
  })

  it.skipIf(!haveJava)('the W3C Nu checker finds no error (and does find one planted)', { timeout: 180_000 }, () => {
    // A copy with a bad datetime rides along in the same run, to show the check can fail.
    const broken = join(out, 'broken.html')
    writeFileSync(broken, readFileSync(files[0]!, 'utf8').replace(/datetime="[^"]+"/, 'datetime="24 Nov"'))
    const errors = vnuErrors([...files, broken])
    expect(errors.filter((e) => !e.includes('broken.html'))).toEqual([])
    expect(errors.join('\n')).toMatch(/broken\.html.*datetime/)
  })

  it('html-validate (recommended rules) finds no error', { timeout: 120_000 }, async () => {
    expect(await htmlValidateErrors(files)).toEqual([])
  })

  it('every page has one parsable NewsArticle JSON-LD block', () => {
    for (const file of files) {
      const ld = readPage(readFileSync(file, 'utf8')).jsonLd()
      expect(ld['@type'], relative(out, file)).toBe('NewsArticle')
      expect(typeof ld.headline).toBe('string')
    }
  })
})

describe.skipIf(!existsSync(SAMPLES))('validators on exported wire samples (../shared/samples)', () => {
  it('every sample, imported and exported, passes both validators', { timeout: 180_000 }, async () => {
    const { importWireFiles } = await import('../intake/import-wire')
    const library = libraries.open()
    const sampleFiles = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name)
        return statSync(path).isDirectory() ? walk(path) : name === 'README.md' ? [] : [path]
      })
    })(SAMPLES)
    const imported = importWireFiles(
      library,
      sampleFiles.map((path) => ({ name: relative(SAMPLES, path), bytes: readFileSync(path) })),
    )
    const ok = imported.filter((r) => r.ok)
    expect(ok.length).toBeGreaterThan(0)
    expect(ok.map((r) => r.file)).toContain('000_30a9b267f3936a89.txt')
    const out = libraries.dir()
    await exportAll(library, out)
    const files = htmlFilesUnder(out)
    expect(files).toHaveLength(ok.length * 2)
    if (haveJava) expect(vnuErrors(files)).toEqual([])
    expect(await htmlValidateErrors(files)).toEqual([])
    const seed = ok.find((r) => r.file === '000_30a9b267f3936a89.txt')!
    const page = readPage(
      readFileSync(
        join(
          out,
          'single',
          readdirSync(join(out, 'single')).find((f) => f.endsWith(`-${seed.id}.html`))!,
        ),
        'utf8',
      ),
    )
    expect(page.text(page.one('h1'))).toBe(seed.headline)
    expect(page.byClass('credit').length).toBeGreaterThan(0)
  })
})
