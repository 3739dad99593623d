/// <reference lib="dom" />
import { createHash } from 'node:crypto'
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { noteInput } from '../../src/main/input-quiet'
import { openLibrary } from '../../src/main/library'
import { insertStory } from '../../src/main/library/stories'
import { serveRenderer } from '../browser'
import type { Suite } from '../context'
import { typingStory } from '../generate'
import { installHttpInvoke } from '../http-api'
import { RawPage } from '../cdp'
import { installBridge } from '../../e2e/bridge'
import { ensurePhoto, PHOTO_BYTES } from '../photo'
import { metric, percentile } from '../report'
import { installProbe, KEY_GAP_MS, PAUSE_EVERY, PAUSE_MS, TYPED } from './typing'
import { trace, tracePictureThread, watchGaps, writeTrace } from '../trace'
import { pictureWriter } from '../../src/main/library/picture-writer'

/**
 * "Add a 20 MB JPEG and keep typing": the editor chooses a lead picture for the story and goes on
 * writing the body while it is stored. Keys are sent on a fixed beat with the typing suite's
 * pauses, and each key's latency runs from when it was due to the paint that showed it, so a key
 * held up anywhere (in main, which in Electron forwards input, or in the page) counts. The same
 * typing with no picture is the floor.
 */

interface Run {
  /** Due-to-painted latency of each key, ms. */
  latencies: number[]
  /** The longest the api's event loop was held, while the picture was stored (or the same span without one). */
  mainStallMax: number
  /** From the file being chosen to the picture shown in the story, ms; null when no picture was added. */
  addMs: number | null
}

/** The page's clock minus this process's, so due times and paint times compare. */
async function pageClockOffset(page: RawPage): Promise<number> {
  const before = performance.timeOrigin + performance.now()
  const pageNow = await page.evaluate<number>('performance.timeOrigin + performance.now()')
  const after = performance.timeOrigin + performance.now()
  return pageNow - (before + after) / 2
}

const LEAD_SHOWN = `(() => {
  const img = document.querySelector('[aria-label="Lead picture"] img')
  return !!img && img.complete && img.naturalWidth > 0
})()`

/** The caret at the end of the story's middle paragraph, where an editor rewriting it would be. */
const CARET_IN_THE_MIDDLE = `(() => {
  const root = document.querySelector('[aria-label="Story body"]')
  root.focus()
  const paragraphs = root.querySelectorAll('p')
  const target = paragraphs[Math.floor(paragraphs.length / 2)]
  target.scrollIntoView({ block: 'center' })
  const range = document.createRange()
  range.selectNodeContents(target)
  range.collapse(false)
  const selection = window.getSelection()
  selection.removeAllRanges()
  selection.addRange(range)
})()`

async function typeWhile(page: RawPage, keys: number, photoFile: string | null): Promise<Run> {
  await page.evaluate(CARET_IN_THE_MIDDLE)
  await new Promise((settle) => setTimeout(settle, 300))
  const offset = await pageClockOffset(page)
  await page.evaluate('window.__probe.armed = true')
  const stall = monitorEventLoopDelay({ resolution: 5 })
  const start = performance.timeOrigin + performance.now() + 50
  const due: number[] = []
  let chosenAt = 0
  let addMs: number | null = null
  let adding: Promise<void> | null = null
  const addAfterKey = Math.round(1000 / KEY_GAP_MS)
  for (let i = 0; i < keys; i++) {
    // The typing suite's rhythm: a key every 35 ms, and a second's pause every 60 keys.
    const at = start + i * KEY_GAP_MS + Math.floor(i / PAUSE_EVERY) * PAUSE_MS
    const wait = at - (performance.timeOrigin + performance.now())
    if (wait > 0) await new Promise((done) => setTimeout(done, wait))
    if (i === addAfterKey) {
      stall.enable()
      chosenAt = performance.now()
      trace('chosen', { typing: true, picture: !!photoFile })
      if (photoFile) {
        adding = page
          .setInputFile('input[aria-label="Lead picture file"]', photoFile)
          .then(() => page.waitFor(LEAD_SHOWN, 120_000))
          .then(() => {
            addMs = performance.now() - chosenAt
            stall.disable()
            trace('shown', { ms: addMs })
          })
      }
    }
    // Without a picture, the stall is watched over two seconds of the same typing.
    if (!photoFile && chosenAt && performance.now() - chosenAt > 2000) stall.disable()
    if (i === keys - 1) trace('last key')
    due.push(at)
    // What Electron's main does for each key (before-input-event), so main's work can make way for it.
    noteInput()
    await page.type(TYPED[i % TYPED.length]!)
  }
  await adding
  stall.disable()
  await new Promise((settle) => setTimeout(settle, 500))
  const paintedAt = await page.evaluate<number[]>('(window.__probe.armed = false, window.__probe.paintedAt)')
  if (paintedAt.length !== due.length) throw new Error(`${due.length} keys were sent but ${paintedAt.length} painted`)
  return {
    latencies: paintedAt.map((painted, i) => painted - offset - due[i]!),
    mainStallMax: stall.max / 1e6,
    addMs,
  }
}

