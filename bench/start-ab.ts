/// <reference lib="dom" />
/**
 * Starts of two renderers, or of one renderer over two transports, taken in turn (A, B, A, B...)
 * so the machine's load falls on both alike (docs/benchmarks.md, Start: the renderer's boot):
 *
 *   npx tsx bench/start-ab.ts LIBRARY ROUNDS A B
 *
 * A and B are each TRANSPORT:ROOT, where TRANSPORT is `http` (the api over local HTTP, as the
 * start suite reaches it) or `binding` (the e2e bridge's Playwright binding, as it did before stop
 * 29) and ROOT a folder holding out-bench/renderer (a checkout's renderer built with
 * `npx electron-vite build --outDir ROOT/out-bench`). It prints each start and the medians of
 * listed, interactive, and the page's main-thread CPU time to interactive (from a trace of each start). The library is copied to a temporary folder first (opening migrates it).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openLibrary } from '../src/main/library'
import { appPage, httpAppPage, launchChromium, serveRenderer } from './browser'
import { percentile } from './report'
import { watchStart } from './suites/start'

interface Side {
  label: string
  transport: 'http' | 'binding'
  origin: string
  listed: number[]
  interactive: number[]
  /** CPU time of the page's main thread from navigation to interactive (tasks' thread time, from a trace). */
  cpu: number[]
}

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

/**
 * The renderer's main-thread CPU time in top-level tasks up to `untilMs` after the first task: the
 * threads' own time, which a loaded machine stretches far less than the wall clock.
 */
function mainThreadCpu(file: string, untilMs: number): number {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }
  const threads = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  let best = 0
  for (const thread of threads) {
    const tasks = traceEvents
      .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'RunTask' && e.tdur)
      .sort((a, b) => a.ts - b.ts)
    const commit = traceEvents.find((e) => e.pid === thread.pid && e.name === 'DocumentLoader::CommitNavigation')
    const from = commit?.ts ?? tasks[0]?.ts ?? 0
    let cpu = 0
    let end = 0
    for (const task of tasks) {
      if (task.ts < end || task.ts < from || task.ts > from + untilMs * 1000) continue
      end = task.ts + task.dur!
      cpu += task.tdur! / 1000
    }
    best = Math.max(best, cpu)
  }
  return best
}

async function main() {
  const [source, roundsArg, ...sides] = process.argv.slice(2)
  if (!source || !roundsArg || sides.length !== 2)
    throw new Error('usage: start-ab.ts LIBRARY ROUNDS TRANSPORT:ROOT TRANSPORT:ROOT')
  const here = resolve(import.meta.dirname, '..')
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-start-ab-'))
  const file = join(dir, 'library.sqlite')
  const traceFile = join(dir, 'trace.json')
  copyFileSync(source, file)
  const library = openLibrary(file)
  const servers = await Promise.all(
    sides.map((side) => serveRenderer(resolve(side.slice(side.indexOf(':') + 1)), {}, { library })),
  )
  const runs: Side[] = sides.map((side, i) => {
    const transport = side.slice(0, side.indexOf(':'))
    if (transport !== 'http' && transport !== 'binding') throw new Error(`no transport named ${transport}`)
    return { label: `${'AB'[i]} ${side}`, transport, origin: servers[i]!.origin, listed: [], interactive: [], cpu: [] }
  })
  const browser = await launchChromium()
  try {
    // Round 0 warms the OS and the browser for both, and is not counted.
    for (let round = 0; round <= Number(roundsArg); round++) {
      for (const side of round % 2 ? runs : [...runs].reverse()) {
        const { context, page } =
          side.transport === 'http' ? await httpAppPage(browser, here) : await appPage(browser, here, library)
        await context.addInitScript(watchStart)
        await browser.startTracing(page, {
          path: traceFile,
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
        })
        await page.goto(`${side.origin}/index.html`)
        await page.waitForFunction(() => window.__start.interactive !== undefined, undefined, { timeout: 60_000 })
        const marks = await page.evaluate(() => window.__start)
        await browser.stopTracing()
        const cpu = mainThreadCpu(traceFile, marks.interactive!)
        await context.close()
        if (round === 0) continue
        side.listed.push(marks.listed!)
        side.interactive.push(marks.interactive!)
        side.cpu.push(cpu)
        console.log(
          `${side.label}: listed ${marks.listed!.toFixed(0)} interactive ${marks.interactive!.toFixed(0)} main thread CPU ${cpu.toFixed(0)}`,
        )
      }
    }
    for (const side of runs) {
      console.log(
        `${side.label}: median listed ${percentile(side.listed, 50).toFixed(0)} ms, interactive ${percentile(side.interactive, 50).toFixed(0)} ms, ` +
          `listed to interactive ${percentile(
            side.interactive.map((at, i) => at - side.listed[i]!),
            50,
          ).toFixed(
            0,
          )} ms, main thread CPU ${percentile(side.cpu, 50).toFixed(0)} ms (${side.interactive.length} starts)`,
      )
    }
  } finally {
    await browser.close()
    await Promise.all(servers.map((server) => server.close()))
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
