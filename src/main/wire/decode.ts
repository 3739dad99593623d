import { WireError } from './errors'

/**
 * Bytes to text. Wire copy rarely says how it is encoded, and what it says is often wrong: UTF-8
 * feeds labelled ISO-8859-1, Latin-1 files with one UTF-8 quote pasted in, copy that was already
 * double-encoded upstream ("â€™"). The rule: honour a BOM, then a declared charset, then strict
 * UTF-8; where bytes are not valid UTF-8, read just those bytes as windows-1252 (what "Latin-1"
 * means in practice: 0x93/0x94 are curly quotes, 0x96 an en dash), never the whole file.
 */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * windows-1252 for 0x80-0x9F, written out: Node's TextDecoder('windows-1252') decodes these bytes
 * as C1 controls (it treats the label as ISO-8859-1), which would drop every curly quote and dash.
 * The five bytes windows-1252 leaves undefined map to the C1 control of the same number.
 */
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** windows-1252 reading of each byte 0x80-0xFF, and the way back for mojibake repair. */
const CP1252_HIGH: string[] = []
const CP1252_BYTE = new Map<string, number>()
for (let byte = 0x80; byte <= 0xff; byte++) {
  const char = byte < 0xa0 ? CP1252_80_9F[byte - 0x80]! : String.fromCharCode(byte)
  CP1252_HIGH.push(char)
  CP1252_BYTE.set(char, byte)
}

/** Bytes as windows-1252, all of them. */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = ''
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192)
    const chars = new Array<string>(chunk.length)
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!
      chars[i] = b < 0x80 ? String.fromCharCode(b) : CP1252_HIGH[b - 0x80]!
    }
    out += chars.join('')
  }
  return out
}

export interface Decoded {
  text: string
  /** What was found: 'utf-8', 'windows-1252', 'utf-8+windows-1252' (mixed), a declared label... */
  encoding: string
}

const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'latin-1',
  'l1',
  'windows-1252',
  'cp1252',
  'us-ascii',
  'ascii',
])
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8'])

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false
  return true
}

/** Length of the valid UTF-8 sequence starting at i (RFC 3629), or 0 when the bytes there are not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!
  if (b0 >= 0xc2 && b0 <= 0xdf) return isCont(bytes, i + 1) ? 2 : 0
  if (b0 === 0xe0) return isCont(bytes, i + 1, 0xa0) && isCont(bytes, i + 2) ? 3 : 0
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef)
    return isCont(bytes, i + 1) && isCont(bytes, i + 2) ? 3 : 0
  if (b0 === 0xed) return isCont(bytes, i + 1, 0x80, 0x9f) && isCont(bytes, i + 2) ? 3 : 0
  if (b0 === 0xf0) return isCont(bytes, i + 1, 0x90) && isCont(bytes, i + 2) && isCont(bytes, i + 3) ? 4 : 0
  if (b0 >= 0xf1 && b0 <= 0xf3) return isCont(bytes, i + 1) && isCont(bytes, i + 2) && isCont(bytes, i + 3) ? 4 : 0
  if (b0 === 0xf4) return isCont(bytes, i + 1, 0x80, 0x8f) && isCont(bytes, i + 2) && isCont(bytes, i + 3) ? 4 : 0
  return 0
}

/** A continuation byte within [lo, hi] at j (no closure per call: this runs for every non-ASCII byte). */
function isCont(bytes: Uint8Array, j: number, lo = 0x80, hi = 0xbf): boolean {
  const b = bytes[j]
  return b !== undefined && b >= lo && b <= hi
}

/** The UTF-16 code of each byte 0x80-0xFF read as windows-1252 (all in the BMP: one code each). */
const CP1252_HIGH_CODE = Uint16Array.from(CP1252_HIGH, (char) => char.charCodeAt(0))

/**
 * UTF-8 where the bytes are UTF-8, windows-1252 for each byte that is not. One pass over the bytes
 * writing UTF-16 codes into one buffer, made a string once at the end (natively): no string is
 * built per stray byte. (Decoding piece by piece cost a string join per stray byte, half a second
 * a megabyte; the first fix re-encoded every stray byte as UTF-8 and decoded the whole again.)
 */
