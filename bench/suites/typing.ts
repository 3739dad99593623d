/// <reference lib="dom" />
import type { Browser, Page } from '@playwright/test'
import { join } from 'node:path'
import type { Body } from '../../src/shared/body'
import { blockTexts } from '../../src/shared/body-text'
import { openLibrary } from '../../src/main/library'
import { insertStory } from '../../src/main/library/stories'
import { bodyTheme } from '../../src/renderer/src/editor/theme'
import { appPage, launchChromium, newBenchContext, OUT_DIR, serveRenderer, type RendererServer } from '../browser'
import { callChannel, type Suite } from '../context'
import { typingStory } from '../generate'
import { buildBarePages } from '../pages/build'
import { metric, percentile, type Metric } from '../report'

/** What the benchmark types: copy, with capitals, punctuation and spaces. */
export const TYPED = ' The council said the flood barrier would stay in place until the river fell below 3.5 metres.'

/** A pause long enough for autosave (0.7 s after the last key) to run, as it does when an editor stops to think. */
export const PAUSE_EVERY = 60
export const PAUSE_MS = 1000
export const KEY_GAP_MS = 35

interface Probe {
  samples: number[]
  /** When each key's frame was painted, on the wall clock (performance.timeOrigin + now). */
  paintedAt: number[]
  longTasks: number[]
  slowEvents: number[]
  armed: boolean
}

declare global {
  interface Window {
    __probe: Probe
    loadBody?: (body: string) => void
  }
}

/**
 * Installed before any page script. Keystroke to next paint: from the keydown event's timestamp
 * (when the browser took the key) to a message posted from the next animation frame, which runs
 * once that frame's style, layout and paint are done (VS Code's method). Long tasks and the Event
 * Timing API's slow keydowns (>= 16 ms, rounded to 8 ms) are kept beside it.
 */
export function installProbe() {
  const probe: Probe = { samples: [], paintedAt: [], longTasks: [], slowEvents: [], armed: false }
  window.__probe = probe
  window.addEventListener(
    'keydown',
    (event) => {
      if (!probe.armed) return
      const start = event.timeStamp
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          const now = performance.now()
          probe.samples.push(now - start)
          probe.paintedAt.push(performance.timeOrigin + now)
        }
        channel.port2.postMessage(null)
      })
    },
    true,
  )
  new PerformanceObserver((list) => {
    if (probe.armed) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration)
  }).observe({ type: 'longtask' })
  new PerformanceObserver((list) => {
    if (!probe.armed) return
    for (const entry of list.getEntries()) if (entry.name === 'keydown') probe.slowEvents.push(entry.duration)
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
}

export function bodyHtml(body: Body): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return body.root.children
    .map((block, i) => {
      const text = escape(blockTexts({ root: { ...body.root, children: [block] } })[0] ?? '')
      return block.type === 'heading'
        ? `<h2 class="${bodyTheme.heading!.h2}">${text}</h2>`
        : `<p class="${bodyTheme.paragraph}" data-i="${i}">${text}</p>`
    })
    .join('')
}

/** Put the caret at the end of the middle paragraph, where an editor rewriting a story would be. */
async function caretInTheMiddle(page: Page): Promise<void> {
  const editable = page.getByLabel('Story body')
  await editable.click()
  await page.evaluate(() => {
    const root = document.querySelector('[aria-label="Story body"]')!
    const paragraphs = root.querySelectorAll('p')
    const target = paragraphs[Math.floor(paragraphs.length / 2)]!
    target.scrollIntoView({ block: 'center' })
    const range = document.createRange()
    range.selectNodeContents(target)
    range.collapse(false)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  })
  await page.waitForTimeout(300)
}

interface Typed {
  samples: number[]
  longTasks: number[]
  slowEvents: number[]
}

export async function typeAndMeasure(page: Page, keys: number): Promise<Typed> {
  await caretInTheMiddle(page)
  await page.evaluate(() => (window.__probe.armed = true))
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type(TYPED[i % TYPED.length]!)
    await page.waitForTimeout((i + 1) % PAUSE_EVERY === 0 ? PAUSE_MS : KEY_GAP_MS)
  }
  await page.waitForTimeout(PAUSE_MS)
  const probe = await page.evaluate(() => {
    window.__probe.armed = false
    return window.__probe
  })
  const text = await page.getByLabel('Story body').innerText()
  if (!text.includes(TYPED.slice(1, Math.min(keys, 40)))) throw new Error('the typed text did not reach the editor')
  return probe
}

async function barePage(browser: Browser, server: RendererServer, kind: 'contenteditable' | 'lexical', body: Body) {
  const context = await newBenchContext(browser)
  await context.addInitScript(installProbe)
  const page = await context.newPage()
  await page.goto(`${server.origin}/bench/${kind}.html`)
  const content = kind === 'lexical' ? JSON.stringify(body) : bodyHtml(body)
  await page.evaluate((c) => window.loadBody!(c), content)
  await page.getByLabel('Story body').locator('p').first().waitFor()
  return { context, page }
}

