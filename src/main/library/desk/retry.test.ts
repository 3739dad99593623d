import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { deskFetch, RETRY_PAUSES_MS } from './retry'

// A real HTTP server on loopback that closes the connection of the first N requests it gets
// without answering (what `fetch failed` was in the sync benchmark: the request went, the answer
// never came), then answers. No mock of fetch.

interface Flaky {
  url: URL
  /** Every request that reached the server, dropped ones included. */
  received: string[]
  /** Requests answered. */
  answered: string[]
}

let server: Server | null = null

async function flakyServer(drop: number, status = 200): Promise<Flaky> {
  const received: string[] = []
  const answered: string[] = []
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (d: Buffer) => (body += d.toString()))
    request.on('end', () => {
      received.push(`${request.method} ${body}`)
      if (received.length <= drop) return void request.socket.destroy()
      answered.push(`${request.method} ${body}`)
      response.writeHead(status, { 'content-type': 'application/json', connection: 'close' })
      response.end(JSON.stringify({ ok: status === 200 }))
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: new URL(`http://127.0.0.1:${port}/api/thing`), received, answered }
}

afterEach(async () => {
  const open = server
  server = null
  if (open) await new Promise((resolve) => open.close(resolve))
})

describe('desk requests over a connection that drops', () => {
  it('a read (GET) is tried again after dropped connections and gets its answer', async () => {
    const flaky = await flakyServer(2)
    const response = await deskFetch(flaky.url)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
    expect(flaky.received).toHaveLength(3)
    expect(flaky.answered).toEqual(['GET '])
  })

  it('a POST that only asks (idempotent) is tried again and arrives once', async () => {
    const flaky = await flakyServer(1)
    const response = await deskFetch(flaky.url, { method: 'POST', body: '{"ids":["a"]}' }, { idempotent: true })
    expect(response.status).toBe(200)
    expect(flaky.received).toHaveLength(2)
    expect(flaky.answered).toEqual(['POST {"ids":["a"]}'])
  })

  it('a POST that is not idempotent is not sent again (it reached the server once): the caller hears the failure', async () => {
    const flaky = await flakyServer(1)
    await expect(deskFetch(flaky.url, { method: 'POST', body: 'sign me in' })).rejects.toThrow('fetch failed')
    expect(flaky.received).toEqual(['POST sign me in'])
    expect(flaky.answered).toEqual([])
  })

  it('gives up after its few attempts when the connection keeps dropping', async () => {
    const flaky = await flakyServer(100)
    await expect(deskFetch(flaky.url)).rejects.toThrow('fetch failed')
    expect(flaky.received).toHaveLength(RETRY_PAUSES_MS.length + 1)
  })

  it('an answer the server gave (a 503) is not retried: it is what the server meant', async () => {
    const flaky = await flakyServer(0, 503)
    const response = await deskFetch(flaky.url)
    expect(response.status).toBe(503)
    expect(flaky.received).toHaveLength(1)
  })

  it('a refused connection (no server) is tried again, then reported', async () => {
    const flaky = await flakyServer(0)
    const url = flaky.url
    const closing = server!
    server = null
    await new Promise((resolve) => closing.close(resolve))
    const started = Date.now()
    await expect(deskFetch(url, {}, { pauses: [20, 20] })).rejects.toThrow('fetch failed')
    expect(Date.now() - started).toBeGreaterThanOrEqual(40)
  })
})
