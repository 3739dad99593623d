/// <reference lib="dom" />
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dispatch } from '../src/main/api'
import type { Library } from '../src/main/library'
import { findMedia } from '../src/main/library/media'
import { mediaHeaders } from '../src/main/shell/media-route'
import { mediaRequestFromPath } from '../src/shared/media'

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
    const response = await fetch('/__copydesk/invoke', {
      method: 'POST',
      headers: {
        'x-copydesk-channel': channel,
        'x-copydesk-input': encodeURIComponent(JSON.stringify(fields)),
        'x-copydesk-bytes': JSON.stringify(layout),
      },
      body: new Blob(parts),
    })
    return (await response.json()) as never
  }
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Answer api calls and pictures from `library`; false for any other request. */
export function answerApi(library: Library, request: IncomingMessage, response: ServerResponse, path: string): boolean {
  const wanted = mediaRequestFromPath(path)
  if (wanted) {
    const found = findMedia(library.db, wanted.id, wanted)
    if (!found) response.writeHead(404).end('not found')
    else response.writeHead(200, mediaHeaders(found.type, found.bytes.length)).end(found.bytes)
    return true
  }
  if (path !== INVOKE_PATH || request.method !== 'POST') return false
  void (async () => {
    const body = await bodyOf(request)
    const input = JSON.parse(decodeURIComponent(String(request.headers['x-copydesk-input']))) as Record<string, unknown>
    let offset = 0
    for (const [field, length] of JSON.parse(String(request.headers['x-copydesk-bytes'])) as [string, number][]) {
      input[field] = new Uint8Array(body.buffer, body.byteOffset + offset, length)
      offset += length
    }
    const reply = await dispatch(library, request.headers['x-copydesk-channel'], input)
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply))
  })()
  return true
}
