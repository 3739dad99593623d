import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize, resolve } from 'node:path'
import type { Library } from '../src/main/library'
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../src/main/shell/policy'
import type { BenchContext } from './context'
import { answerApi, installHttpInvoke } from './http-api'
import { chromiumLaunchOptions, VIEWPORT } from '../e2e/chromium'

export const OUT_DIR = 'out-bench'

function newestUnder(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** The renderer the app ships, built into out-bench/ (never the shared out/) when its sources changed. */
export function ensureRendererBuild(ctx: BenchContext): void {
  const index = join(ctx.root, OUT_DIR, 'renderer', 'index.html')
  const sources = Math.max(newestUnder(join(ctx.root, 'src', 'renderer')), newestUnder(join(ctx.root, 'src', 'shared')))
  if (existsSync(index) && statSync(index).mtimeMs > sources) return
  // An absolute path: a relative --outDir puts the renderer under its vite root (src/renderer/).
  ctx.log(`building the renderer into ${OUT_DIR}/ (electron-vite build)`)
  const built = spawnSync('npx', ['electron-vite', 'build', '--outDir', join(ctx.root, OUT_DIR)], {
    cwd: ctx.root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  // electron-vite can exit 0 with the renderer unbuilt, so the page itself is the proof.
  if (built.status !== 0 || !existsSync(index)) {
    const output = `${built.stdout}\n${built.stderr}`
    const cause = output.split('\n').find((line) => /error|could not|failed/i.test(line) && !/^\s+at /.test(line))
    throw new Error(`the renderer did not build into ${OUT_DIR}/: ${cause?.trim() ?? `exit ${built.status}`}`)
  }
}

/** Debian's Chromium with the e2e suite's flags (e2e/chromium.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions)
}

export { VIEWPORT }

type Bridge = typeof import('../e2e/bridge')

let bridge: Promise<Bridge> | undefined

/** e2e/bridge.ts, loaded once COPYDESK_OUT points it at out-bench/ (it reads the variable on load). */
function loadBridge(root: string): Promise<Bridge> {
  process.env.COPYDESK_OUT = resolve(root, OUT_DIR)
  bridge ??= import('../e2e/bridge')
  return bridge
}

/**
 * tsx compiles bench code with esbuild's keepNames, which wraps functions in a __name() helper;
 * functions handed to the page (init scripts, evaluate) carry those calls, so the page needs it too.
 */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await context.addInitScript({ content: 'globalThis.__name = (target) => target' })
  return context
}

export interface RendererServer {
  origin: string
  close(): Promise<void>
}

/** Extra pages the server answers with, by path (the benchmark's bare pages). */
export type ExtraPages = Record<string, { body: string; type: string }>

/**
 * The built renderer served from memory over local HTTP with the app's CSP, as the app's own
 * protocol serves it from disk. (Playwright's request interception, which the e2e bridge uses to
 * serve files, adds a round trip through this process per file; the app has no such cost, so it
 * is kept out of start-up figures.)
 */
export async function serveRenderer(
  root: string,
  extra: ExtraPages = {},
  api?: { library: Library },
): Promise<RendererServer> {
  const dir = join(root, OUT_DIR, 'renderer')
  const cache = new Map<string, Buffer>()
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    if (api && answerApi(api.library, request, response, path)) return
    const page = extra[path]
    if (page) {
      response.writeHead(200, { 'content-type': page.type })
      return response.end(page.body)
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path))
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404)
      return response.end('not found')
    }
    let body = cache.get(file)
    if (!body) cache.set(file, (body = readFileSync(file)))
    response.writeHead(200, { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY })
    response.end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

/** A fresh browser context with window.copydesk wired to the real api on `library` (e2e/bridge.ts). */
export async function appPage(
  browser: Browser,
  root: string,
  library: Library,
): Promise<{ context: BrowserContext; page: Page }> {
  const { bridgeContext } = await loadBridge(root)
  const context = await newBenchContext(browser)
  const page = await context.newPage()
  await bridgeContext(page, library)
  return { context, page }
}

/**
 * A fresh browser context whose window.copydesk reaches the api the way the app's does, by a
 * message to this process (over local HTTP to `serveRenderer(root, extra, { library })`), not by
 * Playwright's binding: the binding is a round trip through the test driver that took 90 to 650 ms
 * a call under this machine's load, and the bridge's request interception adds one to every file
 * fetched, where Electron's IPC and app:// take about a millisecond. Figures that time the api
 * from the page (start) use this.
 */
export async function httpAppPage(browser: Browser, root: string): Promise<{ context: BrowserContext; page: Page }> {
  const { installBridge } = await loadBridge(root)
  const context = await newBenchContext(browser)
  await context.addInitScript(installBridge)
  await context.addInitScript(installHttpInvoke)
  return { context, page: await context.newPage() }
}

/** Sorted samples' p-th percentile, for in-page figures. */
export { percentile } from './report'
