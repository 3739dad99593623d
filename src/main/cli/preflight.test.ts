import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { fixture } from '@test/wire/fixtures'
import { call } from '../api'
import { openLibrary } from '../library'
import { runCli } from './run'

const libraries = useTempLibraries()

async function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} })
  return { code, stdout, stderr }
}

/** A library holding one embargoed wire story (NewsML-G2, embargoed to 1 June 2031). */
async function embargoedLibrary() {
  const dir = libraries.dir()
  const file = join(dir, 'desk.sqlite')
  const wire = join(dir, 'g2-embargoed.xml')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(wire, fixture('embargo/g2-embargoed.xml'))
  expect((await run(['--library', file, 'import', wire])).code).toBe(0)
  return { file, out: join(dir, 'out') }
}

describe('copydesk export and the preflight', () => {
  it('exits 1 naming the embargo, writes nothing; --force --reason exports and the history keeps why', async () => {
    const { file, out } = await embargoedLibrary()
    const held = await run(['--library', file, 'export', '1', '--out', out])
    expect(held.code).toBe(1)
    expect(held.stderr).toContain('story 1 was not exported: held by the preflight: embargoed until 12:00 UTC+01:00')
    expect(held.stderr).toMatch(/BLOCKING {2}embargoed until/)
    expect(held.stderr).toContain('--force --reason "why"')
    expect(existsSync(join(out, 'budget-leak-1', 'index.html'))).toBe(false)

    const reason = 'Embargo lifted by the agency at 09:40'
    const forced = await run(['--library', file, 'export', '1', '--out', out, '--force', '--reason', reason])
    expect(forced).toMatchObject({ code: 0, stderr: '' })
    expect(forced.stdout).toMatch(/BLOCKING {2}embargoed until/)
    expect(readFileSync(join(out, 'budget-leak-1', 'index.html'), 'utf8')).toContain('coastal defences')
    const library = openLibrary(file)
    try {
      const [latest] = call(library, 'story:revisions', { id: 1 }).revisions
      expect(latest?.reason).toBe('override')
      expect(latest?.note).toContain(reason)
    } finally {
      library.close()
    }
  })

  it('--force needs --reason, and --reason needs --force (usage, exit 2)', async () => {
    const { file, out } = await embargoedLibrary()
    expect((await run(['--library', file, 'export', '1', '--out', out, '--force'])).code).toBe(2)
    expect((await run(['--library', file, 'export', '1', '--out', out, '--reason', 'x'])).code).toBe(2)
  })

  it('preflight lists blocking items and warnings, exit 1 while something blocks; an empty story too', async () => {
    const { file } = await embargoedLibrary()
    const listed = await run(['--library', file, 'preflight', '1'])
    expect(listed.code).toBe(1)
    expect(listed.stdout).toContain('story 1 is held by 1 blocking item')
    const library = openLibrary(file)
    const empty = call(library, 'story:create', { headline: 'TK' })
    library.close()
    const blank = await run(['--library', file, 'preflight', String(empty.id)])
    expect(blank.code).toBe(1)
    expect(blank.stdout).toContain('BLOCKING  the body has no words')
    expect(blank.stdout).toContain('BLOCKING  “TK” left in the headline')
  })

  it('embargo sets a time in a zone, list --embargoed shows it, --clear lifts it', async () => {
    const { file } = await embargoedLibrary()
    const library = openLibrary(file)
    const other = call(library, 'story:create', { headline: 'Fares freeze' })
    library.close()
    const set = await run([
      '--library',
      file,
      'embargo',
      String(other.id),
      '2031-03-30T09:00',
      '--zone',
      'America/New_York',
    ])
    expect(set.stdout).toContain('embargoed until 09:00 America/New_York (UTC-04:00), Sun 30 Mar 2031')
    const listed = await run(['--library', file, 'list', '--embargoed', '--json'])
    expect((JSON.parse(listed.stdout) as { id: number }[]).map((s) => s.id).sort()).toEqual([1, other.id])
    expect((await run(['--library', file, 'embargo', String(other.id), '--clear'])).stdout).toContain('no embargo')
    expect((await run(['--library', file, 'embargo', String(other.id), 'noon'])).code).toBe(2)
  })
})
