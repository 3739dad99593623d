/**
 * The check thread's entry (a Node worker_threads worker in main's process, started by
 * check-thread.ts; bundled beside index.js as check-worker.js by electron.vite.config.ts). It runs
 * one job at a time on the data main read for it (one story's checks, or a batch of an export's
 * stories in that export's session) and answers story by story with the findings or with what went
 * wrong in words. It holds no library: nothing it does can touch the SQLite file.
 */
import { parentPort } from 'node:worker_threads'
import type { Finding } from '../../shared/checks'
import { findingsFor } from './story-checks'
import { HouseSession } from './house-session'
import type { CheckAnswer, CheckMessage } from './check-thread'

const port = parentPort
if (!port) throw new Error('check-worker.ts runs as a worker thread (started by check-thread.ts)')

/** The sessions of exports under way, by id: their dictionary and spell checkers, kept between batches. */
const sessions = new Map<number, HouseSession>()

async function answer(job: number, index: number, work: () => Promise<Finding[]>): Promise<void> {
  try {
    port!.postMessage({ job, index, findings: await work() } satisfies CheckAnswer)
  } catch (error) {
    port!.postMessage({ job, index, problem: (error as Error)?.message || String(error) } satisfies CheckAnswer)
  }
}

async function handle(message: CheckMessage): Promise<void> {
  if ('end' in message) {
    sessions.delete(message.end)
  } else if ('request' in message) {
    await answer(message.job, 0, () => findingsFor(message.request))
  } else {
    let session = sessions.get(message.session)
    if (message.shared) sessions.set(message.session, (session = new HouseSession(message.shared)))
    for (const [index, item] of message.items.entries()) {
      await answer(message.job, index, () => {
        if (!session) throw new Error('the export’s check session was not opened on this thread')
        return session.findings(item)
      })
    }
  }
}

// One message at a time, in order: a batch's answers never interleave with the next job's.
let queue = Promise.resolve()
port.on('message', (message: CheckMessage) => {
  queue = queue.then(() => handle(message))
})
