import type { Worker } from 'node:worker_threads'
import { startWorker } from '../threads/start-worker'
import { ApiError, type ApiErrorCode } from '../../shared/errors'
import { nativeBindingOf, type Db } from './open'
import { PartsWriter, type AdoptRow } from './picture-rows'

/**
 * A large picture's parts (copied into the file's buffer, hashed, written) and then its row go to
 * the picture thread, which holds its own connection to the library. On main's thread, a 512 KiB
 * part's write, and the WAL checkpoint SQLite runs every few parts on the connection that commits,
 * held main 5–450 ms under load while keys waited, and copying a part into fresh memory 10–350 ms
 * (docs/benchmarks.md, "Pictures: where the 20 MB add's time goes"). Jobs run one at a time in the
 * order they were sent. Where no thread can start (a library in memory, or the thread failed) the
 * same work runs on main, as before.
 */

/** What the thread is started with. */
export interface WriterStart {
  file: string
  nativeBinding?: string
}

type WriterWork =
  | { begin: { key: string; size: number } }
  | { part: { key: string; data: Uint8Array } }
  | { digest: string }
  | { adopt: AdoptRow }
  | { remove: string }

export type WriterJob = ({ job: number } & WriterWork) | { close: true }

export type WriterAnswer = { job: number; digest?: { id: string; rows: number }; shared?: SharedArrayBuffer } & (
  { problem?: undefined } | { problem: string; api?: ApiErrorCode; sqlite?: string }
)

function startPictureWorker(start: WriterStart): Worker {
  return startWorker('picture-writer-worker', __dirname, { workerData: { ...start } })
}

/** The thread's answer as main's own error would have been: an ApiError, or SQLite's error with its code. */
function problemOf(answer: WriterAnswer & { problem: string }): Error {
  if (answer.api) return new ApiError(answer.api, answer.problem)
  return Object.assign(new Error(answer.problem), { name: 'SqliteError', code: answer.sqlite ?? '' })
}

class PictureWriter {
  private worker: Worker | null = null
  private broken = false
  private jobs = 0
  private readonly waiting = new Map<number, { done(answer: WriterAnswer): void; failed(error: Error): void }>()
  /** Where no thread can start: the same work on main. */
  private onMain: PartsWriter | null = null

  constructor(private readonly db: Db) {}

  /** The buffer (the whole file, `size` bytes) an upload's parts will be copied into, which main reads at finish. */
  async begin(key: string, size: number): Promise<SharedArrayBuffer> {
    let onMain: SharedArrayBuffer | undefined
    const answer = await this.run({ begin: { key, size } }, [], (w) => (onMain = w.begin(key, size)))
    return onMain ?? answer.shared!
  }

  /**
   * The next part. Its bytes are moved to the thread, not copied, when they are a whole buffer of
   * their own (as IPC gives them); `data` is unusable afterwards.
   */
  part(key: string, data: Uint8Array): Promise<void> {
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
    const sent = whole ? data : new Uint8Array(data)
    return this.run({ part: { key, data: sent } }, [sent.buffer as ArrayBuffer], (w) => void w.part(key, data)).then(
      () => {},
    )
  }

  /** The picture's SHA-256 and how many rows its parts are in; the thread forgets the upload. */
  async digest(key: string): Promise<{ id: string; rows: number }> {
    let onMain: { id: string; rows: number } | undefined
    const answer = await this.run({ digest: key }, [], (w) => (onMain = w.digest(key)))
    return onMain ?? answer.digest!
  }

  adopt(row: AdoptRow): Promise<void> {
    return this.run({ adopt: row }, [], (w) => w.adopt(row)).then(() => {})
  }

  remove(key: string): Promise<void> {
    return this.run({ remove: key }, [], (w) => w.remove(key)).then(() => {})
  }

  /** The thread finishes the jobs it was sent, then closes its connection and ends. */
  close(): void {
    this.worker?.postMessage({ close: true } satisfies WriterJob)
    this.worker?.unref()
    this.worker = null
    this.broken = true
  }

  private thread(): Worker | null {
    if (this.worker || this.broken) return this.worker
    if (this.db.memory || this.db.readonly) return null
    try {
      const worker = startPictureWorker({ file: this.db.name, nativeBinding: nativeBindingOf(this.db) })
      worker.on('message', (answer: WriterAnswer) => {
        const waiting = this.waiting.get(answer.job)
        this.waiting.delete(answer.job)
        if (this.waiting.size === 0) worker.unref()
        if (answer.problem === undefined) waiting?.done(answer)
        else waiting?.failed(problemOf(answer))
      })
      // The thread could not start or died (its connection could not open): what it was doing is
      // said to have been interrupted, and what comes next is written on main.
      worker.on('error', (error) => this.lost(worker, error instanceof Error ? error : new Error(String(error))))
      worker.on('exit', () => this.lost(worker, new Error('the picture thread ended')))
      worker.unref()
      this.worker = worker
    } catch {
      this.broken = true
    }
    return this.worker
  }

  private lost(worker: Worker, cause: Error): void {
    if (this.worker === worker) {
      this.worker = null
      this.broken = true
    }
    for (const [job, waiting] of this.waiting) {
      this.waiting.delete(job)
      waiting.failed(new ApiError('conflict', `storing the picture was interrupted (${cause.message}); add it again`))
    }
  }

  private run(work: WriterWork, transfer: ArrayBuffer[], onMain: (writer: PartsWriter) => void): Promise<WriterAnswer> {
    const worker = this.thread()
    if (!worker) {
      this.onMain ??= new PartsWriter(this.db)
      const writer = this.onMain
      return new Promise<WriterAnswer>((done) => {
        onMain(writer)
        done({ job: 0 })
      })
    }
    const id = ++this.jobs
    worker.ref()
    return new Promise<WriterAnswer>((done, failed) => {
      this.waiting.set(id, { done, failed })
      worker.postMessage({ ...work, job: id } satisfies WriterJob, transfer)
    })
  }
}

const writers = new WeakMap<Db, PictureWriter>()

export function pictureWriter(db: Db): PictureWriter {
  let writer = writers.get(db)
  if (!writer) writers.set(db, (writer = new PictureWriter(db)))
  return writer
}

/** When the library closes: the thread ends once it has done what it was sent. */
export function closePictureWriter(db: Db): void {
  writers.get(db)?.close()
  writers.delete(db)
}
