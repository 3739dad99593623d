import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './run'
import { useTempLibraries } from '@test/library-fixture'
import { FIXTURES } from '@test/wire/fixtures'

async function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} })
  return { code, stdout, stderr }
}

describe('copydesk import', () => {
  const libraries = useTempLibraries()

  it('imports every file and exits 0; --json prints one entry a story', async () => {
    const library = join(libraries.dir(), 'desk.sqlite')
    const files = [join(FIXTURES, 'nitf/namespaced.xml'), join(FIXTURES, 'ninjs/v1.json')]
    const out = await run(['--library', library, 'import', ...files, '--json'])
    expect(out.code).toBe(0)
    expect(out.stderr).toBe('')
    expect(JSON.parse(out.stdout)).toEqual([
      {
        file: files[0],
        ok: true,
        id: 1,
        format: 'nitf',
        formatLabel: 'NITF',
        headline: 'Snow closes schools across three states',
      },
      {
        file: files[1],
        ok: true,
        id: 2,
        format: 'ninjs',
        formatLabel: 'ninjs',
        headline: 'Ferry company orders two electric ships',
      },
    ])
    const shown = await run(['--library', library, 'show', '1', '--json'])
    expect(JSON.parse(shown.stdout)).toMatchObject({
      source: { format: 'nitf', agency: 'AP', fileName: 'namespaced.xml' },
    })
  })

  it('exits 1 when some files fail, naming each on stderr and in the JSON, and still imports the rest', async () => {
    const library = join(libraries.dir(), 'desk.sqlite')
    const good = join(FIXTURES, 'anpa1312/harbor-fire.tst')
    const bad = join(FIXTURES, 'broken/truncated.xml')
    const missing = join(FIXTURES, 'no-such-file.xml')
    const out = await run(['--library', library, 'import', bad, good, missing, '--json'])
    expect(out.code).toBe(1)
    expect(out.stderr).toBe(
      `copydesk: ${bad}: the XML is truncated: <p> opened on line 6 is never closed\ncopydesk: ${missing}: there is no such file\n`,
    )
    expect(JSON.parse(out.stdout)).toEqual([
      { file: bad, ok: false, error: 'the XML is truncated: <p> opened on line 6 is never closed' },
      {
        file: good,
        ok: true,
        id: 1,
        format: 'anpa1312',
        formatLabel: 'ANPA 1312',
        headline: 'Fire guts warehouse on Portland waterfront',
      },
      { file: missing, ok: false, error: 'there is no such file' },
    ])
    const human = await run(['--library', library, 'import', good, bad])
    expect(human.stdout).toBe(
      `imported ${good} -> story 2 (anpa1312): Fire guts warehouse on Portland waterfront\n1 story imported, 1 file failed\n`,
    )
  })

  it('exits 2 for a usage error: no files given', async () => {
    const out = await run(['--library', join(libraries.dir(), 'desk.sqlite'), 'import'])
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(/^copydesk: import needs at least one FILE\n\nusage: copydesk/)
  })
})
