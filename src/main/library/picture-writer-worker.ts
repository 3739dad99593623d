/**
 * The picture thread's entry (a Node worker_threads worker in main's process, started by
 * picture-writer.ts; bundled beside index.js as picture-writer-worker.js by
 * electron.vite.config.ts). It holds its own connection to the library and takes in a large
 * picture's parts (copied into the buffer it shares with main, hashed, written) and writes its row,
 * one job at a time in the order main sent them, so neither that work nor the WAL checkpoints the
 * writes set off hold main's thread, which carries the editor's keys (issue 22).
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { ApiError } from '../../shared/errors'
import { PartsWriter } from './picture-rows'
import type { WriterAnswer, WriterJob, WriterStart } from './picture-writer'

const port = parentPort
if (!port) throw new Error('picture-writer-worker.ts runs as a worker thread (started by picture-writer.ts)')

const { file, nativeBinding } = workerData as WriterStart
const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
// As main's connection (open.ts): these are per connection, not stored in the file.
db.pragma('synchronous = NORMAL')
db.pragma('busy_timeout = 5000')
const writer = new PartsWriter(db)

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

port.on('message', (message: WriterJob) => {
  if ('close' in message) {
    db.close()
    port.close()
    return
  }
  try {
    let answer: WriterAnswer = { job: message.job }
    if ('begin' in message) answer = { job: message.job, shared: writer.begin(message.begin.key, message.begin.size) }
    else if ('part' in message) writer.part(message.part.key, asBuffer(message.part.data))
    else if ('digest' in message) answer = { job: message.job, digest: writer.digest(message.digest) }
    else if ('adopt' in message) {
      const { preview } = message.adopt
      writer.adopt({ ...message.adopt, preview: preview && asBuffer(preview) })
    } else if ('checkpoint' in message) writer.checkpoint()
    else writer.remove(message.remove)
    port.postMessage(answer)
  } catch (error) {
    // An ApiError's code, or SQLite's (SQLITE_FULL...), so main says it in the same words as its own.
    const code = error instanceof ApiError ? { api: error.code } : { sqlite: (error as { code?: string }).code ?? '' }
    port.postMessage({
      job: message.job,
      problem: (error as Error)?.message || String(error),
      ...code,
    } satisfies WriterAnswer)
  }
})
