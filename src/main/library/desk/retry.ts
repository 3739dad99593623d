/**
 * The desk's HTTP requests over a network that hiccups (docs/team.md, "Network hiccups"): a
 * connection dropped or refused on the way (`fetch failed`: reset, closed, refused) is tried
 * again a few times with a growing pause, but only for a request that may safely arrive twice:
 * reads (GET), and the POSTs that only ask (the catch-up's `/api/states`, which pictures are
 * missing) or that the server answers the same when repeated (a share with the same id and doc).
 * Anything else (signing in makes a token) fails at once, as before: the caller decides.
 *
 * Not retried: an answer the server gave (4xx/5xx is what it meant), and a request that timed out
 * (it may still be running; the next round of the caller asks again).
 */

/** Pauses before the 2nd, 3rd and 4th attempts. */
export const RETRY_PAUSES_MS = [100, 400, 1200] as const

export interface DeskFetchOptions {
  /** Safe to send twice (GET is always). */
  idempotent?: boolean
  timeoutMs?: number
  /** Pauses between attempts; RETRY_PAUSES_MS unless a test says otherwise. */
  pauses?: readonly number[]
}

/** Whether an error from fetch is the connection failing (not an answer, not our own timeout). */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return false
  // undici: TypeError('fetch failed') with the socket's error as its cause.
  return error instanceof TypeError && error.message === 'fetch failed'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function deskFetch(url: URL, init: RequestInit = {}, options: DeskFetchOptions = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase()
  const safe = method === 'GET' || method === 'HEAD' || options.idempotent === true
  const pauses = safe ? (options.pauses ?? RETRY_PAUSES_MS) : []
  for (let attempt = 0; ; attempt++) {
    try {
      // A fresh timeout per attempt: one slow attempt must not eat the next one's time.
      return await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) })
    } catch (error) {
      if (attempt >= pauses.length || !isConnectionFailure(error)) throw error
      await sleep(pauses[attempt]!)
    }
  }
}
