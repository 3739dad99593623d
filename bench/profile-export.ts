/**
 * Export a library's newest stories through the api door, once for a warm-up and once timed, to
 * profile what an export costs (docs/benchmarks.md, Export):
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir /tmp/prof bench/profile-export.ts LIBRARY [COUNT] [html|ninjs]
 *
 * The library is copied to a temporary folder first (an export reads it only, but opening a library
 * migrates it), and the export goes to a temporary folder too.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { call } from '../src/main/api'
import { openLibrary } from '../src/main/library'

async function main() {
  const [source, countArg = '2000', format = 'html'] = process.argv.slice(2)
  if (!source || (format !== 'html' && format !== 'ninjs'))
    throw new Error('usage: profile-export.ts LIBRARY [COUNT] [html|ninjs]')
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-profile-export-'))
  try {
    const file = join(dir, 'library.sqlite')
    copyFileSync(source, file)
    const library = openLibrary(file)
    const total = (library.db.prepare('SELECT max(id) AS n FROM stories').get() as { n: number }).n
    const count = Math.min(Number(countArg), total - 20)
    const ids = Array.from({ length: count }, (_, i) => total - i)
    await call(library, 'story:export', { ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], outDir: join(dir, 'warm'), format })
    const start = process.hrtime.bigint()
    // The process's CPU time (every thread: main and the check thread) counts less of the machine's load than the clock.
    const cpu = process.cpuUsage()
    const { results } = await call(library, 'story:export', { ids, outDir: join(dir, 'out'), format })
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const used = process.cpuUsage(cpu)
    const failed = results.filter((r) => !r.ok)
    console.log(
      `${format}: ${results.length - failed.length} of ${count} stories in ${seconds.toFixed(2)} s, ` +
        `${Math.round((results.length - failed.length) / seconds)} stories/s; ` +
        `CPU ${((used.user + used.system) / 1000 / count).toFixed(2)} ms a story (system ${(used.system / 1000 / count).toFixed(2)})` +
        (failed.length ? `; e.g. ${failed[0]!.error}` : ''),
    )
    library.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
