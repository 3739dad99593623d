import { runChecks, type CheckableStory, type CheckOptions, type Finding } from '@shared/checks'
import type { CheckAnswer, CheckRequest } from './protocol'

/**
 * The Checks panel's checks, run in a worker. One run at a time: a story checked again while the
 * last run is still going (typing resumed) stops that run (the worker is replaced), so stale work
 * never queues up. Where no worker can start (a policy, a broken build) the checks run on the page,
 * as before: bounded (docs/reliability.md), only slower to give way to typing.
 */
class ChecksRunner {
  private worker: Worker | null = null
  private broken = false
  private seq = 0
  private waiting: { seq: number; resolve: (findings: Finding[] | null) => void } | null = null

  private start(): Worker | null {
    if (this.worker) return this.worker
    if (this.broken || typeof Worker === 'undefined') return null
    try {
      const worker = new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module' })
      worker.onmessage = (event: MessageEvent<CheckAnswer>) => {
        if (this.waiting?.seq !== event.data.seq) return
        const { resolve } = this.waiting
        this.waiting = null
        resolve(event.data.findings)
      }
      worker.onerror = (event) => {
        console.error(`The checks run on the page: ${event.message || 'their worker did not start'}`)
        this.broken = true
        this.stop()
      }
      this.worker = worker
      return worker
    } catch {
      this.broken = true
      return null
    }
  }

  private stop(): void {
    this.worker?.terminate()
    this.worker = null
    // A run cut short answers null: the caller has a newer run coming, or (broken) runs them itself.
    this.waiting?.resolve(null)
    this.waiting = null
  }

  /** The findings, or null when a newer run took this one's place. */
  async check(story: CheckableStory, options: CheckOptions): Promise<Finding[] | null> {
    if (this.waiting) this.stop()
    const worker = this.start()
    if (!worker) return runChecks(story, options)
    const seq = ++this.seq
    const answer = new Promise<Finding[] | null>((resolve) => (this.waiting = { seq, resolve }))
    const request: CheckRequest = { seq, story, options }
    try {
      worker.postMessage(request)
    } catch {
      // Something in the story that cannot be copied to a worker: check it here.
      this.waiting = null
      return runChecks(story, options)
    }
    const findings = await answer
    // The worker failed to start after the request went: run these checks here once.
    return findings ?? (this.broken ? runChecks(story, options) : null)
  }
}

const runner = new ChecksRunner()

export function checkOffPage(story: CheckableStory, options: CheckOptions): Promise<Finding[] | null> {
  return runner.check(story, options)
}
