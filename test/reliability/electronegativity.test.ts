import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot } from './bundle'

interface Allowlist {
  excludedChecks: { check: string; reason: string }[]
  findings: { rule: string; file: string; reason: string }[]
}

interface SarifResult {
  ruleId: string
  level: string
  message: { text: string }
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[]
}

const allowlist = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'reliability', 'electronegativity-allowlist.json'), 'utf8'),
) as Allowlist
const electronVersion = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies.electron!.replace(/^[^\d]*/, '')

/**
 * Doyensec's Electronegativity over the sources, its SARIF read here: every finding must be one
 * the allowlist explains. The scan runs on a copy of src/ without build folders (out/, out-*),
 * which are not sources and come and go.
 */
describe('Electronegativity over src/', () => {
  const work = mkdtempSync(join(tmpdir(), 'copydesk-eng-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('finds nothing the reviewed allowlist does not explain', () => {
    const src = join(work, 'src')
    cpSync(join(repoRoot, 'src'), src, {
      recursive: true,
      filter: (path) => !/^(out|out-.*|node_modules)$/.test(basename(path)),
    })
    const sarif = join(work, 'electronegativity.sarif')
    const run = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'),
        '-i',
        src,
        '-r',
        '-e',
        electronVersion,
        '-o',
        sarif,
        '-x',
        allowlist.excludedChecks.map((c) => c.check).join(','),
      ],
      { encoding: 'utf8', timeout: 180_000 },
    )
    expect(run.status, run.stderr + run.stdout).toBe(0)
    const results = (JSON.parse(readFileSync(sarif, 'utf8')) as { runs: { results: SarifResult[] }[] }).runs[0]!.results
    const findings = results.map((r) => ({
      rule: r.ruleId,
      file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'N/A',
      line: r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
      message: r.message.text,
    }))
    const explained = (f: { rule: string; file: string }) =>
      allowlist.findings.some((a) => a.rule === f.rule && a.file === f.file)
    const unexplained = findings
      .filter((f) => !explained(f))
      .map((f) => `${f.rule} at ${f.file}:${f.line}: ${f.message}`)
    expect(
      unexplained,
      'findings the allowlist does not explain (fix them, or review and add them with a reason)',
    ).toEqual([])
    const stale = allowlist.findings
      .filter((a) => !findings.some((f) => f.rule === a.rule && f.file === a.file))
      .map((a) => `${a.rule} at ${a.file}`)
    expect(stale, 'allowlist entries that match no finding any more (remove them)').toEqual([])
    for (const entry of [...allowlist.findings, ...allowlist.excludedChecks])
      expect(entry.reason.length).toBeGreaterThan(40)
    console.log(
      `electronegativity: ${findings.length} findings, all reviewed in the allowlist; checks excluded: ${allowlist.excludedChecks.length}`,
    )
  }, 240_000)
})
