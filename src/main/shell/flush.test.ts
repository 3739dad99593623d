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
