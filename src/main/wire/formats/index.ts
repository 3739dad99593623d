import type { WireFormat } from './format'
import { anpa1312Format } from './anpa1312'
import { genericXmlFormat } from './generic-xml'
import { iptc7901Format } from './iptc7901'
import { newsml1Format } from './newsml1'
import { newsmlG2Format } from './newsml-g2'
import { ninjsFormat } from './ninjs'
import { nitfFormat } from './nitf'
import { scrapedTextFormat } from './scraped-text'

/**
 * The wire formats Copydesk reads: the one list the importer, detection, the CLI's usage and the
 * labels the editor sees are all derived from. A new format is a file beside this one (see
 * format.ts) and one line here; registry.test.ts fails when a format file is not listed.
 *
 * Order matters only within a kind of detection (format.ts): ANPA before IPTC 7901 (both can open
 * with SOH), ninjs before text, and text last of all, since it takes whatever is left.
 */
export const wireFormats = [
  anpa1312Format,
  iptc7901Format,
  nitfFormat,
  newsmlG2Format,
  newsml1Format,
  genericXmlFormat,
  ninjsFormat,
  scrapedTextFormat,
] as const satisfies readonly WireFormat[]

export type WireFormatId = (typeof wireFormats)[number]['id']

const byId = new Map<string, WireFormat>(wireFormats.map((format) => [format.id, format]))

/** The format stored under an id; undefined for an id this build does not know (a newer one's). */
export function wireFormatById(id: string): WireFormat | undefined {
  return byId.get(id)
}

/** What the editor sees for a format id: its label, or the id itself when this build does not know it. */
export function wireFormatLabel(id: string): string {
  return byId.get(id)?.label ?? id
}