export const typingSuite: Suite = {
  name: 'typing',
  browser: true,
  async run(ctx) {
    const keys = ctx.quick ? 30 : 240
    const bare = await buildBarePages(ctx.root, join(ctx.root, OUT_DIR, 'renderer'), join(ctx.tmpDir, 'pages'))
    const library = openLibrary(join(ctx.tmpDir, 'typing.sqlite'))
    const sizes = [
      { label: '1k', words: 1_000, p95: 16 },
      { label: '10k', words: 10_000, p95: 33 },
    ]
    const stories = sizes.map((size) => insertStory(library.db, typingStory(size.words)))
    const server = await serveRenderer(ctx.root, {
      '/bench/contenteditable.html': { body: bare.contenteditable, type: 'text/html' },
      '/bench/lexical.html': { body: bare.lexical, type: 'text/html' },
      [`/bench/${bare.script.name}`]: { body: bare.script.body, type: 'text/javascript' },
    })
    const browser = await launchChromium()
    const metrics: Metric[] = []
    try {
      for (const [i, size] of sizes.entries()) {
        const story = stories[i]!
        const runs: Record<'contenteditable' | 'lexical' | 'copydesk', Typed> = {} as never
        let spellingOff: Typed | null = null
        for (const kind of ['contenteditable', 'lexical'] as const) {
          const { context, page } = await barePage(browser, server, kind, story.body)
          runs[kind] = await typeAndMeasure(page, keys)
          await context.close()
        }
        const inApp = async () => {
          const { context, page } = await appPage(browser, ctx.root, library)
          await context.addInitScript(installProbe)
          await page.goto(`${server.origin}/index.html`)
          await page.locator(`[data-story-id="${story.id}"]`).click()
          await page.getByLabel('Story body').locator('p').first().waitFor()
          // Spelling's first answer (the dictionary loaded, the story checked) comes before the typing.
          await page.waitForTimeout(1500)
          const typed = await typeAndMeasure(page, keys)
          await context.close()
          return typed
        }
        runs.copydesk = await inApp()
        if (size.label === '10k') {
          // The same story with spelling off (a story language with no dictionary: zxx, "no linguistic content").
          callChannel(library, 'spelling:story-set', { id: story.id, language: 'zxx' })
          spellingOff = await inApp()
          callChannel(library, 'spelling:story-set', { id: story.id, language: null })
        }

        const p = (kind: keyof typeof runs, q: number) => percentile(runs[kind].samples, q)
        const worst = (kind: keyof typeof runs) => Math.max(0, ...runs[kind].longTasks)
        for (const [kind, run] of Object.entries(runs)) {
          ctx.log(
            `typing.${size.label} ${kind}: ${run.samples.length} keys, p50 ${percentile(run.samples, 50).toFixed(1)} ms, p95 ${percentile(run.samples, 95).toFixed(1)} ms, ` +
              `${run.longTasks.length} long tasks (max ${Math.max(0, ...run.longTasks).toFixed(0)} ms), ${run.slowEvents.length} keydowns >= 16 ms by Event Timing`,
          )
        }
        // Each layer beside the one under it: the story editor over bare Lexical, Lexical over the browser.
        metrics.push(
          metric(`typing.${size.label}.p50`, p('copydesk', 50), 'ms', p('lexical', 50), 'lower'),
          metric(`typing.${size.label}.p95`, p('copydesk', 95), 'ms', p('lexical', 95), 'lower', size.p95),
          metric(`typing.${size.label}.longtask-max`, worst('copydesk'), 'ms', worst('lexical'), 'lower', 50),
          metric(`typing.${size.label}.lexical.p95`, p('lexical', 95), 'ms', p('contenteditable', 95), 'lower'),
        )
        if (spellingOff) {
          ctx.log(
            `typing.${size.label} spelling off: p50 ${percentile(spellingOff.samples, 50).toFixed(1)} ms, p95 ${percentile(spellingOff.samples, 95).toFixed(1)} ms, ` +
              `${spellingOff.longTasks.length} long tasks (max ${Math.max(0, ...spellingOff.longTasks).toFixed(0)} ms)`,
          )
          // Spelling on (the copydesk run) beside the same story with spelling off, in the same run.
          metrics.push(
            metric(
              `typing.${size.label}.spelling-on.p95`,
              p('copydesk', 95),
              'ms',
              percentile(spellingOff.samples, 95),
              'lower',
            ),
            // Autosave's own long task (issue 22) apart from spelling's: the story editor with spelling off.
            metric(
              `typing.${size.label}.spelling-off.longtask-max`,
              Math.max(0, ...spellingOff.longTasks),
              'ms',
              worst('lexical'),
              'lower',
              50,
            ),
          )
        }
      }
    } finally {
      await browser.close()
      await server.close()
      library.close()
    }
    return { metrics }
  },
}
