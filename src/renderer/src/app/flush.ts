/**
 * Everything that holds unsaved text registers a flusher, and so does a picture on its way into a
 * story. When main asks (window closing, app quitting) every flusher saves before the answer goes
 * back; main waits for that answer at most 3 s (src/main/shell/flush.ts).
 */
const flushers = new Set<() => Promise<void>>()

export function registerFlusher(flush: () => Promise<void>): () => void {
  flushers.add(flush)
  return () => flushers.delete(flush)
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()))
  // Some flushers finish work that changes a story (a picture stored, then put in place): a second
  // round saves that. The words were saved in the first, whatever the second costs.
  await Promise.allSettled([...flushers].map((flush) => flush()))
}
