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
  | { checkpoint: true }

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
  /** Uploads the thread is writing (begun, not yet adopted or removed): while any is, main's connection does not checkpoint. */
  private readonly writing = new Set<string>()
  /** Main's own wal_autocheckpoint, put back when the thread has no upload left. */
  private mainAutocheckpoint: number | null = null

  constructor(private readonly db: Db) {}

  /** The buffer (the whole file, `size` bytes) an upload's parts will be copied into, which main reads at finish. */
  async begin(key: string, size: number): Promise<SharedArrayBuffer> {
    this.leaveCheckpointsToThread(key)
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
    const done = this.run({ adopt: row }, [], (w) => w.adopt(row)).then(() => {})
    // Failed or not, the upload is over for the thread (a failed adopt is followed by remove).
    done.finally(() => this.takeCheckpointsBack(row.key)).catch(() => {})
    return done
  }

  remove(key: string): Promise<void> {
    const done = this.run({ remove: key }, [], (w) => w.remove(key)).then(() => {})
    done.finally(() => this.takeCheckpointsBack(key)).catch(() => {})
    return done
  }

  /**
   * While the thread writes a picture, SQLite's automatic checkpoint is the thread's alone. A
   * checkpoint runs on whichever connection commits once the WAL is past 1,000 pages, and the
   * picture's rows put it past that every few parts: an autosave committing then on main's
   * connection would copy the picture's pages into the library file and sync it on main's thread.
   * A guard: not seen in stop 30's runs, where the thread's own commits checkpointed first
   * (docs/benchmarks.md, "Pictures: the quiet run of stop 30"). The thread's connection keeps its
   * own automatic checkpoint, which also covers main's pages in the WAL.
   */
  private leaveCheckpointsToThread(key: string): void {
    if (!this.thread()) return
    if (this.writing.size === 0) {
      this.mainAutocheckpoint ??= this.db.pragma('wal_autocheckpoint', { simple: true }) as number
      this.db.pragma('wal_autocheckpoint = 0')
    }
    this.writing.add(key)
  }

  /** The thread is going (closed, or lost): main checkpoints its own commits again. */
  private giveCheckpointsBack(): void {
    if (this.writing.size > 0 && this.mainAutocheckpoint !== null && this.db.open) {
      this.db.pragma(`wal_autocheckpoint = ${this.mainAutocheckpoint}`)
    }
    this.writing.clear()
  }

  /** The upload is done with: once none is left, the thread checkpoints what it wrote, then main checkpoints again. */
  private takeCheckpointsBack(key: string): void {
    if (!this.writing.delete(key) || this.writing.size > 0) return
    const restore = () => {
      if (this.writing.size === 0 && this.mainAutocheckpoint !== null && this.db.open) {
        this.db.pragma(`wal_autocheckpoint = ${this.mainAutocheckpoint}`)
      }
    }
    this.run({ checkpoint: true }, [], (w) => w.checkpoint()).then(restore, restore)
  }

  /** Start the thread now, if it can start: its start is then not part of the first picture's add. */
  start(): void {
    this.thread()
  }

  /** The thread finishes the jobs it was sent, then closes its connection and ends. */
  close(): void {
    this.giveCheckpointsBack()
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
      // What comes next is written on main, which checkpoints its own commits again.
      this.giveCheckpointsBack()
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

/**
 * The picture thread, started before any picture comes: starting it (a worker and its own
 * connection) was on the first add's way, 4.5 s of one in the bench at load 13 under tsx
 * (docs/benchmarks.md, "Pictures: the quiet run of stop 30"). The app starts it once the window
 * has loaded; it waits, idle, for a picture.
 */
export function startPictureThread(db: Db): void {
  pictureWriter(db).start()
}

/** When the library closes: the thread ends once it has done what it was sent. */
export function closePictureWriter(db: Db): void {
  writers.get(db)?.close()
  writers.delete(db)
}