/** The picture chosen while no one types: from the file chosen to the picture shown, ms. */
async function addAlone(page: RawPage, photoFile: string, label: string): Promise<number> {
  // The story's panel comes a moment after its body on a fresh page.
  await page.waitFor(`!!document.querySelector('input[aria-label="Lead picture file"]')`)
  const chosenAt = performance.now()
  trace('chosen', { typing: false, label })
  await page.setInputFile('input[aria-label="Lead picture file"]', photoFile)
  await page.waitFor(LEAD_SHOWN, 120_000)
  const ms = performance.now() - chosenAt
  trace('shown', { ms, label })
  return ms
}

/** The disk's own cost of keeping the bytes: hash them and write them to a file, synced. */
function storageFloor(dir: string, bytes: Buffer): number {
  const file = join(dir, 'floor.jpg')
  const began = performance.now()
  createHash('sha256').update(bytes).digest()
  const fd = openSync(file, 'w')
  writeSync(fd, bytes)
  fsyncSync(fd)
  closeSync(fd)
  const ms = performance.now() - began
  rmSync(file)
  return ms
}

export const picturesSuite: Suite = {
  name: 'pictures',
  browser: true,
  async run(ctx) {
    const keys = ctx.quick ? 120 : 240
    const rounds = ctx.quick ? 1 : 3
    const library = openLibrary(join(ctx.tmpDir, 'pictures.sqlite'))
    const server = await serveRenderer(ctx.root, {}, { library })
    tracePictureThread(pictureWriter(library.db))
    // As the app does once its window has loaded (src/main/index.ts), where the code has it.
    ;(pictureWriter(library.db) as { start?: () => void }).start?.()
    try {
      const photoFile = join(ctx.cacheDir, 'photo-20mb.jpg')
      const photo = await ensurePhoto(photoFile)
      ctx.log(`pictures: a ${(photo.length / 1024 / 1024).toFixed(1)} MB JPEG (over ${PHOTO_BYTES / 1024 / 1024} MB)`)
      const runs: { bare: Run[]; storing: Run[] } = { bare: [], storing: [] }
      const adds = { alone: [] as number[], afterTyping: [] as number[], typing: [] as number[] }
      /** A fresh story (the same bytes are stored once, so the library forgets them) open in a fresh page. */
      const openStory = async (): Promise<RawPage> => {
        library.db.prepare('DELETE FROM media').run()
        library.db.prepare('DELETE FROM media_part').run()
        const story = insertStory(library.db, typingStory(1_000))
        const page = await RawPage.launch()
        try {
          await page.addInitScript('globalThis.__name = (target) => target')
          await page.addInitScript(installBridge)
          await page.addInitScript(installHttpInvoke)
          await page.addInitScript(installProbe)
          await page.goto(`${server.origin}/index.html`)
          await page.waitFor(`!!document.querySelector('[data-story-id="${story.id}"]')`)
          await page.evaluate(`document.querySelector('[data-story-id="${story.id}"]').click()`)
          await page.waitFor(`!!document.querySelector('[aria-label="Story body"] p')`)
          return page
        } catch (error) {
          await page.close()
          throw error
        }
      }
      const stopWatching = watchGaps()
      try {
        for (let round = 0; round < rounds; round++) {
          for (const kind of ['bare', 'storing'] as const) {
            trace('round', { round, page: kind })
            const page = await openStory()
            let afterTypingMs: number | null = null
            try {
              runs[kind].push(await typeWhile(page, keys, kind === 'storing' ? photoFile : null))
              const text = await page.evaluate<string>(`document.querySelector('[aria-label="Story body"]').innerText`)
              if (!text.includes(TYPED.slice(1, 30))) throw new Error('the typed text did not reach the editor')
              if (kind === 'bare') {
                // The same page, which has a story but no picture yet: the picture added about half a
                // second after the last key, when the page still counts the editor as typing.
                afterTypingMs = await addAlone(page, photoFile, 'after typing')
                adds.afterTyping.push(afterTypingMs)
              }
            } finally {
              await page.close()
            }
            const run = runs[kind].at(-1)!
            ctx.log(
              `pictures ${kind} round ${round + 1}: p50 ${percentile(run.latencies, 50).toFixed(1)} ms, p95 ${percentile(run.latencies, 95).toFixed(1)} ms, ` +
                `max ${Math.max(...run.latencies).toFixed(0)} ms, main stall max ${run.mainStallMax.toFixed(0)} ms` +
                (run.addMs === null ? '' : `, picture shown after ${run.addMs.toFixed(0)} ms`) +
                (afterTypingMs === null ? '' : `; added just after typing in ${afterTypingMs.toFixed(0)} ms`),
            )
          }
          // No one typing: a page that has had no key at all.
          trace('round', { round, page: 'alone' })
          const page = await openStory()
          try {
            adds.alone.push(await addAlone(page, photoFile, 'no one typing'))
          } finally {
            await page.close()
          }
          ctx.log(`pictures alone round ${round + 1}: added with no one typing in ${adds.alone.at(-1)!.toFixed(0)} ms`)
        }
      } finally {
        stopWatching()
        writeTrace()
      }
      const all = (kind: 'bare' | 'storing') => runs[kind].flatMap((r) => r.latencies)
      const worst = (kind: 'bare' | 'storing', pick: (r: Run) => number) => Math.max(...runs[kind].map(pick))
      adds.typing = runs.storing.map((r) => r.addMs!)
      const floor = Math.min(...Array.from({ length: 3 }, () => storageFloor(ctx.tmpDir, photo)))
      return {
        metrics: [
          metric('pictures.add-20mb', percentile(adds.alone, 50), 'ms', floor, 'lower', 1000),
          // Up to stop 30 this was pictures.add-20mb: the picture chosen half a second after 240 keys,
          // while the page still counts the editor as typing (typing-pause.ts) and sends small parts.
          metric('pictures.add-20mb-after-typing', percentile(adds.afterTyping, 50), 'ms', floor, 'lower'),
          // No aim: while the editor types, the picture waits for the gaps between keys on purpose.
          metric('pictures.add-20mb-while-typing', percentile(adds.typing, 50), 'ms', floor, 'lower'),
          metric(
            'pictures.typing-while-storing.p95',
            percentile(all('storing'), 95),
            'ms',
            percentile(all('bare'), 95),
            'lower',
            16,
          ),
          metric(
            'pictures.typing-while-storing.max',
            Math.max(...all('storing')),
            'ms',
            Math.max(...all('bare')),
            'lower',
            50,
          ),
          metric(
            'pictures.main-stall-max',
            worst('storing', (r) => r.mainStallMax),
            'ms',
            worst('bare', (r) => r.mainStallMax),
            'lower',
            // Issue 22's aim: main stalls no more than 20 ms while a picture is stored.
            20,
          ),
        ],
      }
    } finally {
      await server.close()
      library.close()
    }
  },
}
