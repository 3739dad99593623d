/**
 * Before a window goes, main asks the renderer to save what is pending and waits for its answer
 * (Joplin's appClose handshake). A renderer that never answers (hung, crashed) must not keep the
 * app from quitting, so the wait is bounded.
 */
export interface FlushCoordinator {
  request(): Promise<'flushed' | 'timed-out'>
  acknowledge(token: string): void
}

export function createFlushCoordinator(send: (token: string) => void, timeoutMs = 3000): FlushCoordinator {
  const pending = new Map<string, () => void>()
  let counter = 0
  return {
    request() {
      const token = `flush-${++counter}`
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(token)
          resolve('timed-out')
        }, timeoutMs)
        pending.set(token, () => {
          clearTimeout(timer)
          pending.delete(token)
          resolve('flushed')
        })
        send(token)
      })
    },
    acknowledge(token) {
      pending.get(token)?.()
    },
  }
}