export function decodeMixed(bytes: Uint8Array): string {
  const n = bytes.length
  const out = new Uint16Array(n) // never more codes than bytes: a 4-byte sequence is 2 codes
  let o = 0
  let i = 0
  while (i < n) {
    const b0 = bytes[i]!
    if (b0 < 0x80) {
      out[o++] = b0
      i++
      continue
    }
    const length = utf8SequenceLength(bytes, i)
    if (length === 2) out[o++] = ((b0 & 0x1f) << 6) | (bytes[i + 1]! & 0x3f)
    else if (length === 3) out[o++] = ((b0 & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f)
    else if (length === 4) {
      const code =
        (((b0 & 0x07) << 18) |
          ((bytes[i + 1]! & 0x3f) << 12) |
          ((bytes[i + 2]! & 0x3f) << 6) |
          (bytes[i + 3]! & 0x3f)) -
        0x10000
      out[o++] = 0xd800 + (code >> 10)
      out[o++] = 0xdc00 + (code & 0x3ff)
    } else {
      out[o++] = CP1252_HIGH_CODE[b0 - 0x80]!
      i++
      continue
    }
    i += length
  }
  return Buffer.from(out.buffer, 0, o * 2).toString('utf16le')
}

const MOJIBAKE_HINT =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/

/** Lead characters of a run of mojibake: U+00C2-U+00F4, the bytes that open a UTF-8 sequence. */
const isMojibakeLead = (code: number) => code >= 0xc2 && code <= 0xf4

/** The characters a UTF-8 continuation byte (0x80-0xBF) reads as in windows-1252 (and U+201B, kept as before). */
const MOJIBAKE_TRAIL = new Set<number>()
for (let code = 0x80; code <= 0xbf; code++) MOJIBAKE_TRAIL.add(code)
for (const char of '\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122')
  MOJIBAKE_TRAIL.add(char.charCodeAt(0))

const isMojibakeTrail = (code: number) => (code >= 0x80 && code <= 0xbf) || (code > 0xff && MOJIBAKE_TRAIL.has(code))

/** The byte windows-1252 reads as this character, by code (for mojibake repair), or undefined. */
const CP1252_BYTE_OF_CODE = new Map<number, number>()
for (const [char, byte] of CP1252_BYTE) CP1252_BYTE_OF_CODE.set(char.charCodeAt(0), byte)

const scratch = new Uint8Array(4)

/**
 * The code point text[start, end) stood for before its UTF-8 was read as windows-1252, or -1: the
 * run turned back into the bytes it came from, kept only if they are one valid UTF-8 sequence.
 */
function unmangled(text: string, start: number, end: number): number {
  const lead = text.charCodeAt(start)
  // The lead says how long its sequence is: a run of another length is not one (most runs in a file of stray bytes).
  if (end - start !== (lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4)) return -1
  scratch.fill(0)
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k)
    const byte = code < 0x100 ? code : CP1252_BYTE_OF_CODE.get(code)
    if (byte === undefined) return -1
    scratch[k - start] = byte
  }
  const length = end - start
  if (utf8SequenceLength(scratch, 0) !== length) return -1
  const [b0, b1, b2, b3] = scratch as unknown as [number, number, number, number]
  if (length === 2) return ((b0 & 0x1f) << 6) | (b1 & 0x3f)
  if (length === 3) return ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)
  return ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)
}

/**
 * Undo UTF-8 that was read as windows-1252 somewhere upstream ("Ã©" for "é", "â€™" for "’"):
 * each suspicious run (a lead character and up to three continuation characters) is turned back
 * into the bytes it came from and kept only if they are one valid UTF-8 sequence. One pass writing
 * UTF-16 codes into one buffer: no regular-expression callback, buffer or string per run. A file of
 * stray bytes is a run every few characters (millions in 19 MB), and a callback and a buffer each
 * cost about half a second a megabyte.
 */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE_HINT.test(text)) return text
  const out = new Uint16Array(text.length) // a repaired run is shorter than the run
  let o = 0
  for (let i = 0; i < text.length;) {
    const lead = text.charCodeAt(i)
    let end = i + 1
    if (isMojibakeLead(lead)) while (end < text.length && end - i <= 3 && isMojibakeTrail(text.charCodeAt(end))) end++
    const code = end > i + 1 ? unmangled(text, i, end) : -1
    if (code < 0) {
      for (; i < end; i++) out[o++] = text.charCodeAt(i)
    } else if (code < 0x10000) {
      out[o++] = code
      i = end
    } else {
      out[o++] = 0xd800 + ((code - 0x10000) >> 10)
      out[o++] = 0xdc00 + ((code - 0x10000) & 0x3ff)
      i = end
    }
  }
  return Buffer.from(out.buffer, 0, o * 2).toString('utf16le')
}

function strictOrMixed(bytes: Uint8Array): Decoded {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeMixed(bytes), encoding: 'utf-8+windows-1252' }
  }
}

/**
 * Decode wire bytes to text. `declared` is a charset the copy names itself (an XML declaration);
 * a Latin-1 label on bytes that are valid UTF-8 is taken to be the usual mislabelling.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const decoded = strictOrMixed(bytes.subarray(3))
    return { text: repairMojibake(decoded.text), encoding: decoded.encoding }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  if (isAscii(bytes))
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'ascii' }

  const label = declared?.trim().toLowerCase()
  // A declaration read as 8-bit text cannot be UTF-16 (whose ASCII has a zero byte beside every
  // letter): a "UTF-16" label on such bytes is a mislabelling, and they are read as UTF-8.
  if (label && /^(utf-?16(le|be)?|ucs-?2|unicode)$/.test(label) && !bytes.subarray(0, 4096).includes(0)) {
    const decoded = strictOrMixed(bytes)
    return { text: repairMojibake(decoded.text), encoding: decoded.encoding }
  }
  if (label && !UTF8_LABELS.has(label)) {
    if (LATIN1_LABELS.has(label)) {
      try {
        return { text: strictUtf8.decode(bytes), encoding: 'utf-8' }
      } catch {
        return { text: decodeCp1252(bytes), encoding: 'windows-1252' }
      }
    }
    let decoder: InstanceType<typeof TextDecoder>
    try {
      decoder = new TextDecoder(label)
    } catch {
      throw new WireError(`the copy declares the character encoding "${declared}", which Copydesk cannot read`)
    }
    if (decoder.encoding === 'windows-1252') return { text: decodeCp1252(bytes), encoding: 'windows-1252' }
    return { text: decoder.decode(bytes), encoding: decoder.encoding }
  }
  const decoded = strictOrMixed(bytes)
  return { text: repairMojibake(decoded.text), encoding: decoded.encoding }
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]/g

/**
 * Text as a story holds it: LF line ends, no control characters (wire framing, DEL padding, C1
 * leftovers), no soft hyphens or zero-width spaces, no-break spaces as spaces, Unicode NFC.
 */
export function cleanText(text: string): string {
  let out = text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(UNWANTED, '')
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  if (/[^\u0000-\u007f]/.test(out)) out = out.replace(/\u00a0/g, ' ').normalize('NFC')
  return out
}
