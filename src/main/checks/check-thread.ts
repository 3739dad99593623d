import type { Worker } from 'node:worker_threads'
import type { Finding } from '../../shared/checks'
import { ApiError } from '../../shared/errors'
import type { SessionItem, SessionShared } from './house-session'
import type { CheckRequest } from './story-checks'
import { startWorker } from '../threads/start-worker'

/** What main asks the check thread: one story's checks, a batch of a session's, or the end of a session. */
export type CheckMessage =
  | { job: number; request: CheckRequest }
  | { job: number; session: number; shared?: SessionShared; items: SessionItem[] }
  | { end: number }

/** What the check thread answers for each story of a job, in order: the findings, or what went wrong in words. */
export type CheckAnswer = { job: number; index: number } & ({ findings: Finding[] } | { problem: string })

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

function startCheckWorker(): Worker {
  return startWorker('check-worker', __dirname, { resourceLimits: { maxOldGenerationSizeMb: CHECK_HEAP_MB } })
}

/** A story the thread is asked to check, named for an error ("story 12"). */
interface Named {
  what: string
}

/** One story's outcome in a batch: its findings, or why its checks stopped (the others go on). */
export type CheckOutcome = { findings: Finding[] } | { stopped: ApiError }

interface Running {
  job: number
  worker: Worker
  /** The stories of the job, in the order the thread answers them. */
  names: string[]
  outcomes: CheckOutcome[]
  timer: NodeJS.Timeout
  done(outcomes: CheckOutcome[]): void
}

/**
 * The checks off main's thread (issue 24): in Electron, main's thread also carries the window's
 * key presses, and the checks of the largest story take seconds. One thread is kept warm
 * (Hunspell's dictionaries loaded once), runs one job at a time (later requests wait their turn,
 * each with the story as it was when asked) and is ended when a story's checks pass the time
 * limit or it fails; the next story starts a fresh one. Idle, it does not keep a process (the CLI)
 * alive.
 *
 * A job is one story (`run`, the Checks panel and `copydesk check`) or a batch of an export's
 * stories checked in one session (`runSession`, check-session.ts): the thread keeps the session's
 * dictionary and spell checkers between batches and answers story by story. The time limit is
 * each story's own (it starts again at each answer), and a story stopped by it fails alone: the
 * rest of its batch goes on, on a fresh thread.
 */
export class CheckThread {
  timeLimitMs = CHECK_TIME_LIMIT_MS
  private worker: Worker | null = null
  private running: Running | null = null
  private turn: Promise<unknown> = Promise.resolve()
  private jobs = 0
  /** Sessions whose shared part this worker already holds. */
  private readonly holds = new WeakMap<Worker, Set<number>>()
  /** Counts `stop()` calls: a batch stopped on purpose does not go on with its other stories. */
  private stops = 0

  /** The findings for one story; `what` names it in an error ("story 12"). */
  run(what: string, request: CheckRequest): Promise<Finding[]> {
    return this.inTurn(async () => {
      const [outcome] = await this.runJob([what], (job) => ({ job, request }))
      if (!outcome || 'stopped' in outcome) throw outcome?.stopped ?? stoppedBecause(what, 'no answer')
      return outcome.findings
    })
  }

  /**
   * A batch of stories in a session: one outcome per story, in order. The session's shared part
   * (the house dictionary) crosses only to a thread that does not hold it yet.
   */
  runSession(session: { id: number; shared: SessionShared }, items: (Named & SessionItem)[]): Promise<CheckOutcome[]> {
    return this.inTurn(async () => {
      const outcomes: CheckOutcome[] = []
      const stops = this.stops
      while (outcomes.length < items.length) {
        if (this.stops !== stops) {
          // Stopped on purpose (quitting): the rest are not started on a fresh thread.
          for (const item of items.slice(outcomes.length))
            outcomes.push({ stopped: stoppedBecause(item.what, 'the checks were stopped') })
          break
        }
        const rest = items.slice(outcomes.length)
        outcomes.push(
          ...(await this.runJob(
            rest.map((item) => item.what),
            (job, worker) => {
              const held = this.holds.get(worker) ?? new Set<number>()
              this.holds.set(worker, held)
              const shared = held.has(session.id) ? undefined : session.shared
              held.add(session.id)
              return {
                job,
                session: session.id,
                ...(shared ? { shared } : {}),
                items: rest.map(({ story, language, ignored }) => ({ story, language, ignored })),
              } satisfies CheckMessage
            },
          )),
        )
      }
      return outcomes
    })
  }

