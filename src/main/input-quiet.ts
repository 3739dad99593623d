/**
 * Main sees every key before the page does (Electron's before-input-event; the pictures benchmark's
 * driver says so too). Background work that would compete with typing for a core (storing a
 * picture) waits between its slices for a moment with no keys. In the CLI no key ever comes, so
 * nothing waits.
 */

/** Keys closer together than this are someone typing. */
export const QUIET_MS = 150
/** However steady the typing, one slice of background work goes through this often. */
export const LONGEST_WAIT_MS = 2000

let lastInputAt = Number.NEGATIVE_INFINITY

export function noteInput(): void {
  lastInputAt = performance.now()
}

/** Resolves on the next turn of the event loop once no key has come for QUIET_MS (or after LONGEST_WAIT_MS). */
export function quietMoment(): Promise<void> {
  const started = performance.now()
  return new Promise((resolve) => {
    const check = () => {
      const now = performance.now()
      const quiet = now - lastInputAt
      if (quiet >= QUIET_MS || now - started >= LONGEST_WAIT_MS) return setImmediate(resolve)
      setTimeout(check, QUIET_MS - quiet)
    }
    check()
  })
}
