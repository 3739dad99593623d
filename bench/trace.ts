import { readFileSync, writeFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'

/**
 * BENCH_TRACE=FILE: a timeline of what this process (the one that answers the api) did while a
 * suite ran, written as JSON lines when the run ends: each api call (its body's arrival, its
 * synchronous part, its reply), each picture served, each gap in the event loop over GAP_MS with
 * how much of it the thread spent on a core and how much waiting for one (Linux's schedstat),
 * and each garbage collection. Suites add their own marks (a picture chosen, shown). Off unless
 * asked: the ticker itself costs a little of a core.
 */
const FILE = process.env.BENCH_TRACE
export const tracing = !!FILE

const GAP_MS = 12
const events: Record<string, unknown>[] = []

/** Milliseconds on the wall clock the page's spans are converted to (performance.timeOrigin + now). */
export const clock = () => performance.timeOrigin + performance.now()

export function trace(kind: string, fields: Record<string, unknown> = {}): void {
  if (tracing) events.push({ kind, at: clock(), ...fields })
}

/** This thread's time on a core and waiting for one, ns (0, 0 where the kernel does not say). */
function schedstat(): [number, number] {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number)
    return [run ?? 0, wait ?? 0]
  } catch {
    return [0, 0]
  }
}

let watching: (() => void) | null = null

/** Record gaps in the event loop (and garbage collections) until the returned function is called. */
export function watchGaps(): () => void {
  if (!tracing) return () => {}
  watching?.()
  let last = clock()
  let [run, wait] = schedstat()
  let timer: NodeJS.Timeout
  const tick = () => {
    const now = clock()
    const [nowRun, nowWait] = schedstat()
    if (now - last > GAP_MS) {
      events.push({
        kind: 'gap',
        at: last,
        ms: now - last,
        onCoreMs: (nowRun - run) / 1e6,
        waitingForCoreMs: (nowWait - wait) / 1e6,
        // For matching with a --cpu-prof profile (its timestamps are monotonic microseconds).
        monoUs: Number(process.hrtime.bigint() / 1000n) - (now - last) * 1000,
      })
    }
    last = now
    run = nowRun
    wait = nowWait
    timer = setTimeout(tick, 2)
  }
  timer = setTimeout(tick, 2)
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      events.push({
        kind: 'gc',
        at: performance.timeOrigin + entry.startTime,
        ms: entry.duration,
        gc: (entry as unknown as { detail?: { kind?: number } }).detail?.kind,
      })
    }
  })
  gc.observe({ entryTypes: ['gc'] })
  watching = () => {
    clearTimeout(timer)
    gc.disconnect()
    watching = null
  }
  return watching
}

/** Write what was recorded (called once at the end of the run). */
export function writeTrace(): void {
  if (FILE) writeFileSync(FILE, events.map((event) => JSON.stringify(event)).join('\n') + '\n')
}

/**
 * Each job sent to the picture thread (picture-writer.ts), from sent to answered: its queue and its
 * work, seen from main. Wraps the writer's private `run` when tracing; the app's code is unchanged.
 */
export function tracePictureThread(writer: object): void {
  if (!tracing) return
  const proto = Object.getPrototypeOf(writer) as { run?: (work: object, ...rest: unknown[]) => Promise<unknown> }
  const run = proto.run
  if (!run || (run as { traced?: boolean }).traced) return
  const traced = function (this: unknown, work: object, ...rest: unknown[]) {
    const began = clock()
    const job = Object.keys(work)[0]
    const done = run.call(this, work, ...rest)
    done.then(
      () => trace('thread', { job, began, ms: clock() - began }),
      () => trace('thread', { job, began, ms: clock() - began, failed: true }),
    )
    return done
  }
  proto.run = Object.assign(traced, { traced: true })
}
