import { registerFlusher } from '../app/flush'

/**
 * Handing a large picture to main competes with the editor's keys for the same threads: 20 MB in
 * one message held keys typed meanwhile 100–240 ms (docs/benchmarks.md). So it goes a part at a
 * time, each part in a gap between keys, as autosave waits for a pause. With no gap it still goes
 * a part every LONGEST_WAIT_MS, and at once when the window is closing.
 */
export const KEY_GAP_MS = 120
export const LONGEST_WAIT_MS = 2_000

/** After a flush (closing, or Save now) parts stop waiting for this long: the picture goes first. */
export const HURRY_MS = 5_000

let lastKeyAt = Number.NEGATIVE_INFINITY
let hurryUntil = Number.NEGATIVE_INFINITY
const waiting = new Set<() => void>()

// From the start, not from the first picture: the keys just before a drop are the ones that count.
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', () => (lastKeyAt = performance.now()), { capture: true, passive: true })
  // Closing: everything waiting goes at once, and so do the parts after it, so the picture is
  // handed over before the window goes.
  registerFlusher(() => {
    hurryUntil = performance.now() + HURRY_MS
    for (const go of [...waiting]) go()
    return Promise.resolve()
  })
}

/** Resolves once no key has been pressed for KEY_GAP_MS (at once if none has been lately). */
export function betweenKeys(): Promise<void> {
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
      if (quiet >= KEY_GAP_MS || now - started >= LONGEST_WAIT_MS || now < hurryUntil) return go()
      timer = window.setTimeout(check, Math.min(KEY_GAP_MS - quiet, LONGEST_WAIT_MS - (now - started)))
    }
    waiting.add(go)
    check()
  })
}

/**
 * No one has typed for this long: a part can be large (QUIET_PART_BYTES).
 * Not 1 s: a 4 MiB part sent at the end of a pause of that length (people pause that long every
 * few sentences) arrives as typing resumes, and taking 4 MiB in held main 300-800 ms under load
 * (docs/benchmarks.md, "Pictures: where the 20 MB add's time goes").
 */
export const TYPING_LATELY_MS = 5_000

/**
 * Whether the editor is typing (a key within TYPING_LATELY_MS). A closing window does not change
 * it: the renderer says it is still working once a second while it flushes, and one 4 MiB message
 * could hold that word back past the window's 3 s of patience (the e2e bridge's binding took
 * longer than that for 3 MB under load; the closing-window test failed 3 of 3).
 */
export function typingLately(): boolean {
  return performance.now() - lastKeyAt < TYPING_LATELY_MS
}
