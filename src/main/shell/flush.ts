/**
 * Before a window goes, main asks the renderer to save what is pending and waits for its answer
 * (Joplin's appClose handshake). A renderer that never answers (hung, crashed) must not keep the
 * app from quitting, so the wait is bounded: `quietMs` without a word from the renderer. A renderer
 * still at work (a large picture being stored on a busy machine takes seconds) says so every second
 * (`working`), and the window waits for it, up to `longestMs` in all.
 */
export interface FlushCoordinator {
  request(): Promise<'flushed' | 'timed-out'>
  acknowledge(token: string): void
  working(token: string): void
}

export function createFlushCoordinator(
  send: (token: string) => void,
  quietMs = 3000,
  longestMs = 60_000,
): FlushCoordinator {
  const pending = new Map<string, { done: () => void; stillWorking: () => void }>()
  let counter = 0
  return {
    request() {
      const token = `flush-${++counter}`
      const started = Date.now()
      return new Promise((resolve) => {
        const giveUp = () => {
          pending.delete(token)
          resolve('timed-out')
        }
        let timer = setTimeout(giveUp, quietMs)
        pending.set(token, {
          done: () => {
            clearTimeout(timer)
            pending.delete(token)
            resolve('flushed')
          },
          stillWorking: () => {
            clearTimeout(timer)
            timer = setTimeout(giveUp, Math.max(0, Math.min(quietMs, started + longestMs - Date.now())))
          },
        })
        send(token)
      })
    },
    acknowledge(token) {
      pending.get(token)?.done()
    },
    working(token) {
      pending.get(token)?.stillWorking()
    },
  }
}
