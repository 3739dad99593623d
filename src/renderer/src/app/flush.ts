/**
 * Everything that holds unsaved text registers a flusher. When main asks (window closing, app
 * quitting) every flusher saves before the answer goes back.
 */
const flushers = new Set<() => Promise<void>>()

export function registerFlusher(flush: () => Promise<void>): () => void {
  flushers.add(flush)
  return () => flushers.delete(flush)
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()))
}
