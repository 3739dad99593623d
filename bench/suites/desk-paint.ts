/// <reference lib="dom" />
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { TEST_ORIGIN } from '../../e2e/chromium'
import { openLibrary, type Library } from '../../src/main/library'
import { DeskSession, joinDesk } from '../../src/main/library/desk/session'
import { createStory } from '../../src/main/library/stories'
import { bodyFromParagraphs } from '../../src/shared/body'
import { PASSWORD } from '../../test/team/harness'
import { appPage, ensureRendererBuild, launchChromium } from '../browser'
import type { BenchContext } from '../context'
import { percentile } from '../report'

/** What A types, one key at a time: text found nowhere else in the story. */
const TYPED = 'Quayside pontoons reopen at dawn while divers check the piers below.'

declare global {
  interface Window {
    /** Resolves with the wall-clock time (timeOrigin + now) of the first frame painted with `text` in the body. */
    __paintedWith(text: string): Promise<number>
    /** A's keydowns on the wall clock. */
    __keyAt: number[]
  }
}

/**
 * In each page before its scripts: a MutationObserver on the document notices the body's text
 * holding what is awaited; the next animation frame, then a message, runs once that frame is
 * painted (the typing suite's method). Times are performance.timeOrigin + now, one clock for
 * both pages on one machine.
 */
function installPaintProbe() {
  window.__keyAt = []
  window.addEventListener('keydown', (event) => window.__keyAt.push(performance.timeOrigin + event.timeStamp), true)
  window.__paintedWith = (text: string) =>
    new Promise<number>((resolve) => {
      const holds = () => document.querySelector('[aria-label="Story body"]')?.textContent?.includes(text) ?? false
      const painted = () =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now())
          channel.port2.postMessage(null)
        })
      if (holds()) return painted()
      const observer = new MutationObserver(() => {
        if (!holds()) return
        observer.disconnect()
        painted()
      })
      observer.observe(document, { subtree: true, childList: true, characterData: true })
    })
}

async function editorOn(browser: Browser, ctx: BenchContext, library: Library, headline: string): Promise<Page> {
  const { page } = await appPage(browser, ctx.root, library)
  await page.addInitScript(installPaintProbe)
  await page.goto(`${TEST_ORIGIN}/index.html`)
  await page.getByRole('grid', { name: 'Stories' }).getByRole('button').filter({ hasText: headline }).click()
  await page.getByRole('textbox', { name: 'Story body', exact: true }).getByText('The ferry').waitFor()
  return page
}

export interface KeystrokeToPaint {
  /** Keystroke in A's window to its paint in B's window, ms. */
  other: number[]
  /** The same keystroke to its paint in A's own window (the floor), ms. */
  own: number[]
}

/**
 * The acceptance figure: a key typed in A's window (Chromium, bridged to A's library) to
 * the frame that shows it in B's window (another Chromium page on B's library), both holding the
 * shared story open, through the desk server. Each key waits for its paint in B before the next.
 */
export async function keystrokeToPaint(
  ctx: BenchContext,
  url: string,
  keys: number,
  names: readonly [string, string] = ['ann', 'bob'],
): Promise<KeystrokeToPaint> {
  ensureRendererBuild(ctx)
  const libraries: Library[] = []
  const sessions: DeskSession[] = []
  const browser = await launchChromium()
  try {
    const join2 = async (name: string) => {
      const library = openLibrary(join(ctx.tmpDir, `paint-${name}.sqlite`))
      const session = new DeskSession(library, await joinDesk(library, url, name, PASSWORD))
      session.startFollowing()
      libraries.push(library)
      sessions.push(session)
      return { library, session }
    }
    const ann = await join2(names[0])
    const bob = await join2(names[1])
    const headline = 'Ferry terminal reopens'
    const story = createStory(ann.library.db, {
      headline,
      body: bodyFromParagraphs(['The ferry terminal reopens on Friday.', 'Crews worked through the night.']),
    })
    await ann.session.share(story.id)
    await bob.session.follow()
    const a = await editorOn(browser, ctx, ann.library, headline)
    const b = await editorOn(browser, ctx, bob.library, headline)
    await a.getByRole('textbox', { name: 'Story body', exact: true }).getByText('The ferry').click()
    await a.keyboard.press('End')
    await a.keyboard.type(' ')
    await b.evaluate(() => window.__paintedWith('Friday. '))

    const result: KeystrokeToPaint = { other: [], own: [] }
    for (let i = 0; i < keys; i++) {
      const shown = `Friday. ${TYPED.slice(0, (i % TYPED.length) + 1)}`
      if (i > 0 && i % TYPED.length === 0) throw new Error('typed more keys than the text has')
      const inB = b.evaluate((text) => window.__paintedWith(text), shown)
      const inA = a.evaluate((text) => window.__paintedWith(text), shown)
      await a.keyboard.type(TYPED[i % TYPED.length]!)
      const keyAt = await a.evaluate(() => window.__keyAt.at(-1)!)
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`key ${i + 1} did not reach B's window in 30 s`)), 30_000).unref(),
      )
      const [paintedA, paintedB] = await Promise.race([Promise.all([inA, inB]), timeout])
      result.own.push(paintedA - keyAt)
      result.other.push(paintedB - keyAt)
    }
    return result
  } finally {
    await browser.close()
    for (const session of sessions) session.close()
    for (const library of libraries) library.close()
  }
}

export const p50 = (xs: number[]) => percentile(xs, 50)
export const p95 = (xs: number[]) => percentile(xs, 95)
