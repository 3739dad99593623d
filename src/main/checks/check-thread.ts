import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Finding } from '../../shared/checks'
import { ApiError } from '../../shared/errors'
import type { CheckRequest } from './story-checks'

/** What the check thread answers for one job: the findings, or what went wrong in words. */
export type CheckAnswer = { job: number; findings: Finding[] } | { job: number; problem: string }

/**
 * A run longer than this is stopped (the thread is ended and a fresh one started for the next
 * check). The largest story the body limits allow takes about ten seconds on a quiet machine and
 * three times that on this 2-core one under a load of 25; two minutes leaves room for a slow
 * laptop and still tells an editor something is wrong rather than leaving them waiting for ever.
 */
export const CHECK_TIME_LIMIT_MS = 120_000

/**
 * A runaway check ends its own thread (ERR_WORKER_OUT_OF_MEMORY), never the app: the largest story
 * peaks near 250 MB here.
 */
const CHECK_HEAP_MB = 1024

/**
 * Where the check thread's code is. Built (electron-vite puts check-worker.js beside index.js and
 * cli.js; this module may sit in a chunk one folder down), else the TypeScript source beside this
 * file, compiled on the fly by tsx (vitest, the e2e bridge, the bench).
 */
function workerEntry(): { file: string; source: boolean } {
  for (const built of [join(__dirname, 'check-worker.js'), join(__dirname, '..', 'check-worker.js')])
    if (existsSync(built)) return { file: built, source: false }
  return { file: join(__dirname, 'check-worker.ts'), source: true }
}

function startWorker(): Worker {
  const { file, source } = workerEntry()
  const resourceLimits = { maxOldGenerationSizeMb: CHECK_HEAP_MB }
  if (!source) return new Worker(file, { resourceLimits })
  // A worker started on a .ts file ignores --import hooks in Node 20: register tsx's require hook first.
  const tsx = createRequire(join(__dirname, 'check-thread.ts')).resolve('tsx/cjs/api')
  const boot = `const { workerData } = require('node:worker_threads'); require(workerData.tsx).register(); require(workerData.file)`
  return new Worker(boot, { eval: true, workerData: { tsx, file }, resourceLimits })
}

interface Running {
  job: number
  what: string
  worker: Worker
  timer: NodeJS.Timeout
  resolve(findings: Finding[]): void
  reject(error: Error): void
}

/**
 * The checks off main's thread (issue 24): in Electron, main's thread also carries the window's
 * key presses, and the checks of the largest story take seconds. One thread is kept warm
 * (Hunspell's dictionaries loaded once), runs one story at a time (later requests wait their turn,
 * each with the story as it was when asked) and is ended when a run passes the time limit or it
 * fails; the next check starts a fresh one. Idle, it does not keep a process (the CLI) alive.
 */
export class CheckThread {
  timeLimitMs = CHECK_TIME_LIMIT_MS
  private worker: Worker | null = null
  private running: Running | null = null
  private turn: Promise<unknown> = Promise.resolve()
  private jobs = 0

  /** The findings for one story; `what` names it in an error ("story 12"). */
  run(what: string, request: CheckRequest): Promise<Finding[]> {
    const mine = this.turn.then(() => this.runNow(what, request))
    this.turn = mine.catch(() => undefined)
    return mine
  }

  /** Ends the thread (a run in progress fails as stopped). For quitting, and for tests of a crash. */
  async stop(): Promise<void> {
    await this.worker?.terminate()
  }

  private warm(): Worker {
    if (this.worker) return this.worker
    const worker = startWorker()
    worker.unref()
    worker.on('message', (answer: CheckAnswer) => this.answered(worker, answer))
    worker.on('error', (error) => this.fail(worker, stoppedBecause(this.running, reasonOf(error))))
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null
      this.fail(worker, stoppedBecause(this.running, `the check thread ended (exit code ${code})`))
    })
    this.worker = worker
    return worker
  }

  private runNow(what: string, request: CheckRequest): Promise<Finding[]> {
    return new Promise((resolve, reject) => {
      const worker = this.warm()
      const job = ++this.jobs
      const timer = setTimeout(() => {
        const seconds = Math.round(this.timeLimitMs / 100) / 10
        this.fail(
          worker,
          new ApiError(
            'stopped',
            `the checks on ${what} took longer than ${seconds} seconds and were stopped; nothing in the story ` +
              'was changed. Try again; if it happens again, the story may be too long to check in one go.',
          ),
        )
        this.end(worker)
      }, this.timeLimitMs)
      this.running = { job, what, worker, timer, resolve, reject }
      // Waiting for an answer keeps the process alive (the CLI awaits it); idle, the thread does not.
      worker.ref()
      worker.postMessage({ job, request })
    })
  }

  private answered(worker: Worker, answer: CheckAnswer) {
    const running = this.running
    if (!running || running.worker !== worker || running.job !== answer.job) return
    this.settle()
    if ('findings' in answer) running.resolve(answer.findings)
    else running.reject(new ApiError('stopped', `the checks on ${running.what} could not be run: ${answer.problem}`))
  }

  private fail(worker: Worker, error: ApiError) {
    const running = this.running
    if (!running || running.worker !== worker) return
    this.settle()
    running.reject(error)
  }

  private settle() {
    const running = this.running!
    clearTimeout(running.timer)
    this.running = null
    running.worker.unref()
  }

  private end(worker: Worker) {
    if (this.worker === worker) this.worker = null
    void worker.terminate()
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'they needed more memory than the checks may take'
  return (error as Error)?.message || String(error)
}

function stoppedBecause(running: Running | null, reason: string): ApiError {
  const what = running?.what ?? 'the story'
  return new ApiError(
    'stopped',
    `the checks on ${what} stopped before they finished (${reason}); nothing in the story was changed. Try again.`,
  )
}

/** The process's one check thread (main, the CLI, the e2e bridge). */
export const checkThread = new CheckThread()
