import { segmentParsers } from 'exifr'
import type { PictureSuggestion } from '../../shared/media'

/**
 * The words a photographer or agency put inside a JPEG (IPTC IIM in the Photoshop APP13 segment,
 * XMP in APP1), turned into a suggested caption, credit and alt text. exifr parses both blocks;
 * its segment parsers are synchronous, so adding a picture stays one synchronous api call. XMP is
 * preferred where both are present (it is always Unicode; IIM often is not).
 */

interface Segments {
  iim: Uint8Array | null
  xmp: string | null
}

const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0'
const PHOTOSHOP_HEADER = 'Photoshop 3.0\0'

/** The APP1 (XMP) and APP13 (Photoshop resources) segments before the first scan. */
function jpegSegments(bytes: Uint8Array): Segments {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const photoshop: Buffer[] = []
  let xmp: string | null = null
  let offset = 2
  while (offset + 4 <= buffer.length && buffer[offset] === 0xff) {
    const marker = buffer[offset + 1]!
    if (marker === 0xda || marker === 0xd9) break
    if (marker === 0xff) {
      offset++
      continue
    }
    const length = buffer.readUInt16BE(offset + 2)
    const body = buffer.subarray(offset + 4, offset + 2 + length)
    if (marker === 0xe1 && xmp === null && body.subarray(0, XMP_HEADER.length).toString('latin1') === XMP_HEADER) {
      xmp = body.subarray(XMP_HEADER.length).toString('utf8')
    }
    if (marker === 0xed && body.subarray(0, PHOTOSHOP_HEADER.length).toString('latin1') === PHOTOSHOP_HEADER) {
      photoshop.push(body.subarray(PHOTOSHOP_HEADER.length))
    }
    offset += 2 + length
  }
  return { iim: photoshop.length ? iptcResource(Buffer.concat(photoshop)) : null, xmp }
}

/** Photoshop image resources: "8BIM", id, padded Pascal name, size, data; id 0x0404 holds the IPTC IIM. */
function iptcResource(resources: Buffer): Uint8Array | null {
  let offset = 0
  while (offset + 12 <= resources.length && resources.toString('latin1', offset, offset + 4) === '8BIM') {
    const id = resources.readUInt16BE(offset + 4)
    const nameLength = resources[offset + 6]!
    const nameField = nameLength + 1 + ((nameLength + 1) % 2)
    const sizeAt = offset + 6 + nameField
    if (sizeAt + 4 > resources.length) return null
    const size = resources.readUInt32BE(sizeAt)
    const start = sizeAt + 4
    if (id === 0x0404) return resources.subarray(start, Math.min(start + size, resources.length))
    offset = start + size + (size % 2)
  }
  return null
}

/** IIM says it is UTF-8 with the escape sequence ESC % G in dataset 1:90; else it is usually Latin-1. */
function iimIsUtf8(iim: Uint8Array): boolean {
  const buffer = Buffer.from(iim.buffer, iim.byteOffset, iim.byteLength)
  for (let at = buffer.indexOf(Buffer.from([0x1c, 0x01, 0x5a])); at >= 0;) {
    const length = at + 5 <= buffer.length ? buffer.readUInt16BE(at + 3) : 0
    if (buffer.subarray(at + 5, at + 5 + length).equals(Buffer.from([0x1b, 0x25, 0x47]))) return true
    at = buffer.indexOf(Buffer.from([0x1c, 0x01, 0x5a]), at + 1)
  }
  return false
}

/** exifr reads IIM text as Latin-1; re-read it as UTF-8 when the file says so, or when it plainly is. */
function iimText(value: unknown, utf8: boolean): string | undefined {
  const text = plain(value)
  if (!text) return undefined
  const bytes = Buffer.from(text, 'latin1')
  const asUtf8 = bytes.toString('utf8')
  if (utf8) return asUtf8
  const looksUtf8 = /[\u0080-\uffff]/.test(asUtf8) && !asUtf8.includes('\ufffd')
  return looksUtf8 ? asUtf8 : text
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** exifr leaves XML character references in XMP values ("O&#39;Neil"). */
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[ref.toLowerCase()] ?? whole
  })
}

