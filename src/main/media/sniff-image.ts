import { crc32 } from 'node:zlib'
import {
  ACCEPTED_PICTURES,
  MAX_PICTURE_PIXELS,
  MAX_PICTURE_SIDE,
  PICTURE_TYPE_NAMES,
  type PictureType,
} from '../../shared/media'

/**
 * What a file is, read from its bytes (never its name), and how big the picture is. Each reader
 * walks the format's own structure (JPEG markers, PNG chunks, GIF blocks, RIFF chunks, ISO boxes)
 * far enough to find the size and to notice a file that was cut short or is not what it claims:
 * such a file is "broken" and refused. Pixels are not decoded; the renderer's browser does that.
 */

export interface SniffedImage {
  type: PictureType
  width: number
  height: number
}

export type SniffResult = { ok: true; image: SniffedImage } | { ok: false; reason: string }

class Broken extends Error {}

function broken(why: string): never {
  throw new Broken(why)
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(length, bytes.length - start))).toString(
    'latin1',
  )

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function need(bytes: Uint8Array, end: number, what: string): void {
  if (end > bytes.length) broken(`it ends in the middle of its ${what} (the file was cut short)`)
}

/* ---------- JPEG ---------- */

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/** Each marker segment is walked up to the first scan; the scan data must then reach an end marker. */
function readJpeg(bytes: Uint8Array): SniffedImage {
  const data = view(bytes)
  let offset = 2
  let size: { width: number; height: number } | null = null
  for (;;) {
    need(bytes, offset + 2, 'headers')
    if (bytes[offset] !== 0xff) broken(`its headers are damaged (no marker at byte ${offset})`)
    const marker = bytes[offset + 1]!
    if (marker === 0xff) {
      offset++ // fill byte
      continue
    }
    if (marker === 0xd9) broken('it has no image data')
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2
      continue
    }
    need(bytes, offset + 4, 'headers')
    const length = data.getUint16(offset + 2)
    if (length < 2) broken('its headers are damaged')
    need(bytes, offset + 2 + length, 'headers')
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) broken('its frame header is damaged')
      size = { height: data.getUint16(offset + 5), width: data.getUint16(offset + 7) }
    }
    if (marker === 0xda) {
      if (!size) broken('it has image data but no frame header')
      const scanStart = offset + 2 + length
      if (!hasEndOfImage(bytes, scanStart)) broken('its image data stops short (the file was cut short)')
      // A height of 0 means "given later" (DNL); browsers rarely show such files: treat as broken.
      if (size.width === 0 || size.height === 0) broken('its frame header gives no size')
      return { type: 'image/jpeg', ...size }
    }
    offset += 2 + length
  }
}

/** The end-of-image marker cannot occur inside entropy-coded data, so finding it after the scan is enough. */
function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
  const eoi = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(Buffer.from([0xff, 0xd9]))
  return eoi >= from
}

/* ---------- PNG ---------- */

function readPng(bytes: Uint8Array): SniffedImage {
  const data = view(bytes)
  need(bytes, 33, 'header')
  if (data.getUint32(8) !== 13 || ascii(bytes, 12, 4) !== 'IHDR') broken('its header chunk is missing')
  if (crc32(bytes.subarray(12, 29)) !== data.getUint32(29)) broken('its header chunk is damaged (checksum)')
  const width = data.getUint32(16)
  const height = data.getUint32(20)
  if (width === 0 || height === 0) broken('its header gives no size')
  let offset = 8
  let sawData = false
  for (;;) {
    need(bytes, offset + 12, 'chunks')
    const length = data.getUint32(offset)
    const type = ascii(bytes, offset + 4, 4)
    if (!/^[A-Za-z]{4}$/.test(type)) broken(`its chunks are damaged (at byte ${offset})`)
    need(bytes, offset + 12 + length, `${type} chunk`)
    if (type === 'IDAT') sawData = true
    if (type === 'IEND') break
    offset += 12 + length
  }
  if (!sawData) broken('it has no image data')
  return { type: 'image/png', width, height }
}

/* ---------- GIF ---------- */

function skipSubBlocks(bytes: Uint8Array, offset: number): number {
  for (;;) {
    need(bytes, offset + 1, 'data blocks')
    const size = bytes[offset]!
    offset += 1 + size
    if (size === 0) return offset
  }
}

