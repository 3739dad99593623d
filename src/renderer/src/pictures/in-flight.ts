import { registerFlusher } from '../app/flush'

/**
 * Pictures on their way into a story: from the file chosen to the picture put in its place. A
 * flush waits for them (their parts stop waiting for gaps between keys, typing-pause.ts), so a
 * picture chosen just before the window closes is saved with the story, within main's 3 s.
 */
const adding = new Set<Promise<unknown>>()

/** Track `work` (which ends with the picture in the story) until it settles; returns it. */
export function whileAdding<T>(work: Promise<T>): Promise<T> {
  adding.add(work)
  const forget = () => adding.delete(work)
  work.then(forget, forget)
  return work
}

if (typeof window !== 'undefined') {
  registerFlusher(async () => {
    await Promise.allSettled([...adding])
    // Putting a picture in place reaches the autosave through React and Lexical, a task later.
    await new Promise((settle) => setTimeout(settle, 0))
  })
}
