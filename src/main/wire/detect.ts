import { WireError } from './errors'
import { detectionsOf, type WireDetection } from './formats/format'
import { wireFormats, type WireFormatId } from './formats'

/**
 * Which importer reads a file, from its bytes alone (never its name: agencies send .txt, .tst, .xml,
 * .dat and no extension at all for the same formats). Files that are no kind of wire copy are
 * refused here with a reason an editor understands: empty, an image, a PDF, a Word file, binary.
 */

export type Detected = WireFormatId

interface Kind<K extends WireDetection['by']> {
  id: Detected
  label: string
  detect: Extract<WireDetection, { by: K }>
}

/** Every way of being recognised of this kind, in registry order (a format may have more than one). */
const ofKind = <K extends WireDetection['by']>(by: K): Kind<K>[] =>
  wireFormats.flatMap((format) =>
    detectionsOf(format)
      .filter((detect): detect is Extract<WireDetection, { by: K }> => detect.by === by)
      .map((detect) => ({ id: format.id, label: format.label, detect })),
  )
const framed = ofKind('framing')
const xmlFormats = ofKind('xml-root')
const textFormats = ofKind('text')

const MAGIC: [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a Word/OpenDocument file, which is one)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF media file (WebP, WAV or AVI)'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'a SQLite database'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office file (.doc/.xls)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF binary)'],
  [[0x4d, 0x5a], 'a Windows program'],
]

/** CR, LF, space and DEL fill that may come before a message's SOH. */
function isPadding(b: number): boolean {
  return b === 0x0d || b === 0x0a || b === 0x7f || b === 0x20
}

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b)
}

/** Bytes that are neither text nor wire framing: NUL and friends, more than a trace of them. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192)
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!
    if (b === 0) return true
    if (
      b < 0x20 &&
      b !== 9 &&
      b !== 10 &&
      b !== 13 &&
      !(b >= 1 && b <= 4) &&
      b !== 0x16 &&
      b !== 0x1f &&
      b !== 0x0c &&
      !(b >= 0x10 && b <= 0x14) &&
      b !== 8
    )
      odd++
  }
  return odd > 8 && odd / Math.max(sample.length, 1) > 0.01
}

/** A peek at the start as ASCII text, for the markup checks. */
function head(bytes: Uint8Array, from: number, length = 4096): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.min(length, bytes.length - from)).toString('latin1')
}

/**
 * XML that is known not to be wire copy (feeds, drawings, sitemaps, schemas): refused by name rather
 * than read generically, so an RSS feed is never imported as a story.
 */
// prettier-ignore
const NOT_WIRE_ROOTS = new Set([
  'rss', 'feed', 'rdf', 'opml', 'svg', 'plist', 'workbook', 'kml', 'gpx', 'urlset', 'sitemapindex',
  'stylesheet', 'transform', 'schema', 'definitions',
])

/**
 * How far into a file the root element is looked for. The first 4 KB almost always hold it; a
 * DOCTYPE with an internal subset (entity declarations) can run longer, so then the search goes on
 * this far before the file is called cut off.
 */
export const PROLOG_MAX_BYTES = 64 * 1024

function xmlKind(text: string, longer?: () => string): Detected {
  // The first element after the prolog (declaration, comments, DOCTYPE, processing instructions).
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '').trimStart()
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(body)
  if (!m && longer) return xmlKind(longer())
  if (!m)
    throw new WireError(
      `this looks like XML but no root element was found in the first ${PROLOG_MAX_BYTES / 1024} KB (is the file cut off?)`,
    )
  const root = m[1]!.replace(/^[\w.-]+:/, '')
  const format = xmlFormats.find((f) => f.detect.roots.includes(root))
  if (format) return format.id
  if (root.toLowerCase() === 'html') {
    throw new WireError(
      'this is a web page (HTML), not wire copy; copy the story text into a .txt file, or import the feed the agency sends',
    )
  }
  // Any other root (an agency's own schema, such as Ritzau's) goes to a format that takes any root.
  const anyRoot = xmlFormats.find((f) => f.detect.roots.includes('*'))
  if (anyRoot && !NOT_WIRE_ROOTS.has(root.toLowerCase())) return anyRoot.id
  const named = xmlFormats.filter((f) => !f.detect.roots.includes('*')).map((f) => f.label)
  throw new WireError(
    `this XML has the root element <${root}>, which is not a wire format Copydesk reads (${named.join(', ')})`,
  )
}

export function detectFormat(bytes: Uint8Array): Detected {
  if (bytes.length === 0) throw new WireError('the file is empty')
  for (const [magic, what] of MAGIC) if (startsWith(bytes, magic)) throw new WireError(`this is ${what}, not wire copy`)

  let at = 0
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) at = 3
  else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // UTF-16 text: judge it by its characters, not its bytes.
    const decoder = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be')
    return detectText(decoder.decode(bytes.subarray(2, 8194)), () =>
      decoder.decode(bytes.subarray(2, 2 + 2 * PROLOG_MAX_BYTES)),
    )
  }
  // Control-character framing: ANPA opens with SYN SYN SOH, IPTC 7901 with SOH.
  // Feeds pad before the framing (line ends, DEL fill from the teleprinter days, spaces): skip it to the SOH.
  let i = at
  while (i < bytes.length && i < at + 64 && isPadding(bytes[i]!)) i++
  if (i < bytes.length && bytes[i]! < 0x20) {
    const start = head(bytes, i, 400)
    const format = framed.find((f) => f.detect.test(start))
    if (format) return format.id
  }
  if (looksBinary(bytes))
    throw new WireError('this is a binary file (it holds control bytes that text never has), not wire copy')
  return detectText(head(bytes, at), () => head(bytes, at, PROLOG_MAX_BYTES))
}

/** `longer` reads further into the file, for XML whose prolog outruns the first peek. */
function detectText(start: string, longer?: () => string): Detected {
  const text = start.replace(/^[\s\u00a0\ufeff]+/, '')
  if (!text) throw new WireError('the file holds only blank space')
  if (text.startsWith('{\\rtf')) throw new WireError('this is an RTF document; save it as plain text and import that')
  if (text[0] === '<') return xmlKind(text, longer && (() => longer().replace(/^[\s\u00a0\ufeff]+/, '')))
  const format = textFormats.find((f) => f.detect.test(text))
  if (!format) throw new WireError('this is text in no form Copydesk reads')
  return format.id
}
