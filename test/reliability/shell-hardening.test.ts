import { CspEvaluator, CspParser, Version } from '@doyensec/csp-evaluator'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { repoRoot } from './bundle'

/**
 * The Electron shell's security glue, driven for real in plain Node: security.ts and protocol.ts
 * register their handlers on stand-ins for Electron's session, app, shell and protocol, and the
 * tests call those handlers as Electron would. (policy.test.ts covers the pure rules; here are the
 * hostile cases and the wiring.)
 */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void
  const state = {
    permissionRequest: null as
      null | ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    headers: null as
      null | ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void),
    appListeners: new Map<string, Listener>(),
    opened: [] as string[],
    protocolHandler: null as null | ((request: { url: string }) => Promise<Response>),
  }
  return state
})

vi.mock('electron', () => ({
  app: { on: (event: string, listener: (...args: unknown[]) => void) => electron.appListeners.set(event, listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof electron.permissionRequest) =>
        (electron.permissionRequest = handler),
      setPermissionCheckHandler: (handler: typeof electron.permissionCheck) => (electron.permissionCheck = handler),
      webRequest: { onHeadersReceived: (handler: typeof electron.headers) => (electron.headers = handler) },
    },
  },
  shell: { openExternal: (url: string) => (electron.opened.push(url), Promise.resolve()) },
  protocol: {
    handle: (_scheme: string, handler: typeof electron.protocolHandler) => (electron.protocolHandler = handler),
    registerSchemesAsPrivileged: () => {},
  },
}))

const { installSecurity } = await import('../../src/main/shell/security')
const { serveRenderer } = await import('../../src/main/shell/protocol')
const { APP_ENTRY, CONTENT_SECURITY_POLICY, appFileFor, decideNavigation, isTrustedSender, mainWindowOptions } =
  await import('../../src/main/shell/policy')

/** A web contents as security.ts sees one: it records the handlers it is given. */
function fakeContents() {
  const listeners = new Map<string, (event: unknown, ...rest: unknown[]) => void>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  return {
    on: (event: string, listener: (event: unknown, ...rest: unknown[]) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    navigate(url: string, event = 'will-navigate'): boolean {
      let prevented = false
      const e = { preventDefault: () => (prevented = true), url, isMainFrame: true }
      listeners.get(event)!(e, url)
      return !prevented
    },
    open: (url: string) => openHandler!({ url }),
    attachWebview(): boolean {
      let prevented = false
      listeners.get('will-attach-webview')!({ preventDefault: () => (prevented = true) })
      return !prevented
    },
  }
}

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://server/share/payroll.xlsx',
  'blob:app://copydesk/1234',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'app://copydesk.attacker.invalid/index.html',
  'app://attacker.invalid/index.html',
  'app://copydesk@attacker.invalid/index.html',
  'ms-msdt:/id PCWDiagnostic',
  'smb://attacker.invalid/share',
  'ftp://attacker.invalid/file',
  'zoommtg://attacker.invalid/join',
  'itms-services://?action=download-manifest',
  '\\\\attacker.invalid\\share',
  'not a url at all',
  '',
]

describe('navigation and new windows (the real handlers of security.ts)', () => {
  beforeEach(() => {
    electron.opened.length = 0
    electron.appListeners.clear()
    installSecurity(undefined)
  })

  function contents() {
    const c = fakeContents()
    electron.appListeners.get('web-contents-created')!({}, c)
    return c
  }

  it('keeps the window on the app, and hands no hostile address to the system', () => {
    const c = contents()
    expect(c.navigate(APP_ENTRY)).toBe(true)
    for (const url of HOSTILE_URLS) {
      for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
        expect(c.navigate(url, event), `${event} ${url}`).toBe(false)
      }
      expect(c.open(url), `window.open ${url}`).toEqual({ action: 'deny' })
    }
    expect(electron.opened).toEqual([])
  })

  it('opens web and mail links in the system browser, never in a window of its own', () => {
    const c = contents()
    for (const url of ['https://www.example.org/story', 'http://example.org/', 'mailto:desk@example.org']) {
      expect(c.navigate(url)).toBe(false)
      expect(c.open(url)).toEqual({ action: 'deny' })
    }
    expect(electron.opened).toEqual([
      'https://www.example.org/story',
      'https://www.example.org/story',
      'http://example.org/',
      'http://example.org/',
      'mailto:desk@example.org',
      'mailto:desk@example.org',
    ])
  })

  it('attaches no webview, grants no permission, and puts the CSP on every response', () => {
    const c = contents()
    expect(c.attachWebview()).toBe(false)
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
      'usb',
    ]) {
      let granted: boolean | undefined
      electron.permissionRequest!({}, permission, (ok) => (granted = ok))
      expect(granted, permission).toBe(false)
      expect(electron.permissionCheck!({}, permission, 'app://copydesk', {})).toBe(false)
    }
    let headers: Record<string, string[]> = {}
    electron.headers!(
      { responseHeaders: { 'Content-Security-Policy': ["default-src *; script-src 'unsafe-inline'"] } },
      (r) => {
        headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders
      },
    )
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
  })

  it('trusts an IPC sender only as the app’s own top frame, however the address is dressed up', () => {
    for (const url of HOSTILE_URLS) expect(isTrustedSender({ url }), url).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender({ url: 'http://localhost:5173.attacker.invalid/' }, 'http://localhost:5173')).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: {} }, 'http://localhost:5173')).toBe(false)
    for (const url of HOSTILE_URLS) expect(decideNavigation(url)).toMatchObject({ allow: false, openExternally: false })
  })
})

