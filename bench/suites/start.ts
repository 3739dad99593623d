/// <reference lib="dom" />
import type { Browser } from '@playwright/test'
import { httpAppPage, launchChromium, newBenchContext, serveRenderer } from '../browser'
import type { Suite } from '../context'
import { metric, percentile, type Metric } from '../report'

interface StartMarks {
  listed?: number
  interactive?: number
  frames: number[]
}

declare global {
  interface Window {
    __start: StartMarks
  }
}

/**
 * Installed before the app's scripts. Each animation frame it looks at what is on screen: the
 * first frame showing a real library row is "listed"; it then opens that row (the story edited last,
 * which the app shows first) and the first frame whose editor holds the story's words is
 * "interactive". Times are from navigation start (performance.now()).
 */
export function watchStart() {
  const marks: StartMarks = { frames: [] }
  window.__start = marks
  let last = 0
  const frame = (now: number) => {
    if (last) marks.frames.push(now - last)
    last = now
    if (marks.listed === undefined) {
      const row = document.querySelector<HTMLButtonElement>('.story-list .story-row[data-story-id]')
      if (row) {
        marks.listed = performance.now()
        row.click()
      }
    } else if (marks.interactive === undefined) {
      const body = document.querySelector('[aria-label="Story body"]')
      if (body && (body.textContent ?? '').length > 100) marks.interactive = performance.now()
    }
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

/** An empty page from the same kind of origin: what loading anything at all costs. */
function watchEmpty() {
  const marks: StartMarks = { frames: [] }
  window.__start = marks
  window.addEventListener('load', () => requestAnimationFrame(() => (marks.interactive = performance.now())))
}

async function startOnce(
  browser: Browser,
  root: string,
  origin: string,
): Promise<{ listed: number; interactive: number; scroll: number[] }> {
  const { context, page } = await httpAppPage(browser, root)
  try {
    await context.addInitScript(watchStart)
    await page.goto(`${origin}/index.html`)
    await page.waitForFunction(() => window.__start.interactive !== undefined, undefined, { timeout: 60_000 })
    // Scroll the story list as an editor skimming back through weeks of copy: frame to frame times.
    await page.locator('.story-list').hover()
    await page.evaluate(() => (window.__start.frames = []))
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, 600)
      await page.waitForTimeout(40)
    }
    const marks = await page.evaluate(() => window.__start)
    return { listed: marks.listed!, interactive: marks.interactive!, scroll: marks.frames }
  } finally {
    await context.close()
  }
}

async function emptyOnce(browser: Browser, origin: string): Promise<number> {
  const context = await newBenchContext(browser)
  try {
    await context.addInitScript(watchEmpty)
    const page = await context.newPage()
    await page.goto(`${origin}${EMPTY}`)
    await page.waitForFunction(() => window.__start.interactive !== undefined)
    return await page.evaluate(() => window.__start.interactive!)
  } finally {
    await context.close()
  }
}

/** Frame to frame times on a page doing nothing: the display's own pace. */
async function idleFrames(browser: Browser, origin: string): Promise<number[]> {
  const context = await newBenchContext(browser)
  try {
    await context.addInitScript(watchStart)
    const page = await context.newPage()
    await page.goto(`${origin}${EMPTY}`)
    await page.waitForTimeout(1500)
    return await page.evaluate(() => window.__start.frames.slice(10))
  } finally {
    await context.close()
  }
}

const EMPTY = '/bench-empty.html'

export const startSuite: Suite = {
  name: 'start',
  browser: true,
  async run(ctx) {
    const runs = ctx.quick ? 1 : 8
    // The api answers from this process over local HTTP, as main answers over IPC (httpAppPage).
    const server = await serveRenderer(
      ctx.root,
      {
        [EMPTY]: { body: '<!doctype html><html lang="en"><title>empty</title><body></body></html>', type: 'text/html' },
      },
      { library: ctx.library },
    )
    const browser = await launchChromium()
    const listed: number[] = []
    const interactive: number[] = []
    const scroll: number[] = []
    const empty: number[] = []
    try {
      // The first load of each warms the OS and the browser; an editor's second start is the usual one.
      for (let i = -1; i < runs; i++) {
        const app = await startOnce(browser, ctx.root, server.origin)
        const bare = await emptyOnce(browser, server.origin)
        if (i < 0) continue
        listed.push(app.listed)
        interactive.push(app.interactive)
        scroll.push(...app.scroll)
        empty.push(bare)
      }
      const idle = await idleFrames(browser, server.origin)
      const ms = (xs: number[]) => xs.map((n) => n.toFixed(0)).join(', ')
      ctx.log(`start: listed ${ms(listed)} ms; interactive ${ms(interactive)} ms; empty page ${ms(empty)} ms`)
      const metrics: Metric[] = [
        metric('start.listed', percentile(listed, 50), 'ms', percentile(empty, 50), 'lower'),
        metric('start.interactive', percentile(interactive, 50), 'ms', percentile(empty, 50), 'lower', 1000),
        metric('list.scroll-frame.p95', percentile(scroll, 95), 'ms', percentile(idle, 95), 'lower'),
      ]
      return { metrics }
    } finally {
      await browser.close()
      await server.close()
    }
  },
}
