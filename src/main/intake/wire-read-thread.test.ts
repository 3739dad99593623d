import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { FIXTURES, fixture } from '@test/wire/fixtures'
import { call } from '../api'
import { findOriginal } from '../library/wire-copy'
import { importWireFiles, importWireFilesSliced, READ_SLICE } from './import-wire'
import { WireReadThread } from './wire-read-thread'

/** Every wire fixture of ours, good and broken, as the window would send them. */
function allFixtures() {
  const files: { name: string; bytes: Buffer }[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else files.push({ name: relative(FIXTURES, path), bytes: fixture(relative(FIXTURES, path)) })
    }
  }
  walk(FIXTURES)
  return files
}

const at = () => new Date('2026-06-01T08:00:00Z')
const noPause = () => new Promise<void>((resolve) => setImmediate(resolve))

/** What an editor would see of each imported story, and each file's outcome. */
function whatWasFiled(library: ReturnType<ReturnType<typeof useTempLibraries>['open']>) {
  const stories = call(library, 'story:list', { limit: 500 }).items.map((item) => {
    const story = call(library, 'story:get', { id: item.id })
    const original = findOriginal(library.db, item.id)
    return { ...story, createdAt: null, updatedAt: null, original: Buffer.from(original.bytes).toString('base64') }
  })
  expect(stories.length).toBeGreaterThan(READ_SLICE)
  return stories.sort((a, b) => a.id - b.id)
}

describe('wire files read on the reading thread', { timeout: 120_000 }, () => {
  const libraries = useTempLibraries()
  const threads: WireReadThread[] = []
  afterAll(() => Promise.all(threads.map((t) => t.stop())))

  it('file the same stories, originals and refusals as reading on main', async () => {
    const files = allFixtures()
    expect(files.length).toBeGreaterThan(READ_SLICE)
    const onMain = libraries.open()
    const onThread = libraries.open()
    const thread = new WireReadThread()
    threads.push(thread)
    const mainResults = importWireFiles(onMain, files, undefined, at)
    const threadResults = await importWireFilesSliced(onThread, files, at, noPause, thread)
    expect(threadResults).toEqual(mainResults)
    expect(threadResults.some((r) => !r.ok)).toBe(true)
    expect(whatWasFiled(onThread)).toEqual(whatWasFiled(onMain))
  })

  it('a thread that ends while files wait: every file is still read once, by a fresh thread', async () => {
    const files = allFixtures()
    const reference = libraries.open()
    const library = libraries.open()
    const thread = new WireReadThread()
    threads.push(thread)
    const expected = importWireFiles(reference, files, undefined, at)
    const importing = importWireFilesSliced(library, files, at, noPause, thread)
    // Ended with every slice asked for and none answered (a crash, the OS killing it).
    await thread.stop()
    expect(await importing).toEqual(expected)
    expect(whatWasFiled(library)).toEqual(whatWasFiled(reference))
  })
})
