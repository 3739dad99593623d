import { getHeapStatistics } from 'node:v8'
import type { Worker } from 'node:worker_threads'
import type { pack } from '../library/packed'
import { startWorker } from '../threads/start-worker'
import type { ReadWireFile, WireFile } from '../wire/read-files'

/** A wire file read on the thread: the same as on main, with its bytes already packed for keeping. */
export type ThreadReadFile = ReadWireFile & { packed?: ReturnType<typeof pack> }

export interface ReadJob {
  job: number
  files: WireFile[]
  /** Each file's read time (ISO), as main's clock gave it. */
  at: string[]
  zone: string
}
export interface ReadAnswer {
  job: number
  read: ThreadReadFile[]
}

/**
 * A hostile or broken file must not take main down with it: a file that ends the thread (out of
 * memory) is refused alone. The largest wire file the limits allow (wire/limits.ts) reads in well
 * under this, and the thread never gets more than the process has itself.
 */
const READ_HEAP_MB = Math.min(1024, Math.floor(getHeapStatistics().heap_size_limit / 1024 / 1024))

interface Waiting {
  resolve(read: ThreadReadFile[]): void
  reject(error: Error): void
}

/** The thread's own worker and the jobs sent to it, in the order sent (the order it reads them). */
interface Running {
  worker: Worker
  waiting: Map<number, Waiting>
}

/**
 * A job the thread had not begun when it ended: another job ended it, so this one is not at fault
 * and is sent again whole, to a fresh thread.
 */
export class NotBegun extends Error {
  constructor() {
    super('the reading thread ended before it began this job')
  }
}

/**
 * Wire files read off main's thread (issue 22): reading (decoding, parsing, tidying, packing the
 * bytes) is 40% of an import, pure, and main's thread also carries the window's keys. Jobs are
 * answered in order; several may wait, so the thread reads the next files while main stores the
 * ones before. A thread that fails fails the job it was reading (the caller reads its files again,
 * one by one, to find the file at fault); the jobs waiting behind it fail with NotBegun. Idle, it
 * keeps no process alive (the CLI).
 */
export class WireReadThread {
  private running: Running | null = null
  private jobs = 0
  private readonly heapMb: number

  /** `heapMb`: the thread's heap (tests give a small one to run it out of memory); the process's own by default. */
  constructor({ heapMb = READ_HEAP_MB }: { heapMb?: number } = {}) {
    this.heapMb = heapMb
  }

  read(files: readonly WireFile[], at: readonly Date[], zone: string): Promise<ThreadReadFile[]> {
    const { worker, waiting } = this.warm()
    const job = ++this.jobs
    // A copy the thread may own (a Buffer can be a view into a pool shared with other Buffers).
    const owned = files.map((file) => ({ name: file.name, bytes: new Uint8Array(file.bytes) }))
    return new Promise((resolve, reject) => {
      waiting.set(job, { resolve, reject })
      worker.ref()
      worker.postMessage(
        { job, files: owned, at: at.map((date) => date.toISOString()), zone } satisfies ReadJob,
        owned.map((file) => file.bytes.buffer),
      )
    })
  }

  /** Ends the thread (jobs waiting fail). For quitting, and for tests of a crash. */
  async stop(): Promise<void> {
    await this.running?.worker.terminate()
  }

  private warm(): Running {
    if (this.running) return this.running
    const worker = startWorker('wire-read-worker', __dirname, {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    })
    worker.unref()
    // This worker's jobs only: a job sent to the next thread never fails with this one.
    const running: Running = { worker, waiting: new Map() }
    const { waiting } = running
    worker.on('message', ({ job, read }: ReadAnswer) => {
      const answered = waiting.get(job)
      waiting.delete(job)
      if (!waiting.size) worker.unref()
      answered?.resolve(read)
    })
    const fail = (error: Error) => {
      if (this.running === running) this.running = null
      // Jobs are read one at a time in the order sent, and Node hands over every answer the thread
      // sent before it ended: the first job still waiting is the one it was reading.
      let first = true
      for (const job of waiting.values()) {
        job.reject(first ? error : new NotBegun())
        first = false
      }
      waiting.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`the reading thread ended (exit code ${code})`)))
    this.running = running
    return running
  }
}

/** Why a file could not be read when it ended the reading thread, in an editor's words. */
export function threadFailure(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return 'it could not be imported: reading it needed more memory than Copydesk gives a wire file'
  return `it could not be imported: reading it stopped (${(error as Error)?.message || String(error)})`
}

/**
 * Files read on the thread. If it ends while reading them, each file again on its own, so the one
 * at fault is refused by name and the others are read; if it ended on another job before beginning
 * this one, the same files again.
 */
export async function readOnThread(
  thread: WireReadThread,
  files: readonly WireFile[],
  at: readonly Date[],
  zone: string,
): Promise<ThreadReadFile[]> {
  for (;;) {
    try {
      return await thread.read(files, at, zone)
    } catch (error) {
      // Each thread that ends is blamed on one job, so this is sent again only as often as a
      // file of another job ends a thread.
      if (error instanceof NotBegun) continue
      if (files.length === 1) return [{ fileName: files[0]!.name, error: threadFailure(error) }]
      const read: ThreadReadFile[] = []
      for (const [index, file] of files.entries())
        read.push(...(await readOnThread(thread, [file], [at[index]!], zone)))
      return read
    }
  }
}

/** The process's one wire-reading thread (main, the CLI, the e2e bridge). */
export const wireReadThread = new WireReadThread()
