import { mediaRequestFromPath, type MediaRequest } from '../../shared/media'
import { APP_HOST, APP_SCHEME } from './policy'

/**
 * app://copydesk/media/<sha256> is a picture from the library, and .../preview its preview. Pure,
 * so it is tested in plain Node; protocol.ts (the app) and e2e/bridge.ts (the tests) answer it.
 */
export function mediaRequestForUrl(url: string): MediaRequest | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.search) return null
  return mediaRequestFromPath(parsed.pathname)
}

/**
 * The headers a picture is served with. The bytes behind an id never change (the id is their
 * hash), so they may be cached for good; nosniff keeps the browser to the type the library read.
 */
export function mediaHeaders(type: string, size: number): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Length': String(size),
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  }
}
