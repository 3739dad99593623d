/**
 * npm run bench [-- --quick] [-- SUITE...]: build (once) a synthetic library, measure each figure
 * beside its floor, print a table and write bench/results/latest.json. See docs/benchmarks.md.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openLibrary } from '../src/main/library'
import { ensureRendererBuild } from './browser'
import type { BenchContext, Suite } from './context'
import { buildLibrary, FULL_SIZE, libraryFileFor, QUICK_SIZE } from './generate'
import { formatTable, machineDescription, writeResults, type Metric, type Unavailable } from './report'
import { boundsSuite } from './suites/bounds'
import { checksSuite } from './suites/checks'
import { diskSuite } from './suites/disk'
import { exportSuite } from './suites/export'
import { importSuite } from './suites/import'
import { memorySuite } from './suites/memory'
import { openSuite } from './suites/open'
import { picturesSuite } from './suites/pictures'
import { renditionsSuite } from './suites/renditions'
import { searchSuite } from './suites/search'
import { startSuite } from './suites/start'
import { suggestSuite } from './suites/suggest'
import { typingSuite } from './suites/typing'
import { spellingSuite } from './suites/spelling'
import { deskSuite } from './suites/desk'

export const suites: Suite[] = [
  searchSuite,
  suggestSuite,
  openSuite,
  importSuite,
  exportSuite,
  checksSuite,
  boundsSuite,
  diskSuite,
  memorySuite,
  startSuite,
  typingSuite,
  picturesSuite,
  spellingSuite,
  renditionsSuite,
  deskSuite,
]

const USAGE = `usage: npm run bench -- [--quick] [--size N] [--out FILE] [SUITE...]

  --quick    a one-minute run: a ${QUICK_SIZE.toLocaleString('en')}-story library and fewer samples
  --size N   a library of N stories (default ${FULL_SIZE.toLocaleString('en')}, or ${QUICK_SIZE.toLocaleString('en')} with --quick)
  --out FILE where to write the results (default bench/results/latest.json)
  SUITE      any of: ${suites.map((s) => s.name).join(', ')} (default: all)

Prints a table and writes the results as JSON; the generated library is cached in bench/.cache/.`

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      size: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const unknown = positionals.filter((name) => !suites.some((s) => s.name === name))
  if (unknown.length) {
    console.error(`no suite named ${unknown.join(', ')}\n\n${USAGE}`)
    return 2
  }
  const quick = values.quick ?? false
  const size = values.size ? Number(values.size) : quick ? QUICK_SIZE : FULL_SIZE
  if (!Number.isInteger(size) || size < 100) {
    console.error(`--size must be a whole number of stories, at least 100 (not ${values.size})`)
    return 2
  }
  const chosen = positionals.length ? suites.filter((s) => positionals.includes(s.name)) : suites

  const root = resolve(__dirname, '..')
  const cacheDir = join(root, 'bench', '.cache')
  const began = Date.now()
  const log = (message: string) => console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)}s] ${message}`)

  const file = libraryFileFor(cacheDir, size)
  log(`library: ${size.toLocaleString('en')} generated stories (${file})`)
  await buildLibrary(file, size, (done, total) =>
    log(`  generating ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
  )
  // A library cached by older code is upgraded here, to the end (what the app runs in the background
  // too: library/upgrade.ts), so every suite measures the current schema; its rate is logged.
  const upgradeFrom = performance.now()
  let upgradeSaid = -1
  const library = openLibrary(file, {
    upgrade: {
      now: true,
      onProgress: (task, done, total) => {
        // Every 10,000 stories and the last; the index's final merge slices (the same count again) once.
        if ((done % 10_000 && done !== total) || done === upgradeSaid) return
        upgradeSaid = done
        const seconds = (performance.now() - upgradeFrom) / 1000
        log(
          `  upgrading (${task}): ${done.toLocaleString('en')} / ${total.toLocaleString('en')}, ${Math.round(done / seconds)} a second`,
        )
      },
    },
  })
  mkdirSync(cacheDir, { recursive: true })
  const tmpDir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'))
  const ctx: BenchContext = { quick, root, cacheDir, tmpDir, library, storyCount: size, log }

  const metrics: Metric[] = []
  const unavailable: Unavailable[] = []
  try {
    let noRenderer: string | null = null
    if (chosen.some((s) => s.browser)) {
      try {
        ensureRendererBuild(ctx)
      } catch (error) {
        noRenderer = (error as Error).message
      }
    }
    for (const suite of chosen) {
      if (suite.browser && noRenderer) {
        unavailable.push({ suite: suite.name, reason: noRenderer })
        continue
      }
      log(`${suite.name}…`)
      try {
        const result = await suite.run(ctx)
        metrics.push(...result.metrics)
        unavailable.push(...(result.unavailable ?? []))
      } catch (error) {
        // One suite failing (a module mid-rewrite) must not cost the figures of the others.
        const reason = (error as Error).message.split('\n')[0]!
        unavailable.push({ suite: suite.name, reason: `failed: ${reason}` })
        log(`${suite.name} failed: ${(error as Error).stack}`)
      }
    }
  } finally {
    library.close()
    rmSync(tmpDir, { recursive: true, force: true })
  }

  const resultsFile = values.out ? resolve(values.out) : join(root, 'bench', 'results', 'latest.json')
  writeResults(resultsFile, { machine: machineDescription(), date: new Date().toISOString(), quick, metrics })
  console.log(
    `\n${formatTable(metrics, unavailable)}\n\nwritten to ${resultsFile} in ${((Date.now() - began) / 1000).toFixed(0)} s`,
  )
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
