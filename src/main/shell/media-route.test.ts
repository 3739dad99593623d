import { describe, expect, it } from 'vitest'
import { mediaPreviewSrc, mediaSrc } from '../../shared/media'
import { mediaRequestForUrl } from './media-route'

const id = '0f'.repeat(32)

describe('the address a picture is served at', () => {
  it('maps app://copydesk/media/<id> (and its preview) to the id, which is what the renderer’s relative src resolves to', () => {
    const page = 'app://copydesk/index.html'
    expect(mediaRequestForUrl(new URL(mediaSrc(id), page).href)).toEqual({ id, preview: false })
    expect(mediaRequestForUrl(new URL(mediaPreviewSrc(id), page).href)).toEqual({ id, preview: true })
  })

  it.each([
    ['another host', `app://elsewhere/media/${id}`],
    ['another scheme', `https://copydesk/media/${id}`],
    ['a short id', 'app://copydesk/media/abc123'],
    ['upper-case hex', `app://copydesk/media/${id.toUpperCase()}`],
    ['a deeper path', `app://copydesk/media/${id}/x`],
    ['a preview of a deeper path', `app://copydesk/media/${id}/preview/x`],
    ['a climb out', `app://copydesk/media/../index.html`],
    ['an encoded slash', `app://copydesk/media%2F${id}`],
    ['a query', `app://copydesk/media/${id}?download=1`],
    ['renderer files', 'app://copydesk/index.html'],
    ['nonsense', 'not a url'],
  ])('answers nothing for %s', (_what, url) => {
    expect(mediaRequestForUrl(url)).toBeNull()
  })
})
