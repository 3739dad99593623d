import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { FIXTURES, fixture } from '@test/wire/fixtures'
import { MAX_WIRE_FILE_BYTES } from '../../shared/wire'
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

/**
 * The thread's heap in the test below: room for the readers and a wire story of a few kilobytes,
 * not for reading 17 MB of copy (the production thread has up to 1 GB, READ_HEAP_MB).
 */
const SMALL_HEAP_MB = 40

/** A ninjs story as an agency sends it: one file, one headline, its body as HTML. */
const ninjs = (headline: string, bodyHtml: string) =>
  JSON.stringify({ uri: `urn:test:${headline}`, type: 'text', headline, body_html: bodyHtml })

/**
 * 17 MB of copy: twelve stories of 1,250 paragraphs, each under a story's limits (2,000,000
 * characters, 20,000 blocks) and the file under a wire file's 20 MB, so nothing refuses it before
 * it is read; reading it all needs more than the small heap.
 */
function heavyFile(): string {
  const paragraph = `<p>${'The council published the full minutes of the flood inquiry, page after page of evidence. '.repeat(13)}</p>`
  const body = paragraph.repeat(1250)
  const stories = Array.from({ length: 12 }, (_, i) => ({
    uri: `urn:test:inquiry-${i + 1}`,
    type: 'text',
    headline: `Flood inquiry minutes, volume ${i + 1}`,
    body_html: body,
  }))
  return JSON.stringify(stories)
}

describe('a wire file that runs the reading thread out of memory', { timeout: 240_000 }, () => {
  const libraries = useTempLibraries()
  const threads: WireReadThread[] = []
  afterAll(() => Promise.all(threads.map((t) => t.stop())))

  it('is refused by name in words, every other file of its batch is imported, and the next import works', async () => {
    // Real files on disk, read back as the CLI reads them: the heavy one first, so the thread ends
    // while the batch's other slices wait behind it (60 files: three slices of READ_SLICE).
    const dir = libraries.dir()
    const heavy = 'flood-inquiry-minutes.json'
    writeFileSync(join(dir, heavy), heavyFile())
    const headlines = new Map<string, string>([[heavy, 'Flood inquiry minutes, volume 1']])
    for (let i = 1; i < READ_SLICE * 2 + 10; i++) {
      const headline = `Harbour board approves dredging plan, part ${i}`
      const name = `harbour-${String(i).padStart(2, '0')}.json`
      writeFileSync(join(dir, name), ninjs(headline, `<p>The harbour board voted to dredge the channel (${i}).</p>`))
      headlines.set(name, headline)
    }
    const files = [...headlines.keys()].map((name) => ({ name, bytes: readFileSync(join(dir, name)) }))
    expect(files[0]!.bytes.length).toBeGreaterThan(16 * 1024 * 1024)
    expect(files[0]!.bytes.length).toBeLessThan(MAX_WIRE_FILE_BYTES)

    const library = libraries.open()
    const thread = new WireReadThread({ heapMb: SMALL_HEAP_MB })
    threads.push(thread)
    const results = await importWireFilesSliced(library, files, at, noPause, thread)

    // The heavy file: refused, by its name, in an editor's words.
    expect(results.map((r) => r.file)).toEqual([...headlines.keys()])
    const refused = results.filter((r) => !r.ok)
    expect(refused.map((r) => [r.file, r.ok])).toEqual([[heavy, false]])
    expect(refused[0]!.error).toBe(
      'it could not be imported: reading it needed more memory than Copydesk gives a wire file',
    )
    expect(refused[0]!.error).not.toMatch(/internal|heap|stack|ERR_|\bat \S+ \(/i)
    // Every other file of the batch: a story with its headline.
    for (const result of results.slice(1)) {
      expect(result, result.file).toMatchObject({ ok: true, headline: headlines.get(result.file) })
      expect(call(library, 'story:get', { id: result.id! }).headline).toBe(headlines.get(result.file))
    }
    expect(call(library, 'story:list', { limit: 500 }).items).toHaveLength(files.length - 1)

    // The thread comes back for the next import.
    const next = [{ name: 'lifeboat.json', bytes: Buffer.from(ninjs('Lifeboat crew honoured', '<p>Medals.</p>')) }]
    expect(await importWireFilesSliced(library, next, at, noPause, thread)).toMatchObject([
      { file: 'lifeboat.json', ok: true, headline: 'Lifeboat crew honoured' },
    ])
  })
})