function readGif(bytes: Uint8Array): SniffedImage {
  const data = view(bytes)
  need(bytes, 13, 'header')
  const width = data.getUint16(6, true)
  const height = data.getUint16(8, true)
  if (width === 0 || height === 0) broken('its header gives no size')
  const flags = bytes[10]!
  let offset = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0)
  let frames = 0
  for (;;) {
    need(bytes, offset + 1, 'blocks')
    const introducer = bytes[offset]!
    if (introducer === 0x3b) break
    if (introducer === 0x21) {
      need(bytes, offset + 2, 'extension')
      offset = skipSubBlocks(bytes, offset + 2)
    } else if (introducer === 0x2c) {
      need(bytes, offset + 10, 'frame header')
      const local = bytes[offset + 9]!
      offset += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0)
      need(bytes, offset + 1, 'frame')
      offset = skipSubBlocks(bytes, offset + 1)
      frames++
    } else {
      broken(`its blocks are damaged (at byte ${offset})`)
    }
  }
  if (frames === 0) broken('it has no image data')
  return { type: 'image/gif', width, height }
}

/* ---------- WebP ---------- */

function readWebp(bytes: Uint8Array): SniffedImage {
  const data = view(bytes)
  const riffEnd = 8 + data.getUint32(4, true)
  need(bytes, riffEnd, 'RIFF container')
  need(bytes, 20, 'header')
  let width = 0
  let height = 0
  let sawImage = false
  for (let offset = 12; offset + 8 <= riffEnd;) {
    const type = ascii(bytes, offset, 4)
    const length = data.getUint32(offset + 4, true)
    const body = offset + 8
    need(bytes, body + length, `${type.trim()} chunk`)
    if (type === 'VP8X' && length >= 10) {
      width = 1 + (data.getUint32(body + 4, true) & 0xffffff)
      height = 1 + (data.getUint32(body + 7, true) & 0xffffff)
    } else if (type === 'VP8 ') {
      if (length < 10 || bytes[body + 3] !== 0x9d || bytes[body + 4] !== 0x01 || bytes[body + 5] !== 0x2a) {
        broken('its lossy image header is damaged')
      }
      if (!width) {
        width = data.getUint16(body + 6, true) & 0x3fff
        height = data.getUint16(body + 8, true) & 0x3fff
      }
      sawImage = true
    } else if (type === 'VP8L') {
      if (length < 5 || bytes[body] !== 0x2f) broken('its lossless image header is damaged')
      if (!width) {
        const bits = data.getUint32(body + 1, true)
        width = 1 + (bits & 0x3fff)
        height = 1 + ((bits >>> 14) & 0x3fff)
      }
      sawImage = true
    } else if (type === 'ANMF') {
      sawImage = true
    }
    offset = body + length + (length % 2)
  }
  if (!sawImage) broken('it has no image data')
  if (width === 0 || height === 0) broken('its header gives no size')
  return { type: 'image/webp', width, height }
}

/* ---------- AVIF (ISO base media file) ---------- */

interface Box {
  type: string
  start: number
  end: number
}

function* boxes(bytes: Uint8Array, start: number, end: number): Generator<Box> {
  const data = view(bytes)
  for (let offset = start; offset + 8 <= end;) {
    let size = data.getUint32(offset)
    const type = ascii(bytes, offset + 4, 4)
    let header = 8
    if (size === 1) {
      need(bytes, offset + 16, `${type} box`)
      size = Number(data.getBigUint64(offset + 8))
      header = 16
    } else if (size === 0) {
      size = end - offset // to the end of the file
    }
    if (size < header) broken(`its ${type} box is damaged`)
    if (offset + size > end) broken(`its ${type} box runs past the end (the file was cut short)`)
    yield { type, start: offset + header, end: offset + size }
    offset += size
  }
}

function child(bytes: Uint8Array, parent: Box, type: string, skip = 0): Box | undefined {
  for (const box of boxes(bytes, parent.start + skip, parent.end)) if (box.type === type) return box
  return undefined
}

const AVIF_BRANDS = new Set(['avif', 'avis'])

