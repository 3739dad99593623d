/**
 * The wire-reading thread's entry (a Node worker_threads worker in main's process, started by
 * wire-read-thread.ts; bundled beside index.js as wire-read-worker.js by electron.vite.config.ts).
 * It reads wire files into stories and packs their bytes for keeping, the costly pure part of an
 * import, while main stores what it read before. It holds no library: nothing it does can touch
 * the SQLite file.
 */
import { parentPort } from 'node:worker_threads'
import { pack } from '../library/packed'
import { readWireFile } from '../wire/read-files'
import type { ReadAnswer, ReadJob } from './wire-read-thread'

const port = parentPort
if (!port) throw new Error('wire-read-worker.ts runs as a worker thread (started by wire-read-thread.ts)')

port.on('message', ({ job, files, at, zone }: ReadJob) => {
  const read = files.map((file, index) => {
    const copy = readWireFile(file, new Date(at[index]!), zone)
    return 'error' in copy ? copy : { ...copy, packed: pack(copy.bytes) }
  })
  // The bytes go back without a copy where they own their memory: this thread is done with them.
  // A small Buffer may be a view into Node's shared pool, which must stay here (it is copied).
  const buffers = new Set<ArrayBuffer>()
  for (const copy of read) {
    if ('error' in copy) continue
    for (const bytes of [copy.bytes, copy.packed.bytes])
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
        buffers.add(bytes.buffer as ArrayBuffer)
  }
  port.postMessage({ job, read } satisfies ReadAnswer, [...buffers])
})
