import { test as base, type Page } from '@playwright/test'
import { TEST_ORIGIN } from './chromium'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { dispatch } from '../src/main/api'
import { openLibrary, type Library } from '../src/main/library'
import { createFlushCoordinator, type FlushCoordinator } from '../src/main/shell/flush'
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../src/main/shell/policy'
import { findMedia } from '../src/main/library/media'
import { mediaHeaders } from '../src/main/shell/media-route'
import { mediaRequestFromPath } from '../src/shared/media'
import type { CopydeskApi, EventChannel, EventPayload } from '../src/shared/contract'

/**
 * The test bridge: the built renderer (out/renderer, or $COPYDESK_OUT/renderer) served to real
 * Chromium from a fake origin with the app's CSP, and window.copydesk wired to the real api table
 * (dispatch) on a temporary library file. The in-page object is typed `satisfies CopydeskApi`, the
 * type the preload satisfies too, so the two cannot drift.
 */
export const ORIGIN = TEST_ORIGIN
const rendererDir = resolve(process.env.COPYDESK_OUT ?? 'out', 'renderer')

declare global {
  interface Window {
    __copydeskInvoke(channel: string, input: unknown): Promise<never>
    __copydeskEmit(event: string, payload: unknown): void
  }
}

/** Runs in the page before any app script, on every navigation. */
export function installBridge() {
  const listeners = new Map<string, Set<(payload: never) => void>>()
  const copydesk = {
    invoke: (channel, input) => window.__copydeskInvoke(channel, input),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const forward = listener as (payload: never) => void
      set.add(forward)
      return () => {
        set.delete(forward)
      }
    },
  } satisfies CopydeskApi
  Object.defineProperty(window, 'copydesk', { value: copydesk })
  window.__copydeskEmit = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload as never))
}

export class Desk {
  constructor(
    readonly page: Page,
    readonly library: Library,
    private readonly flush: FlushCoordinator,
    private readonly answerDelays: Map<string, number>,
  ) {}

  /**
   * A busy machine, made repeatable: the answers on these channels reach the page `ms` later. The
   * request itself is carried out at once and in order, as main does; only the answer is late, so
   * the editor goes on typing while it is on its way. `{}` makes every answer prompt again.
   */
  slowAnswers(delays: Record<string, number>): void {
    this.answerDelays.clear()
    for (const [channel, ms] of Object.entries(delays)) this.answerDelays.set(channel, ms)
  }

  /** Push an event from "main" to the page, as webContents.send does. */
  async emit<E extends EventChannel>(event: E, payload: EventPayload<E>): Promise<void> {
    await this.page.evaluate(([e, p]) => window.__copydeskEmit(e, p), [event, payload] as const)
  }

  /** Close the window the way the Electron shell does: ask the renderer to flush, wait, close. */
  async closeWindow(): Promise<'flushed' | 'timed-out'> {
    const outcome = await this.flush.request()
    await this.page.close()
    return outcome
  }

  /** A second window on the same library (what reopening the app shows). */
  async reopen(): Promise<Page> {
    const page = await this.page.context().newPage()
    await page.goto(`${ORIGIN}/index.html`)
    return page
  }
}

export async function bridgeContext(page: Page, library: Library): Promise<Desk> {
  const context = page.context()
  await context.route(`${ORIGIN}/**`, async (route) => {
    // Pictures come from the library, as app://copydesk/media/<id> does in the app (protocol.ts).
    const wanted = mediaRequestFromPath(new URL(route.request().url()).pathname)
    if (wanted) {
      const found = findMedia(library.db, wanted.id, wanted)
      if (!found) return route.fulfill({ status: 404, body: 'not found' })
      return route.fulfill({ body: found.bytes, headers: mediaHeaders(found.type, found.bytes.length) })
    }
    const path = decodeURIComponent(new URL(route.request().url()).pathname)
    const file = join(rendererDir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(rendererDir)) return route.fulfill({ status: 404 })
    try {
      const body = await readFile(file)
      await route.fulfill({
        body,
        headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      })
    } catch {
      await route.fulfill({ status: 404, body: 'not found' })
    }
  })
  let current = page
  const flush = createFlushCoordinator((token) => {
    void current.evaluate((t) => window.__copydeskEmit('app:flush-request', { token: t }), token)
  })
  const answerDelays = new Map<string, number>()
  await context.exposeBinding('__copydeskInvoke', async ({ page: from }, channel: unknown, input: unknown) => {
    current = from
    if (channel === 'app:flushed' || channel === 'app:flush-working') {
      const { token } = input as { token: string }
      if (channel === 'app:flushed') flush.acknowledge(token)
      else flush.working(token)
      return { ok: true, value: {} }
    }
    const answer = dispatch(library, channel, input)
    const delay = typeof channel === 'string' ? answerDelays.get(channel) : undefined
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay))
    return answer
  })
  await context.addInitScript(installBridge)
  // The desk's news goes to the page as webContents.send('desk:news') does in the app (index.ts).
  library.onDesk = (news) => {
    void current.evaluate((n) => window.__copydeskEmit('desk:news', n), news).catch(() => undefined)
  }
  return new Desk(page, library, flush, answerDelays)
}

export const test = base.extend<{ library: Library; desk: Desk }>({
  // Playwright reads a fixture's dependencies from the pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  library: async ({}, use, testInfo) => {
    const library = openLibrary(testInfo.outputPath('library.sqlite'))
    await use(library)
    library.close()
  },
  desk: async ({ page, library }, use) => {
    const desk = await bridgeContext(page, library)
    await page.goto(`${ORIGIN}/index.html`)
    await use(desk)
  },
})

export { expect } from '@playwright/test'
