import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * The built CLI (`bin/copydesk.cjs`, what `npm run build` makes) with its worker threads: the tests
 * beside the code run the TypeScript sources, so only this shows that the build carries the
 * wire-reading and check threads beside cli.js (electron.vite.config.ts) and that they start.
 */
const root = join(__dirname, '..')
const copydesk = (library: string, ...args: string[]) =>
  execFileSync(process.execPath, [join(root, 'bin', 'copydesk.cjs'), '--library', library, ...args], {
    encoding: 'utf8',
  })

test('the built CLI imports wire copy on its reading thread and checks a story on its check thread', () => {
  const library = test.info().outputPath('desk.sqlite')
  const imported = JSON.parse(
    copydesk(library, 'import', join(root, 'test/fixtures/wire/nitf/council-vote.xml'), '--json'),
  ) as { ok: boolean; id: number; headline: string }[]
  expect(imported).toMatchObject([{ ok: true, headline: 'Council approves £3m cut to library budget' }])
  // The copy has straight quotes where the house sets curly ones: the check thread finds them.
  const checked = JSON.parse(copydesk(library, 'check', String(imported[0]!.id), '--json')) as {
    findings: { rule: string }[]
  }
  expect(checked.findings.map((finding) => finding.rule)).toContain('straight-quotes')
})