  /** The thread forgets a session (its checkers and their answers): when its export is done. */
  endSession(id: number): Promise<void> {
    return this.inTurn(() => {
      const worker = this.worker
      if (worker && this.holds.get(worker)?.delete(id)) worker.postMessage({ end: id } satisfies CheckMessage)
      return Promise.resolve()
    })
  }

  /** Ends the thread (a run in progress fails as stopped). For quitting, and for tests of a crash. */
  async stop(): Promise<void> {
    this.stops++
    await this.worker?.terminate()
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const mine = this.turn.then(work)
    this.turn = mine.catch(() => undefined)
    return mine
  }

  private warm(): Worker {
    if (this.worker) return this.worker
    const worker = startCheckWorker()
    worker.unref()
    worker.on('message', (answer: CheckAnswer) => this.answered(worker, answer))
    worker.on('error', (error) => this.fail(worker, (what) => stoppedBecause(what, reasonOf(error))))
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null
      this.fail(worker, (what) => stoppedBecause(what, `the check thread ended (exit code ${code})`))
    })
    this.worker = worker
    return worker
  }

  /**
   * Send one job and collect its answers, one per story in order. It ends when every story is
   * answered, or at the first story stopped (time limit, a crash): that story's outcome is the
   * error, and the ones after it are not in the list (the caller sends them again).
   */
  private runJob(names: string[], message: (job: number, worker: Worker) => CheckMessage): Promise<CheckOutcome[]> {
    return new Promise((done) => {
      const worker = this.warm()
      const job = ++this.jobs
      this.running = { job, worker, names, outcomes: [], timer: this.limit(worker, job, 0), done }
      // Waiting for an answer keeps the process alive (the CLI awaits it); idle, the thread does not.
      worker.ref()
      worker.postMessage(message(job, worker))
    })
  }

  /** The time limit of the story at `index`, from now (the previous story's answer, or the job's start). */
  private limit(worker: Worker, job: number, index: number): NodeJS.Timeout {
    return setTimeout(() => {
      // An answer may be waiting behind this timer (main was busy, say rendering pages): let the
      // event loop take in what the thread sent before deciding that this story overran.
      setImmediate(() => {
        const running = this.running
        if (!running || running.job !== job || running.outcomes.length !== index) return
        const seconds = Math.round(this.timeLimitMs / 100) / 10
        this.fail(
          worker,
          (what) =>
            new ApiError(
              'stopped',
              `the checks on ${what} took longer than ${seconds} seconds and were stopped; nothing in the story ` +
                'was changed. Try again; if it happens again, the story may be too long to check in one go.',
            ),
        )
        this.end(worker)
      })
    }, this.timeLimitMs)
  }

  private answered(worker: Worker, answer: CheckAnswer) {
    const running = this.running
    if (!running || running.worker !== worker || running.job !== answer.job) return
    const index = running.outcomes.length
    if (answer.index !== index) return
    clearTimeout(running.timer)
    const what = running.names[index]!
    running.outcomes.push(
      'findings' in answer
        ? { findings: answer.findings }
        : { stopped: new ApiError('stopped', `the checks on ${what} could not be run: ${answer.problem}`) },
    )
    if (running.outcomes.length === running.names.length) this.settle()
    else running.timer = this.limit(worker, running.job, index + 1)
  }

  private fail(worker: Worker, error: (what: string) => ApiError) {
    const running = this.running
    if (!running || running.worker !== worker) return
    running.outcomes.push({ stopped: error(running.names[running.outcomes.length] ?? 'the story') })
    this.settle()
  }

  private settle() {
    const running = this.running!
    clearTimeout(running.timer)
    this.running = null
    running.worker.unref()
    running.done(running.outcomes)
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

function stoppedBecause(what: string, reason: string): ApiError {
  return new ApiError(
    'stopped',
    `the checks on ${what} stopped before they finished (${reason}); nothing in the story was changed. Try again.`,
  )
}

/** The process's one check thread (main, the CLI, the e2e bridge). */
export const checkThread = new CheckThread()
