import type { WireDraft } from '../draft'

/**
 * How a format is recognised from the first bytes of a file (never its name). detect.ts runs the
 * kinds in this order: control-character framing (before the binary check, since framing is made
 * of control bytes), then the root element of XML, then plain text; within a kind, formats are
 * tried in the order of the registry (formats/index.ts).
 */
export type WireDetection =
  /** `head` is up to 400 characters from the first byte after leading line breaks. */
  | { by: 'framing'; test: (head: string) => boolean }
  /**
   * Root element names without their namespace prefix. XML formats are decoded by their declared
   * charset. "*" takes any root no other format names (and that is not a feed or a web page).
   */
  | { by: 'xml-root'; roots: readonly string[] }
  /** `text` is the start of the file with leading blank space removed; never empty, never XML. */
  | { by: 'text'; test: (text: string) => boolean }

/**
 * One wire format: everything Copydesk knows about it lives in one file under formats/ and is
 * registered in formats/index.ts. Every member is required, so a format without a label, a way to
 * be detected or a reader does not compile.
 */
export interface WireFormat<Id extends string = string> {
  /** Stored with each imported story (story.source.format) and its original: never change one. */
  id: Id
  /** What the editor sees: the import summary, the original-copy panel, the CLI's usage. */
  label: string
  /** One way of being recognised, or several (IPTC 7901: by its framing, or by its header line when the framing was stripped). */
  detect: WireDetection | readonly WireDetection[]
  /** The decoded text to drafts (usually one; a NewsML-G2 message or a ninjs list can hold several). */
  read: (text: string) => WireDraft[]
}

function isList(detect: WireFormat['detect']): detect is readonly WireDetection[] {
  return Array.isArray(detect)
}

/** A format's ways of being recognised, as a list. */
export function detectionsOf(format: Pick<WireFormat, 'detect'>): readonly WireDetection[] {
  const { detect } = format
  return isList(detect) ? detect : [detect]
}

/** Keeps the literal id, so the registry's ids form a type. */
export function defineWireFormat<const Id extends string>(format: WireFormat<Id>): WireFormat<Id> {
  return format
}
