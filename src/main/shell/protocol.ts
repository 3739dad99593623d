import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { APP_SCHEME, CONTENT_SECURITY_POLICY, appFileFor, mimeTypeOf } from './policy'
import { mediaHeaders, mediaRequestForUrl } from './media-route'
import type { MediaRequest } from '../../shared/media'

/** A picture's bytes, or its preview's (the library's findMedia), or null when there is no such picture. */
export type MediaSource = (request: MediaRequest) => { type: string; bytes: Uint8Array } | null

/** Must run before app 'ready': app:// behaves like https (secure context, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the renderer's compiled script between starts (Electron >= 28, standard
    // schemes only): the 823 KB bundle's compile is ~140 ms of CPU on every start without it
    // (docs/benchmarks.md, "Start: the renderer's boot"). Only the Electron spec can see it work.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

/** Serve the built renderer from app://copydesk/, never from file://, and library pictures at app://copydesk/media/<id>. */
export function serveRenderer(rendererDir: string, media?: MediaSource): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const wanted = media && mediaRequestForUrl(request.url)
    if (wanted) {
      const found = media(wanted)
      if (!found) return new Response('Not found', { status: 404 })
      return new Response(found.bytes as Uint8Array<ArrayBuffer>, {
        headers: mediaHeaders(found.type, found.bytes.byteLength),
      })
    }
    const file = appFileFor(request.url, rendererDir)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: { 'Content-Type': mimeTypeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
