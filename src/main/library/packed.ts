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