describe('the app:// protocol (the real handler of protocol.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-protocol-'))
  const renderer = join(dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Copydesk</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'the library password')
  const picture = { type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]) }
  const mediaId = 'a'.repeat(64)
  serveRenderer(renderer, (wanted) => (wanted.id === mediaId ? picture : null))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const get = (url: string) => electron.protocolHandler!({ url })

  it('serves the renderer with the CSP, and nothing outside its folder', async () => {
    const page = await get('app://copydesk/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await get('app://copydesk/assets/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/)
    for (const url of [
      'app://copydesk/../secret.txt',
      'app://copydesk/%2e%2e/secret.txt',
      'app://copydesk/assets/..%2f..%2fsecret.txt',
      'app://copydesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://copydesk/..%5csecret.txt',
      'app://copydesk/%252e%252e/secret.txt',
      'app://copydesk/index.html%00.png',
      `app://copydesk/${dir}/secret.txt`,
      'app://other/index.html',
    ]) {
      const response = await get(url)
      const body = await response.text()
      expect(body, url).not.toContain('the library password')
    }
  })

  it('serves library pictures as what they are, never as something a browser would run', async () => {
    const response = await get(`app://copydesk/media/${mediaId}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await get(`app://copydesk/media/${'b'.repeat(64)}`)).status).toBe(404)
    expect((await get(`app://copydesk/media/${mediaId}?x=1`)).status).toBe(404)
  })

  it('maps no hostile address to a file outside the renderer folder', () => {
    for (const url of HOSTILE_URLS) {
      const file = appFileFor(url, '/app/renderer')
      expect(file === null || file.startsWith('/app/renderer/'), url).toBe(true)
    }
  })
})

describe('the window and its content security policy', () => {
  it('turns on every isolation Electron has, whatever the bounds', () => {
    const { webPreferences } = mainWindowOptions('/p.js', { width: 10, height: 10, x: -5000, y: 99999 })
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
    // Nothing that would turn isolation off again.
    expect(Object.keys(webPreferences)).not.toEqual(
      expect.arrayContaining([
        'enableRemoteModule',
        'enableBlinkFeatures',
        'disableBlinkFeatures',
        'additionalArguments',
      ]),
    )
  })

  it('gives Google’s CSP evaluator nothing worse than its note on script-src self', () => {
    const findings = new CspEvaluator(new CspParser(CONTENT_SECURITY_POLICY).csp, Version.CSP3).evaluate()
    expect(findings.map((f) => `${f.directive}: ${f.description}`)).toEqual([
      "script-src: 'self' can be problematic if you host JSONP, Angular or user uploaded files.",
      // CSP Level 3's keyword for compiling WebAssembly (the spelling worker's Hunspell) and nothing
      // else: no eval of JavaScript. The evaluator predates it and calls it unknown.
      "script-src: 'wasm-unsafe-eval' seems to be an invalid CSP keyword.",
    ])
  })

  it('has a page CSP (index.html) no looser than the header', () => {
    // The page may be stricter than the header: it compiles no WebAssembly (only the spelling
    // worker does, under the header's policy), so its script-src leaves 'wasm-unsafe-eval' out.
    const html = readFileSync(join(repoRoot, 'src', 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const directives = (policy: string) =>
      new Map(
        policy
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name!, values.sort().join(' ')]),
      )
    const header = directives(CONTENT_SECURITY_POLICY)
    for (const [name, values] of directives(meta!)) {
      const allowed = new Set(header.get(name)?.split(' '))
      expect(
        values.split(' ').filter((value) => !allowed.has(value)),
        `${name} allows what the header does not`,
      ).toEqual([])
    }
    // frame-ancestors is ignored in a meta tag; the header carries it.
    for (const name of header.keys())
      if (name !== 'frame-ancestors') expect(directives(meta!).has(name), name).toBe(true)
  })
})
