import { describe, expect, it } from 'vitest'
import { mediaSrc } from '../../shared/media'
import { mediaIdForUrl } from './media-route'

const id = '0f'.repeat(32)

describe('the address a picture is served at', () => {
  it('maps app://copydesk/media/<id> to the id, which is what the renderer’s relative src resolves to', () => {
    expect(mediaIdForUrl(new URL(mediaSrc(id), 'app://copydesk/index.html').href)).toBe(id)
  })

  it.each([
    ['another host', `app://elsewhere/media/${id}`],
    ['another scheme', `https://copydesk/media/${id}`],
    ['a short id', 'app://copydesk/media/abc123'],
    ['upper-case hex', `app://copydesk/media/${id.toUpperCase()}`],
    ['a deeper path', `app://copydesk/media/${id}/x`],
    ['a climb out', `app://copydesk/media/../index.html`],
    ['an encoded slash', `app://copydesk/media%2F${id}`],
    ['a query', `app://copydesk/media/${id}?download=1`],
    ['renderer files', 'app://copydesk/index.html'],
    ['nonsense', 'not a url'],
  ])('answers nothing for %s', (_what, url) => {
    expect(mediaIdForUrl(url)).toBeNull()
  })
})
