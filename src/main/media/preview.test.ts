import sharp, { type Sharp } from 'sharp'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../api'
import { findMedia } from '../library/media'
import { sniffImage } from './sniff-image'
import type { Reply } from '../../shared/contract'
import {
  MAX_PICTURE_SIDE,
  type MediaAdded,
  PREVIEW_HEIGHT,
  PREVIEW_MAX_PIXELS,
  PREVIEW_MAX_WIDTH,
} from '../../shared/media'
import { useTempLibraries } from '@test/library-fixture'

/** #24.7: one picture can never make the app decode more than a preview's pixels. */

const libraries = useTempLibraries()

function crc32(bytes: Buffer): number {
  let c = ~0
  for (const byte of bytes) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A well-formed PNG header claiming any size, with a token of pixel data: what a hostile file looks like. */
function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function add(data: Buffer, name: string) {
  const library = libraries.open()
  const reply = (await dispatch(library, 'media:add', { name, data: new Uint8Array(data) })) as Reply<MediaAdded>
  return { library, reply }
}

describe('pictures no screen can show (#24.7)', () => {
  it.each([
    [1, 250_000_000],
    [250_000_000, 1],
    [MAX_PICTURE_SIDE + 1, 10],
    [10, 40_000],
  ])('%i × %i is refused in words before a pixel is decoded', async (width, height) => {
    const { reply } = await add(pngClaiming(width, height), 'strip.png')
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid-input')
    expect(reply.error.message).toMatch(
      /^strip\.png was not added: it is [\d,]+ × [\d,]+ pixels; no screen can show a side longer than 32,767 pixels/,
    )
  })
})

describe('a small file of many pixels (#24.7)', () => {
  it.each([
    ['a square PNG', 6000, 6000, (s: Sharp) => s.png()],
    ['a panorama at the longest side', MAX_PICTURE_SIDE, 400, (s: Sharp) => s.png()],
    ['a JPEG', 5000, 4000, (s: Sharp) => s.jpeg({ quality: 30 })],
  ])('%s is shown through a preview main makes, within the budget', async (_, width, height, encode) => {
    const bytes = await encode(sharp({ create: { width, height, channels: 3, background: '#2a6f97' } })).toBuffer()
    expect(bytes.length).toBeLessThan(1024 * 1024) // small enough that the renderer makes no preview of its own
    const { library, reply } = await add(bytes, 'flat.png')
    expect(reply.ok).toBe(true)
    if (!reply.ok) return
    expect(reply.value).toMatchObject({ width, height })
    const shown = findMedia(library.db, reply.value.mediaId, { preview: true })!
    const sniffed = sniffImage(shown.bytes)
    if (!sniffed.ok) throw new Error(sniffed.reason)
    expect(sniffed.image.width * sniffed.image.height).toBeLessThanOrEqual(PREVIEW_MAX_PIXELS)
    expect(sniffed.image.width).toBeLessThanOrEqual(PREVIEW_MAX_WIDTH)
    expect(sniffed.image.height).toBeLessThanOrEqual(PREVIEW_HEIGHT)
    // The picture itself is kept byte for byte, for export.
    expect(Buffer.compare(findMedia(library.db, reply.value.mediaId)!.bytes, bytes)).toBe(0)
  })

  it('a picture the app can show itself gets no preview', async () => {
    const bytes = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#e9c46a' } })
      .png()
      .toBuffer()
    const { library, reply } = await add(bytes, 'small.png')
    if (!reply.ok) throw new Error(reply.error.message)
    expect(Buffer.compare(findMedia(library.db, reply.value.mediaId, { preview: true })!.bytes, bytes)).toBe(0)
  })
})
