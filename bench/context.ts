import type { Library } from '../src/main/library'
import { call } from '../src/main/api'
import { apiChannels, type ApiChannel } from '../src/shared/channels'
import type { Metric, Unavailable } from './report'

export interface BenchContext {
  quick: boolean
  /** The repository root. */
  root: string
  /** bench/.cache: the generated libraries and bundled pages, kept between runs. */
  cacheDir: string
  /** This run's scratch folder, removed at the end. */
  tmpDir: string
  /** The generated library (100k stories, or fewer with --quick), opened once for the run. */
  library: Library
  storyCount: number
  log(message: string): void
}

export interface SuiteResult {
  metrics: Metric[]
  unavailable?: Unavailable[]
}

export interface Suite {
  name: string
  /** Suites that drive Chromium need the renderer built into out-bench/. */
  browser?: boolean
  run(ctx: BenchContext): SuiteResult | Promise<SuiteResult>
}

/** Channels other helpers are adding: a suite measures them once they exist, and says so if not. */
export function hasChannel(name: string): boolean {
  return (apiChannels as readonly string[]).includes(name)
}

/** The api door (validation included), for a channel this code cannot name at compile time. */
export function callChannel(library: Library, name: string, input: unknown): unknown {
  return call(library, name as ApiChannel, input as never)
}

export function unavailable(suite: string, reason: string): SuiteResult {
  return { metrics: [], unavailable: [{ suite, reason }] }
}

/** Milliseconds one call takes, on the monotonic high-resolution clock. */
export function timed(work: () => unknown): number {
  const start = process.hrtime.bigint()
  work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** A seeded sample of story ids spread over the whole library. */
export function sampleIds(count: number, total: number, seed = 1): number[] {
  const ids: number[] = []
  let x = seed >>> 0
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    ids.push(1 + (x % total))
  }
  return ids
}
