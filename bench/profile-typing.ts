/**
 * Type into a 10,000-word story as the typing suite does, with V8's CPU profiler on the page, and
 * say what each long stretch of work on the page's thread was made of (docs/benchmarks.md,
 * "Typing: the longest task"):
 *
 *   npx tsx bench/profile-typing.ts [KEYS=240] [WORDS=10000] [spelling-off|spelling-on] [trace]
 *
 * With `trace`, Chromium's tracing is taken instead of the profiler: each task on the page's main
 * thread with its wall time and its thread (CPU) time, the longest by CPU time listed with what
 * ran in it (timers, events, frames, function calls). On a loaded machine a task's wall time is
 * mostly waiting for a core; its CPU time is the work this code asks of it.
 *
 * A stretch is consecutive samples that are not idle; for each of the longest the functions with
 * the most time in them (self and inclusive) are printed, with the Long Animation Frame API's
 * scripts (entry point, source) beside them. The renderer is built into out-bench/ as the bench builds it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openLibrary } from '../src/main/library'
import { insertStory } from '../src/main/library/stories'
import { call } from '../src/main/api'
import { appPage, ensureRendererBuild, launchChromium, serveRenderer } from './browser'
import { typingStory } from './generate'
import { installProbe, typeAndMeasure } from './suites/typing'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

interface Frame {
  duration: number
  blockingDuration: number
  scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[]
}

declare global {
  interface Window {
    __frames: Frame[]
  }
}

function watchFrames() {
  window.__frames = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Frame[]) {
      if (entry.duration < 50) continue
      window.__frames.push({
        duration: entry.duration,
        blockingDuration: entry.blockingDuration,
        scripts: entry.scripts.map((s) => ({
          invoker: s.invoker,
          sourceURL: s.sourceURL,
          sourceFunctionName: s.sourceFunctionName,
          duration: s.duration,
        })),
      })
    }
  }).observe({ type: 'long-animation-frame', buffered: false })
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)'])

function stretches(profile: Profile, longerThanMs: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const name = (n: ProfileNode) => {
    const f = n.callFrame
    const file = f.url.split('/').pop() ?? ''
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`
  }
  const found: { ms: number; samples: { node: number; ms: number }[] }[] = []
  let current: { node: number; ms: number }[] = []
  let ms = 0
  const close = () => {
    if (ms > longerThanMs) found.push({ ms, samples: current })
    current = []
    ms = 0
  }
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const node = byId.get(id)!
    const fn = node.callFrame.functionName
    if (fn === '(idle)') return close()
    // GC and "program" inside a busy stretch are part of it.
    current.push({ node: id, ms: dt })
    ms += dt
  })
  close()
  return found
    .sort((a, b) => b.ms - a.ms)
    .map((s) => {
      const self = new Map<string, number>()
      const inclusive = new Map<string, number>()
      for (const { node, ms: t } of s.samples) {
        const n = byId.get(node)!
        self.set(name(n), (self.get(name(n)) ?? 0) + t)
        const seen = new Set<string>()
        for (let id: number | undefined = node; id !== undefined; id = parent.get(id)) {
          const k = name(byId.get(id)!)
          if (seen.has(k) || IDLE.has(byId.get(id)!.callFrame.functionName) || k.startsWith('(root)')) continue
          seen.add(k)
          inclusive.set(k, (inclusive.get(k) ?? 0) + t)
        }
      }
      const top = (m: Map<string, number>, n: number) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`)
      return { ms: s.ms, self: top(self, 12), inclusive: top(inclusive, 25) }
    })
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: Record<string, unknown> }
}

/** The page's main thread's tasks, longest CPU time first, with what ran inside each. */
function report(
  typed: { samples: number[]; longTasks: number[] },
  events: TraceEvent[],
  profile: Profile & { startTime: number },
) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const at: number[] = []
  let t = profile.startTime
  for (const delta of profile.timeDeltas) at.push((t += delta))
  /** The functions a task's samples were in (inclusive), with their share of the task's samples. */
  const functionsIn = (from: number, to: number) => {
    const counts = new Map<string, number>()
    let n = 0
    profile.samples.forEach((id, i) => {
      if (at[i]! < from || at[i]! > to) return
      n++
      const names = new Set<string>()
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
        const f = byId.get(x)!.callFrame
        if (!f.functionName || f.functionName.startsWith('(')) continue
        names.add(`${f.functionName}:${f.lineNumber + 1}`)
      }
      for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1)
    })
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 16)
      .map(([k, c]) => `${Math.round((100 * c) / Math.max(1, n))}% ${k}`)
  }
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((f) => f.pid === e.pid && f.name === 'FunctionCall'),
  )
  if (!main) throw new Error('no renderer main thread in the trace')
  // The typing's span, as the suite counts it: from the first key to the pause after the last.
  const keys = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts)
  const from = Math.min(...keys)
  const to = Math.max(...keys) + 1_200_000
  const mine = events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= from && e.ts <= to,
  )
  const tasks = mine
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined)
    .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
  const sorted = [...typed.samples].sort((a, b) => a - b)
  console.log(
    `${typed.samples.length} keys, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms; long tasks (wall) ` +
      `${typed.longTasks.length}, max ${Math.max(0, ...typed.longTasks).toFixed(0)} ms`,
  )
  const over = (ms: number) => tasks.filter((t) => (t.tdur ?? 0) / 1000 > ms).length
  console.log(
    `tasks on the page's thread: ${tasks.length}; CPU > 50 ms: ${over(50)}, > 30 ms: ${over(30)}, > 16 ms: ${over(16)}`,
  )
  const label = (e: TraceEvent) => {
    const d = (e.args?.data ?? {}) as { functionName?: string; type?: string; url?: string; lineNumber?: number }
    const what = [d.functionName, d.type, d.url ? d.url.split('/').pop() : '', d.lineNumber]
      .filter((x) => x !== undefined && x !== '')
      .join(' ')
    return `${e.name}${what ? ` (${what})` : ''}`
  }
  for (const task of tasks.slice(0, 10)) {
    console.log(`\ntask: CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms, wall ${(task.dur! / 1000).toFixed(1)} ms`)
    const inside = mine
      .filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur! && (e.tdur ?? e.dur ?? 0) > 2000)
      .filter((e) => !e.name.startsWith('V8.GC_'))
      .slice(0, 8)
    for (const e of inside)
      console.log(`    ${((e.tdur ?? e.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms CPU  ${label(e)}`)
    console.log(`  its samples: ${functionsIn(task.ts, task.ts + task.dur!).join(', ')}`)
  }
}

