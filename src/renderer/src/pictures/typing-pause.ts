import { registerFlusher } from '../app/flush'

/**
 * Handing a large picture to main and storing it keeps both cores of a small machine busy for a
 * second, and keys typed meanwhile reach the screen 150–450 ms late (docs/benchmarks.md). So that
 * part waits, as autosave does, for the editor to stop typing for a moment; choosing a file in a
 * dialog is such a moment already. It never waits longer than LONGEST_WAIT_MS, nor when the
 * window is closing.
 */
export const PAUSE_MS = 600
export const LONGEST_WAIT_MS = 10_000

let lastKeyAt = Number.NEGATIVE_INFINITY
const waiting = new Set<() => void>()

// From the start, not from the first picture: the keys just before a drop are the ones that count.
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', () => (lastKeyAt = performance.now()), { capture: true, passive: true })
  // Closing: everything waiting goes at once, so the picture is handed over before the window goes.
  registerFlusher(() => {
    for (const go of [...waiting]) go()
    return Promise.resolve()
  })
}

/** Resolves once no key has been pressed for PAUSE_MS (at once if none has been lately). */
export function afterTypingPauses(): Promise<void> {
  const started = performance.now()
  return new Promise((resolve) => {
    let timer: number | undefined
    const go = () => {
      waiting.delete(go)
      window.clearTimeout(timer)
      resolve()
    }
    const check = () => {
      const now = performance.now()
      const quiet = now - lastKeyAt
      if (quiet >= PAUSE_MS || now - started >= LONGEST_WAIT_MS) return go()
      timer = window.setTimeout(check, PAUSE_MS - quiet)
    }
    waiting.add(go)
    check()
  })
}
