/**
 * The check thread's entry (a Node worker_threads worker in main's process, started by
 * check-thread.ts; bundled beside index.js as check-worker.js by electron.vite.config.ts). It runs
 * one story's checks at a time on the data main read for it, and answers with the findings or with
 * what went wrong in words. It holds no library: nothing it does can touch the SQLite file.
 */
import { parentPort } from 'node:worker_threads'
import { findingsFor, type CheckRequest } from './story-checks'
import type { CheckAnswer } from './check-thread'

const port = parentPort
if (!port) throw new Error('check-worker.ts runs as a worker thread (started by check-thread.ts)')

port.on('message', ({ job, request }: { job: number; request: CheckRequest }) => {
  findingsFor(request).then(
    (findings) => port.postMessage({ job, findings } satisfies CheckAnswer),
    (error: unknown) =>
      port.postMessage({ job, problem: (error as Error)?.message || String(error) } satisfies CheckAnswer),
  )
})
