import { deflateRawSync, inflateRawSync } from 'node:zlib'

/**
 * Large text the library keeps (a story's body, a revision's snapshot) is stored deflated: Lexical's
 * JSON is two-thirds field names and defaults, so a 15 KiB body takes about 2.6 KiB. Deflate at
 * level 2 was chosen by measurement (docs/benchmarks.md, "Disk"): level 6 saves 8% more and takes
 * three times as long to write; brotli at quality 6 saves 5% more than level 6 and takes half as
 * long again; reading any of them is under 0.05 ms a story. Libraries written before
 * issue 22 hold the same columns as TEXT; a value is read by its type, so both kinds read back.
 */
export function packText(text: string): Buffer {
  return deflateRawSync(Buffer.from(text, 'utf8'), { level: 2 })
}

export function unpackText(stored: string | Uint8Array): string {
  return typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8')
}

/**
 * A revision keeps the story as saved, deflated, without its body text: that is derived from the
 * body (bodyToText) and was a third of every snapshot. The status is a column of its own, so the
 * history lists status changes without unpacking a snapshot.
 */
export function packSnapshot(story: Record<string, unknown>): Buffer {
  const { bodyText: _derived, ...kept } = story
  return packText(JSON.stringify(kept))
}

/**
 * Wire copy keeps its original bytes deflated too, at level 6 rather than 2: an original is written
 * once and read rarely, where a body is written at every autosave. Text and markup shrink to about
 * a quarter (the shared samples: 259 KB to 69 KB); bytes that would not shrink (already
 * compressed, or tiny) are kept as they are, marked by `deflated`.
 */
export function pack(bytes: Uint8Array): { bytes: Buffer; deflated: 0 | 1 } {
  const deflated = deflateRawSync(bytes, { level: 6 })
  if (deflated.length < bytes.length) return { bytes: deflated, deflated: 1 }
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), deflated: 0 }
}

/** The original bytes, byte for byte. */
export function unpack(bytes: Buffer, deflated: number): Buffer {
  return deflated ? inflateRawSync(bytes) : bytes
}

/** For the migration that packs an existing library's originals in place (SQL calls it per row). */
export function packedOrNull(bytes: Uint8Array): Buffer | null {
  const packed = pack(bytes)
  return packed.deflated ? packed.bytes : null
}
