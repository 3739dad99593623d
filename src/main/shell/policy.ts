import { LINK_PROTOCOLS } from '../../shared/links'

/**
 * The security rules of the window, as pure functions so they are unit-tested in plain Node.
 * security.ts, protocol.ts and ipc.ts apply them to Electron objects.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'copydesk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * No inline script, no remote anything. Styles may be inline (React sets style attributes); images
 * come from the app's own protocol (library media) or data: URLs; the export preview is a
 * sandboxed frame with its own, stricter policy. 'wasm-unsafe-eval' lets the spelling worker
 * compile Hunspell's WebAssembly (bundled with the app); it allows no JavaScript eval, and scripts
 * still come only from the app itself (docs/spelling.md).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** Only the app's own pages may be shown in the window. */
export function isAppUrl(url: string, devServerOrigin?: string): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  return devServerOrigin !== undefined && parsed.origin === devServerOrigin
}

/** Links an editor opens go to the system browser (mail, phone app), and only the kinds a story may carry. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url)
  return parsed !== null && LINK_PROTOCOLS.includes(parsed.protocol)
}

/** An IPC call is answered only when it comes from the app's own top-level page. */
export function isTrustedSender(
  frame: { url: string; parent?: unknown } | null | undefined,
  devServerOrigin?: string,
): boolean {
  if (!frame) return false
  if (frame.parent) return false
  return isAppUrl(frame.url, devServerOrigin)
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: boolean }

/** What happens when the page tries to go somewhere: stay if it is the app, else maybe the browser. */
export function decideNavigation(url: string, devServerOrigin?: string): NavigationDecision {
  if (isAppUrl(url, devServerOrigin)) return { allow: true }
  return { allow: false, openExternally: isSafeExternalUrl(url) }
}

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized?: boolean
}

/** The main window's options: every isolation Electron offers, none turned off. */
export function mainWindowOptions(preloadPath: string, bounds: WindowBounds) {
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Copydesk',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
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
      spellcheck: true,
    },
  } as const
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

export function mimeTypeOf(path: string): string {
  const dot = path.lastIndexOf('.')
  return (dot >= 0 && MIME[path.slice(dot).toLowerCase()]) || 'application/octet-stream'
}

/**
 * Map app://copydesk/<path> to a file under the renderer folder. Anything that would climb out of
 * it (.., encoded slashes, another host) gives null, and the protocol answers 404.
 */
export function appFileFor(url: string, rendererDir: string): string | null {
  const parsed = parse(url)
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path === '/' || path === '') path = '/index.html'
  if (path.includes('\0') || path.includes('\\')) return null
  const parts = path.split('/').filter(Boolean)
  if (parts.some((part) => part === '..' || part === '.')) return null
  const base = rendererDir.replace(/[\\/]+$/, '')
  return [base, ...parts].join('/')
}