/** A value of exifr's output: a string, a language alternative {lang, value}, or a list of either. */
function plain(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) {
    const items = value as unknown[]
    if (items.every((v): v is string => typeof v === 'string')) return items.join(', ')
    return plain(items.find((v) => (v as { lang?: string } | null)?.lang === 'x-default') ?? items[0])
  }
  if (value && typeof value === 'object' && 'value' in value) return plain(value.value)
  return undefined
}

function tidy(text: string | undefined, max: number): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim()
  return clean ? clean.slice(0, max) : undefined
}

/** A credit is the name alone ("PA"), never "Picture: PA" or "© 2024 PA". */
function tidyCredit(text: string | undefined): string | undefined {
  const clean = tidy(text, 300)
  if (!clean) return undefined
  const bare = clean
    .replace(/^(pictures?|photo(graph)?s?|image|credit)\s*(by)?\s*[:-]\s*/i, '')
    .replace(/^(©|\(c\)|copyright)\s*(©)?\s*(\d{4}\s*,?\s*)?/i, '')
    .replace(/\.?\s*all rights reserved\.?$/i, '')
    .trim()
  return bare || undefined
}

type Block = Record<string, unknown>

function parseXmp(xmp: string | null): Record<string, Block> {
  if (!xmp) return {}
  try {
    const parsed = (segmentParsers.get('xmp') as { parse(xmp: string): unknown }).parse(xmp)
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Block>) : {}
  } catch {
    return {} // metadata is a convenience: a damaged block never stops a picture being added
  }
}

function parseIim(iim: Uint8Array | null): Block {
  if (!iim) return {}
  try {
    const parsed = (segmentParsers.get('iptc') as { parse(iim: Uint8Array): unknown }).parse(iim)
    return parsed && typeof parsed === 'object' ? (parsed as Block) : {}
  } catch {
    return {}
  }
}

/** The words of a JPEG's IPTC and XMP metadata, each as written (XMP first), tidied of spacing. */
export interface JpegWords {
  caption?: string
  credit?: string
  creator?: string
  copyright?: string
  alt?: string
}

export function readJpegWords(bytes: Uint8Array): JpegWords {
  const { iim, xmp } = jpegSegments(bytes)
  const x = parseXmp(xmp)
  const i = parseIim(iim)
  const utf8 = iim ? iimIsUtf8(iim) : false
  const fromXmp = (ns: string, key: string) => {
    const text = plain(x[ns]?.[key])
    return text ? decodeXml(text) : undefined
  }
  const fromIim = (key: string) => iimText(i[key], utf8)
  const words: JpegWords = {
    caption: tidy(fromXmp('dc', 'description') ?? fromIim('Caption'), 4000),
    credit: tidy(fromXmp('photoshop', 'Credit') ?? fromIim('Credit'), 300),
    creator: tidy(fromXmp('dc', 'creator') ?? fromIim('Byline'), 300),
    copyright: tidy(fromXmp('dc', 'rights') ?? fromIim('CopyrightNotice'), 300),
    alt: tidy(fromXmp('Iptc4xmpCore', 'AltTextAccessibility'), 1000),
  }
  return Object.fromEntries(Object.entries(words).filter(([, v]) => v))
}

/** Caption, credit and alt text suggested by a JPEG's IPTC and XMP metadata; {} when it has none. */
export function suggestFromJpeg(bytes: Uint8Array): PictureSuggestion {
  const words = readJpegWords(bytes)
  const credit = tidyCredit(words.credit ?? words.creator ?? words.copyright)
  return {
    ...(words.caption ? { caption: words.caption } : {}),
    ...(credit ? { credit } : {}),
    ...(words.alt ? { alt: words.alt } : {}),
  }
}
