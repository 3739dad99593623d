/// <reference lib="dom" />
/**
 * One start of the renderer, profiled (docs/benchmarks.md, Start: the renderer's boot):
 *
 *   npx tsx bench/profile-start.ts LIBRARY [binding|http] [--cpu FILE] [--trace FILE] [--root DIR]
 *
 * What it prints: the start's marks (listed, interactive), every api call the page made with when it
 * was asked and answered (ms from navigation), the scripts fetched, the long tasks, and, with the
 * CPU profile, the self time by script and the heaviest functions. The library is copied to a
 * temporary folder first (opening a library migrates it). The renderer must be built into
 * out-bench/ (any browser suite of `npm run bench` does that), or into DIR/out-bench with --root
 * (for names in the profile, build one unminified there).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openLibrary } from '../src/main/library'
import { appPage, httpAppPage, launchChromium, serveRenderer } from './browser'
import { watchStart } from './suites/start'

interface Call {
  channel: string
  asked: number
  answered: number
}

/** Runs in the page after the bridge: notes when each api call is asked and answered. */
function logCalls() {
  const calls: Call[] = []
  ;(window as unknown as { __calls: Call[] }).__calls = calls
  const copydesk = (window as unknown as { copydesk: { invoke(c: string, i: unknown): Promise<unknown> } }).copydesk
  const invoke = copydesk.invoke.bind(copydesk)
  copydesk.invoke = (channel, input) => {
    const call = { channel, asked: performance.now(), answered: 0 }
    calls.push(call)
    return invoke(channel, input).finally(() => (call.answered = performance.now()))
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      calls.push({ channel: `(long task)`, asked: entry.startTime, answered: entry.startTime + entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

function summarise(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
  const byUrl = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id)!
    const url = callFrame.url.replace(/^.*\//, '') || callFrame.functionName
    byUrl.set(url, (byUrl.get(url) ?? 0) + ms)
    const fn = `${callFrame.functionName || '(anonymous)'} ${url}:${callFrame.lineNumber}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms)
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`)
  return ['self time by script:', ...top(byUrl, 12), 'heaviest functions (self):', ...top(byFunction, 25)].join('\n')
}

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: { url?: string; functionName?: string; frame?: string }; name?: string }
}

/**
 * The renderer's main thread from navigation to interactive: the top-level tasks' work by kind
 * (script evaluation, compiling, style, layout, paint, timers, animation frames), each event's own
 * time (its length less its children's).
 */
function summariseTrace(file: string, timeOrigin: number): string {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) return 'no renderer main thread in the trace'
  const events = traceEvents
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const own = new Map<string, number>()
  const stack: { end: number; name: string; self: number }[] = []
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= until) {
      const done = stack.pop()!
      own.set(done.name, (own.get(done.name) ?? 0) + done.self / 1000)
    }
  }
  for (const e of events) {
    close(e.ts)
    const parent = stack[stack.length - 1]
    if (parent) parent.self -= e.dur!
    const url = e.args?.data?.url?.replace(/^.*\//, '')
    stack.push({ end: e.ts + e.dur!, name: url ? `${e.name} ${url}` : e.name, self: e.dur! })
  }
  close(Infinity)
  void timeOrigin
  const rows = [...own].filter(([, ms]) => ms >= 5).sort((a, b) => b[1] - a[1])
  return [
    'renderer main thread, own time by kind (>= 5 ms):',
    ...rows.map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`),
  ].join('\n')
}

async function main() {
  const args = process.argv.slice(2)
  const cpuAt = args.indexOf('--cpu')
  const cpuFile = cpuAt >= 0 ? args.splice(cpuAt, 2)[1] : undefined
  const rootAt = args.indexOf('--root')
  const served = rootAt >= 0 ? resolve(args.splice(rootAt, 2)[1]!) : undefined
  const traceAt = args.indexOf('--trace')
  const traceFile = traceAt >= 0 ? args.splice(traceAt, 2)[1] : undefined
  const [source, transport = 'binding'] = args
  if (!source || (transport !== 'binding' && transport !== 'http'))
    throw new Error('usage: profile-start.ts LIBRARY [binding|http] [--cpu FILE]')
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-profile-start-'))
  const root = resolve(import.meta.dirname, '..')
  const file = join(dir, 'library.sqlite')
  copyFileSync(source, file)
  const library = openLibrary(file)
  const server = await serveRenderer(served ?? root, {}, transport === 'http' ? { library } : undefined)
  const browser = await launchChromium()
  try {
    for (let round = 0; round < 2; round++) {
      const { context, page } =
        transport === 'binding' ? await appPage(browser, root, library) : await httpAppPage(browser, root)
      await context.addInitScript(logCalls)
      await context.addInitScript(watchStart)
      const cdp = await context.newCDPSession(page)
      const profiling = round === 1 && cpuFile
      if (profiling) {
        await cdp.send('Profiler.enable')
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
        await cdp.send('Profiler.start')
      }
      const tracing = round === 1 && traceFile
      if (tracing)
        await browser.startTracing(page, {
          path: traceFile,
          categories: [
            'devtools.timeline',
            'v8.execute',
            'disabled-by-default-devtools.timeline',
            'blink',
            'v8',
            'loading',
            'disabled-by-default-v8.compile',
            'toplevel',
          ],
        })
      await page.goto(`${server.origin}/index.html`)
      await page.waitForFunction(() => window.__start.interactive !== undefined, undefined, { timeout: 60_000 })
      if (tracing) {
        await browser.stopTracing()
        console.log(summariseTrace(traceFile, await page.evaluate(() => performance.timeOrigin)))
      }
      await page.waitForTimeout(1500)
      const report = await page.evaluate(() => ({
        marks: window.__start,
        calls: (window as unknown as { __calls: Call[] }).__calls,
        resources: performance.getEntriesByType('resource').map((e) => {
          const r = e as PerformanceResourceTiming
          return { name: r.name.replace(/^.*\//, ''), start: r.startTime, end: r.responseEnd }
        }),
        nav: performance.getEntriesByType('navigation').map((n) => {
          const t = n as PerformanceNavigationTiming
          return {
            responseEnd: t.responseEnd,
            domInteractive: t.domInteractive,
            domContentLoaded: t.domContentLoadedEventEnd,
            load: t.loadEventEnd,
          }
        })[0],
      }))
      if (round === 0) {
        await context.close()
        continue
      }
      const ms = (n: number) => n.toFixed(0).padStart(6)
      console.log(`${transport}: listed ${ms(report.marks.listed!)} interactive ${ms(report.marks.interactive!)}`)
      console.log(`navigation: ${JSON.stringify(report.nav)}`)
      console.log('resources:')
      for (const r of report.resources) console.log(`  ${ms(r.start)} -> ${ms(r.end)}  ${r.name}`)
      console.log('api calls and long tasks (asked -> answered, ms from navigation):')
      for (const c of report.calls.sort((a, b) => a.asked - b.asked))
        console.log(`  ${ms(c.asked)} -> ${ms(c.answered)} (${ms(c.answered - c.asked)})  ${c.channel}`)
      if (profiling) {
        const { profile } = (await cdp.send('Profiler.stop')) as never as { profile: Parameters<typeof summarise>[0] }
        writeFileSync(cpuFile, JSON.stringify(profile))
        console.log(summarise(profile))
      }
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
