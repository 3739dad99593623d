import { describe, expect, it } from 'vitest'
import { createFlushCoordinator } from './flush'

describe('flush before close', () => {
  it('waits for the renderer to say it saved', async () => {
    const sent: string[] = []
    const flush = createFlushCoordinator((token) => sent.push(token), 10_000)
    const outcome = flush.request()
    expect(sent).toHaveLength(1)
    flush.acknowledge(sent[0]!)
    await expect(outcome).resolves.toBe('flushed')
  })

  it('lets the window go when a hung renderer never answers', async () => {
    const flush = createFlushCoordinator(() => undefined, 20)
    await expect(flush.request()).resolves.toBe('timed-out')
  })

  it('ignores an answer to a request it did not make', async () => {
    const sent: string[] = []
    const flush = createFlushCoordinator((token) => sent.push(token), 30)
    const outcome = flush.request()
    flush.acknowledge('flush-999')
    await expect(outcome).resolves.toBe('timed-out')
  })
})

describe('a renderer still saving', () => {
  it('is waited for past the quiet limit while it says it is working', async () => {
    const sent: string[] = []
    const flush = createFlushCoordinator((token) => sent.push(token), 40, 5_000)
    let outcome: string | null = null
    void flush.request().then((o) => (outcome = o))
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25))
      flush.working(sent[0]!)
    }
    expect(outcome).toBeNull()
    flush.acknowledge(sent[0]!)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(outcome).toBe('flushed')
  })

  it('is let go at the longest wait, however often it says it is working', async () => {
    const sent: string[] = []
    const flush = createFlushCoordinator((token) => sent.push(token), 40, 120)
    const outcome = flush.request()
    // Without the longest wait this never ends, and the test runner's own limit fails it.
    const beat = setInterval(() => flush.working(sent[0]!), 10)
    await expect(outcome).resolves.toBe('timed-out')
    clearInterval(beat)
  })

  it('ignores word of work on a request it did not make', async () => {
    const flush = createFlushCoordinator(() => undefined, 30)
    const outcome = flush.request()
    flush.working('flush-999')
    await expect(outcome).resolves.toBe('timed-out')
  })
})
