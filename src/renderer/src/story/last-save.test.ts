import { describe, expect, it } from 'vitest'
import { lastSaveOf, noteLastSave } from './last-save'

const settled = async (promise: Promise<unknown>) => {
  let done = false
  void promise.then(() => (done = true))
  // Long enough for any chain of promises already resolved to run out.
  await new Promise((resolve) => setTimeout(resolve, 0))
  return done
}

describe('the last save of a closed editor', () => {
  it('keeps the story from opening again until it is in', async () => {
    let land!: () => void
    noteLastSave(7, new Promise<void>((resolve) => (land = resolve)))
    const opening = lastSaveOf(7)
    expect(await settled(opening)).toBe(false)
    land()
    expect(await settled(opening)).toBe(true)
  })

  it('lets a story with no save on its way, or another story, open at once', async () => {
    noteLastSave(8, new Promise<void>(() => undefined))
    expect(await settled(lastSaveOf(9))).toBe(true)
  })

  it('does not keep the story from opening when that save fails', async () => {
    noteLastSave(10, Promise.reject(new Error('the library cannot be written')))
    await expect(lastSaveOf(10)).resolves.toBeUndefined()
  })
})
