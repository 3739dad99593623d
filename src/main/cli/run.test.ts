import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import { openLibrary, upgradesLeft } from '../library'
import { createStory } from '../library/stories'
import { runCli } from './run'

function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env })
  return { code, stdout, stderr }
}

describe('the copydesk CLI', () => {
  const libraries = useTempLibraries()

  it('lists an empty library as [] and creates the file', () => {
    const file = join(libraries.dir(), 'a.sqlite')
    expect(run(['--library', file, 'list', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
  })

  it('upgrades a library from before issue 22 as it opens it, saying how far it is on stderr', () => {
    const file = join(libraries.dir(), 'old.sqlite')
    writeFileSync(
      file,
      gunzipSync(readFileSync(resolve(__dirname, '../../../test/fixtures/library/v11-library.sqlite.gz'))),
    )
    const result = run(['--library', file, 'list', '--json'])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^copydesk: upgrading the library: 15 of 15 stories\n$/m)
    expect(JSON.parse(result.stdout)).toHaveLength(14)
    // Once upgraded, it opens without a word.
    expect(run(['--library', file, 'list', '--json']).stderr).toBe('')
  })

  it("upgrade finishes what the app leaves to the background (a large library's search index) and frees the space", () => {
    const file = join(libraries.dir(), 'v15.sqlite')
    writeFileSync(
      file,
      gunzipSync(readFileSync(resolve(__dirname, '../../../test/fixtures/library/v15-library.sqlite.gz'))),
    )
    // Opened as the app opens a large library: the new search index is left to build after the open.
    const opened = openLibrary(file, { upgrade: { backgroundAbove: 0 } })
    expect(upgradesLeft(opened.db)).toBe(true)
    opened.close()

    const result = run(['--library', file, 'upgrade', '--json'])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^copydesk: upgrading the library: 15 of 15 stories\n$/m)
    const { library, before, after } = JSON.parse(result.stdout) as { library: string; before: number; after: number }
    expect(library).toBe(file)
    expect(after).toBeLessThanOrEqual(before)
    const upgraded = openLibrary(file)
    expect(upgradesLeft(upgraded.db)).toBe(false)
    upgraded.close()
    expect(run(['--library', file, 'upgrade']).stdout).toMatch(/is up to date \(library version \d+\)/)
  })

  it('completes the search vocabulary of a library from before it, and searches the same after', () => {
    const file = join(libraries.dir(), 'old.sqlite')
    writeFileSync(
      file,
      gunzipSync(readFileSync(resolve(__dirname, '../../../test/fixtures/library/v11-library.sqlite.gz'))),
    )
    const ids = (out: string) => (JSON.parse(out) as { id: number }[]).map((hit) => hit.id).sort()
    const queries = ['plan', 'surg', 'stati', 'clinical vir', 'Straße', 'fähr', 'unbeat', 'nothingmatches']
    const before = queries.map((query) => ids(run(['--library', file, 'search', query, '--json']).stdout))
    expect(before.filter((found) => found.length).length).toBe(7)
    const done = run(['--library', file, 'vocabulary', '--json'])
    expect(done.code).toBe(0)
    const report = JSON.parse(done.stdout) as { copied: number; words: number; complete: boolean }
    expect(report.complete).toBe(true)
    expect(report.copied).toBeGreaterThan(20)
    expect(report.words).toBe(report.copied)
    // Nothing left to copy the second time.
    expect(JSON.parse(run(['--library', file, 'vocabulary', '--json']).stdout)).toMatchObject({ copied: 0 })
    const after = queries.map((query) => ids(run(['--library', file, 'search', query, '--json']).stdout))
    expect(after).toEqual(before)
    expect(run(['--library', file, 'vocabulary', 'extra']).code).toBe(2)
  })

  it('shows, lists and searches stories; COPYDESK_LIBRARY names the library', () => {
    const file = join(libraries.dir(), 'desk.sqlite')
    const library = openLibrary(file)
    const story = createStory(library.db, {
      headline: 'Lighthouse keeper retires after 40 years',
      status: 'ready',
      body: bodyFromParagraphs(['She climbed the tower every night.']),
    })
    library.close()
    const env = { COPYDESK_LIBRARY: file }

    const shown = run(['show', String(story.id), '--json'], env)
    expect(shown.code).toBe(0)
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: story.id,
      headline: 'Lighthouse keeper retires after 40 years',
      bodyText: 'She climbed the tower every night.',
      revision: 1,
    })
    expect(run(['show', String(story.id)], env).stdout).toContain('She climbed the tower every night.')
    expect(JSON.parse(run(['list', '--status', 'ready', '--json'], env).stdout)).toHaveLength(1)
    expect(JSON.parse(run(['list', '--status', 'draft', '--json'], env).stdout)).toEqual([])
    expect(run(['search', 'lightho'], env).stdout).toContain('[Lighthouse] keeper retires')
  })

  it('exits 2 on usage errors and 1 when the input fails, naming the problem', () => {
    const dir = libraries.dir()
    expect(run(['frobnicate']).code).toBe(2)
    expect(run(['list', '--status', 'lost']).stderr).toMatch(/--status must be one of/)
    expect(run(['--library', join(dir, 'x.sqlite'), 'show', 'abc']).code).toBe(2)
    const missing = run(['--library', join(dir, 'x.sqlite'), 'show', '7'])
    expect(missing).toMatchObject({ code: 1, stderr: 'copydesk: there is no story 7 in the library\n' })
    const notes = join(dir, 'notes.txt')
    writeFileSync(notes, 'not a database at all, just some words about the weather')
    const refused = run(['--library', notes, 'list'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`${notes} is not a Copydesk library`)
  })

  it('runs as a real process from the source entry', () => {
    const file = join(libraries.dir(), 'proc.sqlite')
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', resolve('src/main/cli.ts'), '--library', file, 'list', '--json'],
      { encoding: 'utf8' },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('[]\n')
  })
})