function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return false
  const size = view(bytes).getUint32(0)
  if (size < 16 || size > bytes.length) return false
  for (let offset = 8; offset + 4 <= size; offset += 4) {
    if (offset === 12) continue // minor version
    if (AVIF_BRANDS.has(ascii(bytes, offset, 4))) return true
  }
  return false
}

/** The picture's size is the largest "ispe" (image spatial extent) property: the full image, not a tile. */
function readAvif(bytes: Uint8Array): SniffedImage {
  const top = [...boxes(bytes, 0, bytes.length)]
  const meta = top.find((b) => b.type === 'meta')
  if (!meta) broken('it has no meta box')
  if (!top.some((b) => b.type === 'mdat')) broken('it has no image data')
  const iprp = child(bytes, meta, 'iprp', 4) // meta is a full box: 4 bytes of version and flags
  const ipco = iprp && child(bytes, iprp, 'ipco')
  if (!ipco) broken('it has no image properties')
  const data = view(bytes)
  let width = 0
  let height = 0
  for (const box of boxes(bytes, ipco.start, ipco.end)) {
    if (box.type !== 'ispe' || box.end - box.start < 12) continue
    const w = data.getUint32(box.start + 4)
    const h = data.getUint32(box.start + 8)
    if (w * h > width * height) [width, height] = [w, h]
  }
  if (width === 0 || height === 0) broken('it gives no image size')
  return { type: 'image/avif', width, height }
}

/* ---------- recognising ---------- */

type Reader = (bytes: Uint8Array) => SniffedImage

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b)

function readerFor(bytes: Uint8Array): { type: PictureType; read: Reader } | null {
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return { type: 'image/jpeg', read: readJpeg }
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { type: 'image/png', read: readPng }
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return { type: 'image/gif', read: readGif }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { type: 'image/webp', read: readWebp }
  if (isAvif(bytes)) return { type: 'image/avif', read: readAvif }
  return null
}

/** Kinds of file an editor might pick by mistake, named so the refusal says what it saw. */
function otherKind(bytes: Uint8Array): string | null {
  const head = ascii(bytes, 0, 512)
  if (head.startsWith('%PDF')) return 'a PDF document'
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'a TIFF image'
  if (head.startsWith('BM')) return 'a BMP image'
  if (ascii(bytes, 4, 4) === 'ftyp' && /^(heic|heix|mif1|hevc)/.test(ascii(bytes, 8, 4))) return 'a HEIC image'
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'a zip archive (perhaps a Word document)'
  if (/<svg[\s>]/i.test(head)) return 'an SVG drawing'
  return null
}

/**
 * Why a file that starts with these bytes cannot be a picture Copydesk takes, or null if it may be
 * one: the start of a file is enough to refuse a Word document before the rest of it is sent.
 */
export function notAPicture(start: Uint8Array): string | null {
  if (start.length === 0) return 'the file is empty'
  if (readerFor(start)) return null
  const kind = otherKind(start)
  return `${kind ? `it is ${kind}, ` : 'it is '}not a picture Copydesk can use (${ACCEPTED_PICTURES})`
}

/** Recognise a picture from its bytes; a refusal says why in words an editor can act on. */
export function sniffImage(bytes: Uint8Array): SniffResult {
  const refusal = notAPicture(bytes)
  if (refusal) return { ok: false, reason: refusal }
  const reader = readerFor(bytes)!
  try {
    const image = reader.read(bytes)
    if (Math.max(image.width, image.height) > MAX_PICTURE_SIDE) {
      return {
        ok: false,
        reason: `it is ${image.width.toLocaleString('en')} × ${image.height.toLocaleString('en')} pixels; no screen can show a side longer than ${MAX_PICTURE_SIDE.toLocaleString('en')} pixels (is the file damaged?)`,
      }
    }
    if (image.width * image.height > MAX_PICTURE_PIXELS) {
      return {
        ok: false,
        reason: `it is ${image.width} × ${image.height} pixels, more than the ${MAX_PICTURE_PIXELS / 1e6} million pixels Copydesk can show`,
      }
    }
    return { ok: true, image }
  } catch (error) {
    if (!(error instanceof Broken) && !(error instanceof RangeError)) throw error
    const why = error instanceof Broken ? error.message : 'its headers are damaged'
    const name = PICTURE_TYPE_NAMES[reader.type]
    return { ok: false, reason: `it looks like ${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name} but is broken: ${why}` }
  }
}