async function main() {
  const [keysArg = '240', wordsArg = '10000', spelling = 'on', mode = 'profile'] = process.argv.slice(2)
  const root = resolve(import.meta.dirname, '..')
  ensureRendererBuild({ root, log: (s: string) => console.log(s) } as never)
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-profile-typing-'))
  const library = openLibrary(join(dir, 'typing.sqlite'))
  const story = insertStory(library.db, typingStory(Number(wordsArg)))
  if (spelling === 'spelling-off') call(library, 'spelling:story-set', { id: story.id, language: 'zxx' })
  const server = await serveRenderer(root)
  const browser = await launchChromium()
  try {
    const { context, page } = await appPage(browser, root, library)
    await context.addInitScript(installProbe)
    await context.addInitScript(watchFrames)
    await page.goto(`${server.origin}/index.html`)
    await page.locator(`[data-story-id="${story.id}"]`).click()
    await page.getByLabel('Story body').locator('p').first().waitFor()
    await page.waitForTimeout(1500)
    const cdp = await context.newCDPSession(page)
    if (mode === 'trace') {
      const events: TraceEvent[] = []
      cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8.execute', '__metadata'] },
        transferMode: 'ReportEvents',
      })
      // The profiler beside the trace: its samples fall on the same clock, so each long task's own
      // samples say which functions it ran.
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 })
      await cdp.send('Profiler.start')
      const typed = await typeAndMeasure(page, Number(keysArg))
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile & { startTime: number } }
      await cdp.send('Tracing.end')
      await done
      report(typed, events, profile)
      await context.close()
      return
    }
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    await cdp.send('Profiler.start')
    const typed = await typeAndMeasure(page, Number(keysArg))
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
    const frames = await page.evaluate(() => window.__frames)
    writeFileSync('/tmp/typing.cpuprofile', JSON.stringify(profile))
    const sorted = [...typed.samples].sort((a, b) => a - b)
    console.log(
      `${typed.samples.length} keys, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms; ` +
        `long tasks ${typed.longTasks.length}: ${typed.longTasks.map((t) => t.toFixed(0)).join(', ')}`,
    )
    console.log('\nlong animation frames (>= 50 ms), their scripts:')
    for (const f of frames.sort((a, b) => b.duration - a.duration).slice(0, 8)) {
      console.log(`  frame ${f.duration.toFixed(0)} ms (blocking ${f.blockingDuration.toFixed(0)})`)
      for (const s of f.scripts)
        console.log(
          `    ${s.duration.toFixed(0).padStart(5)} ms ${s.invoker} ${s.sourceFunctionName} ${s.sourceURL.split('/').pop()}`,
        )
    }
    console.log('\nbusy stretches in the CPU profile (> 40 ms), longest first:')
    for (const s of stretches(profile, 40).slice(0, 6)) {
      console.log(
        `\n== ${s.ms.toFixed(0)} ms\n  self:\n    ${s.self.join('\n    ')}\n  inclusive:\n    ${s.inclusive.join('\n    ')}`,
      )
    }
    await context.close()
  } finally {
    await browser.close()
    await server.close()
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
