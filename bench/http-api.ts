/// <reference lib="dom" />
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dispatch } from '../src/main/api'
import type { Library } from '../src/main/library'
import { findMedia } from '../src/main/library/media'
import { mediaHeaders } from '../src/main/shell/media-route'
import { mediaRequestFromPath } from '../src/shared/media'
import { clock, trace, tracing } from './trace'

/**
 * The api over local HTTP, for suites that move real amounts of bytes: the e2e bridge's Playwright
 * binding carries a 20 MB picture through the test driver as text in about 5 s, where Electron's
 * IPC copies it in milliseconds. The handler runs dispatch() in this process, on the event loop
 * the driver sends keys from: in Electron, main's thread also carries the OS's key presses to the
 * page, so a stall in the api delays keys here just as it would there.
 */
export const INVOKE_PATH = '/__copydesk/invoke'

/**
 * Runs in the page: window.copydesk.invoke (installBridge) sends each call here. Byte fields (a
 * picture and its preview) travel as the body, one after the other; the rest as a header.
 */
export function installHttpInvoke() {
  const INPUT_FIELD = '__input'
  const joined = (parts: Uint8Array<ArrayBuffer>[]) => {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let at = 0
    for (const part of parts) {
      all.set(part, at)
      at += part.length
    }
    return all
  }
  window.__copydeskInvoke = async (channel: string, input: unknown) => {
    const fields: Record<string, unknown> = { ...(input ?? {}) }
    const parts: Uint8Array<ArrayBuffer>[] = []
    const layout: [string, number][] = []
    for (const [field, value] of Object.entries(fields)) {
      if (!(value instanceof Uint8Array)) continue
      parts.push(value as Uint8Array<ArrayBuffer>)
      layout.push([field, value.length])
      delete fields[field]
    }
    // A large input (an autosave's body) goes first in the body: Node refuses headers over 16 KB
    // (431), and until stop 30 every autosave and check of the pictures suite was refused so.
    let json = encodeURIComponent(JSON.stringify(fields))
    if (json.length > 8000) {
      const text = new TextEncoder().encode(JSON.stringify(fields))
      parts.unshift(text)
      layout.unshift([INPUT_FIELD, text.length])
      json = '{}'
    }
    const response = await fetch('/__copydesk/invoke', {
      method: 'POST',
      headers: {
        'x-copydesk-channel': channel,
        'x-copydesk-input': json,
        'x-copydesk-bytes': JSON.stringify(layout),
      },
      // One array, not a Blob: Chromium sends an array's bytes straight to the network service; a
      // Blob is first registered (copied) with the browser process's blob store.
      body: parts.length === 1 ? parts[0] : joined(parts),
    })
    return (await response.json()) as never
  }
}

/** The request body, copied chunk by chunk into one buffer as it arrives (no 20 MB concat at the end). */
async function bodyOf(request: IncomingMessage, copyMs = { ms: 0 }): Promise<Buffer> {
  const body = Buffer.allocUnsafe(Number(request.headers['content-length'] ?? 0))
  let filled = 0
  for await (const chunk of request) {
    const began = tracing ? performance.now() : 0
    filled += (chunk as Buffer).copy(body, filled)
    if (tracing) copyMs.ms = Math.max(copyMs.ms, performance.now() - began)
  }
  return body.subarray(0, filled)
}

/**
 * Electron's IPC delivers a window's calls to main in the order they were sent; over HTTP two
 * parts of a picture on their way at once can arrive the other way round. So a part waits here
 * until the part before it (by its seq) has been dispatched. Other calls go as they arrive.
 */
const partTurns = new Map<string, { next: number; waiting: Map<number, () => void> }>()

function turnOf(upload: string | undefined, seq: number | undefined): { ready: Promise<void>; done(): void } {
  if (upload === undefined || seq === undefined) return { ready: Promise.resolve(), done() {} }
  let turn = partTurns.get(upload)
  if (!turn) partTurns.set(upload, (turn = { next: 0, waiting: new Map() }))
  const own = turn
  const ready = seq <= own.next ? Promise.resolve() : new Promise<void>((go) => own.waiting.set(seq, go))
  return {
    ready,
    done() {
      own.next = Math.max(own.next, seq + 1)
      own.waiting.get(own.next)?.()
      own.waiting.delete(own.next)
    },
  }
}

/** Answer api calls and pictures from `library`; false for any other request. */
export function answerApi(library: Library, request: IncomingMessage, response: ServerResponse, path: string): boolean {
  const wanted = mediaRequestFromPath(path)
  if (wanted) {
    const began = clock()
    const found = findMedia(library.db, wanted.id, wanted)
    if (!found) response.writeHead(404).end('not found')
    else response.writeHead(200, mediaHeaders(found.type, found.bytes.length)).end(found.bytes)
    trace('media', { began, preview: wanted.preview, bytes: found?.bytes.length ?? 0, ms: clock() - began })
    return true
  }
  if (path !== INVOKE_PATH || request.method !== 'POST') return false
  const fields = JSON.parse(decodeURIComponent(String(request.headers['x-copydesk-input']))) as Record<string, unknown>
  const channel = request.headers['x-copydesk-channel']
  const turn =
    channel === 'media:part'
      ? turnOf(fields.upload as string | undefined, fields.seq as number | undefined)
      : turnOf(undefined, undefined)
  void (async () => {
    const began = clock()
    const copy = { ms: 0 }
    let body: Buffer
    let bodyAt: number
    let answering: ReturnType<typeof dispatch>
    try {
      body = await bodyOf(request, copy)
      await turn.ready
      bodyAt = clock()
      let input = fields
      let offset = 0
      for (const [field, length] of JSON.parse(String(request.headers['x-copydesk-bytes'])) as [string, number][]) {
        if (field === '__input') input = JSON.parse(body.toString('utf8', offset, offset + length)) as typeof input
        else input[field] = new Uint8Array(body.buffer, body.byteOffset + offset, length)
        offset += length
      }
      answering = dispatch(library, channel, input)
    } finally {
      // The page's next call goes now, whatever became of this one.
      turn.done()
    }
    const syncMs = clock() - bodyAt
    const reply = await answering
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply))
    trace('call', {
      channel,
      began,
      bytes: body.length,
      bodyMs: bodyAt - began,
      longestChunkCopyMs: copy.ms,
      syncMs,
      doneMs: clock() - bodyAt,
      ended: clock(),
    })
  })()
  return true
}
