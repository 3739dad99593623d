import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { addPicture, create, fullStoryFields } from '@test/fixtures/export/stories'
import { readPage } from '@test/fixtures/export/read-page'
import { openLibrary } from '../library'
import { exportBaseName } from '../export/file-names'
import { runCli } from './run'
import { bodyFromParagraphs } from '../../shared/body'

const libraries = useTempLibraries()

async function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} })
  return { code, stdout, stderr }
}

function libraryWithStories() {
  const dir = libraries.dir()
  const file = join(dir, 'desk.sqlite')
  const library = openLibrary(file)
  const related = create(library, {
    headline: 'Storm warning issued for the coast',
    status: 'published',
    body: bodyFromParagraphs(['The Met Office warned of gales along the coast from Tuesday night until Thursday.']),
  })
  const story = create(library, fullStoryFields(addPicture(library), related.id))
  library.close()
  return { file, out: join(dir, 'out'), story, related }
}

describe('copydesk export', () => {
  it('writes the pages of the stories named and says where', async () => {
    const { file, out, story } = libraryWithStories()
    const result = await run(['--library', file, 'export', String(story.id), '--out', out])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const page = join(out, exportBaseName(story), 'index.html')
    expect(result.stdout).toContain(`-> ${page}`)
    expect(result.stdout).toContain(`1 of 1 story exported to ${out}`)
    const exported = readPage(readFileSync(page, 'utf8'))
    expect(exported.text(exported.one('h1'))).toBe(story.headline)
  })

  it('exports the whole library as ninjs with --all, single files, and marks them published', async () => {
    const { file, out, story, related } = libraryWithStories()
    const result = await run([
      '--library',
      file,
      'export',
      '--all',
      '--out',
      out,
      '--format',
      'ninjs',
      '--single-file',
      '--mark-published',
      '--json',
    ])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      outDir: string
      results: { id: number; ok: boolean; published?: boolean }[]
    }
    expect(report.outDir).toBe(out)
    expect(report.results.map((r) => [r.id, r.ok])).toEqual([
      [related.id, true],
      [story.id, true],
    ])
    expect(report.results[1]!.published).toBe(true)
    expect(readdirSync(out).sort()).toEqual([`${exportBaseName(related)}.json`, `${exportBaseName(story)}.json`].sort())
    const shown = await run(['--library', file, 'show', String(story.id), '--json'])
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'published' })
  })

  it('exits 1 naming each story that was not exported, after writing the others', async () => {
    const { file, out, story } = libraryWithStories()
    const result = await run(['--library', file, 'export', '999', String(story.id), '--out', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('copydesk: story 999 was not exported: there is no story 999 in the library\n')
    expect(existsSync(join(out, exportBaseName(story), 'index.html'))).toBe(true)
  })

  it('exits 2 with the usage for a command line that makes no export', async () => {
    const { file, out } = libraryWithStories()
    for (const [argv, message] of [
      [['export', '1'], 'export needs --out DIR'],
      [['export', '--out', out], 'export needs story IDs, or --all'],
      [['export', '1', '--all', '--out', out], 'story IDs or --all, not both'],
      [['export', '1', '--out', out, '--format', 'pdf'], '--format must be html or ninjs, not "pdf"'],
      [['export', 'one', '--out', out], '"one" is not a story id'],
    ] as const) {
      const result = await run(['--library', file, ...argv])
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr).toContain(message)
      expect(result.stderr).toContain('usage: copydesk')
    }
    expect(existsSync(out)).toBe(false)
  })
})
