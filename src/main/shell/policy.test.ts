import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  appFileFor,
  decideNavigation,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  mainWindowOptions,
} from './policy'

describe('window security policy', () => {
  it('treats only app://copydesk pages (and a dev server origin, when given) as the app', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true)
    expect(isAppUrl('app://copydesk/assets/index.js')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('https://copydesk.example/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })

  it('sends only web and mail links to the system browser', () => {
    expect(isSafeExternalUrl('https://www.example.org/story')).toBe(true)
    expect(isSafeExternalUrl('mailto:desk@example.org')).toBe(true)
    for (const url of ['javascript:alert(1)', 'file:///home', 'data:text/html,<script>', 'smb://share', 'vbscript:x']) {
      expect(isSafeExternalUrl(url)).toBe(false)
    }
  })

  it('keeps the window on the app and hands safe links outside', () => {
    expect(decideNavigation('app://copydesk/index.html')).toEqual({ allow: true })
    expect(decideNavigation('https://news.example/')).toEqual({ allow: false, openExternally: true })
    expect(decideNavigation('javascript:alert(1)')).toEqual({ allow: false, openExternally: false })
    expect(decideNavigation('file:///etc/passwd')).toEqual({ allow: false, openExternally: false })
    // A story's email and phone links open in the mail and phone apps, as a web link in the browser.
    expect(decideNavigation('mailto:desk@example.org')).toEqual({ allow: false, openExternally: true })
    expect(decideNavigation('tel:+442079460000')).toEqual({ allow: false, openExternally: true })
    expect(decideNavigation('data:text/html,x')).toEqual({ allow: false, openExternally: false })
  })

  it('answers IPC only from the top frame of the app page', () => {
    expect(isTrustedSender({ url: 'app://copydesk/index.html' })).toBe(true)
    expect(isTrustedSender({ url: 'app://copydesk/index.html', parent: {} })).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/' })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
  })

  it('opens the window isolated: sandbox, context isolation, no node, no webviews', () => {
    const { webPreferences, show } = mainWindowOptions('/app/out/preload/index.js', { width: 1000, height: 700 })
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(show).toBe(false)
  })

  it('has a CSP with no inline or remote script and nothing by default', () => {
    const directives: Record<string, string> = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d): [string, string] => [d.split(' ')[0]!, d]),
    )
    expect(directives['default-src']).toBe("default-src 'none'")
    expect(directives['script-src']).toBe("script-src 'self' 'wasm-unsafe-eval'")
    expect(directives['object-src']).toBe("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/)
  })

  it('maps app URLs to files inside the renderer folder and nothing outside it', () => {
    expect(appFileFor('app://copydesk/', '/app/renderer')).toBe('/app/renderer/index.html')
    expect(appFileFor('app://copydesk/assets/a.js', '/app/renderer/')).toBe('/app/renderer/assets/a.js')
    // The URL parser resolves encoded dot segments at the root: the path stays inside the folder.
    expect(appFileFor('app://copydesk/%2e%2e/%2e%2e/etc/passwd', '/app/renderer')).toBe('/app/renderer/etc/passwd')
    expect(appFileFor('app://copydesk/assets/..%2f..%2fsecret', '/app/renderer')).toBeNull()
    expect(appFileFor('app://copydesk/a%5c..%5cb', '/app/renderer')).toBeNull()
    expect(appFileFor('app://other/index.html', '/app/renderer')).toBeNull()
    expect(appFileFor('app://copydesk/%E0%A4%A', '/app/renderer')).toBeNull()
  })
})
