import { describe, expect, it } from 'vitest'
import { parseWire } from './parse'
import { PROLOG_MAX_BYTES } from './detect'

/** #24.8: copy that real systems send, which was refused or garbled. */

const nitf = (prolog: string, title: string) =>
  `${prolog}<nitf><head><title>${title}</title></head><body><body.head><hedline><hl1>${title}</hl1></hedline></body.head>` +
  `<body.content><p>Der Rat tagte über die Fähre.</p></body.content></body></nitf>`

const g2 = (prolog: string, title: string) =>
  `${prolog}<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1"><contentMeta><headline>${title}</headline></contentMeta>` +
  `<contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content><p>Text über alles.</p></body.content></body></nitf></inlineXML></contentSet></newsItem>`

describe('a DOCTYPE longer than the first peek (#24.8)', () => {
  // Comments inside the internal subset are harmless; entity declarations are refused elsewhere.
  const doctype = (bytes: number) => `<!DOCTYPE nitf [\n<!-- ${'x'.repeat(bytes)} -->\n]>\n`
  it.each([
    ['NITF', nitf],
    ['NewsML-G2', g2],
  ])('%s with a 5 KB and a 60 KB DOCTYPE is read, not called cut off', (_, build) => {
    for (const size of [5_000, 60_000]) {
      const parsed = parseWire(
        Buffer.from(build(`<?xml version="1.0" encoding="UTF-8"?>\n${doctype(size)}`, 'Fähre fährt')),
      )
      expect(parsed.drafts[0]!.headline).toBe('Fähre fährt')
    }
  })

  it('still calls a file cut off when no root element comes within the longer search', () => {
    const bytes = Buffer.from(`<?xml version="1.0"?>\n${doctype(PROLOG_MAX_BYTES)}<nitf/>`)
    expect(() => parseWire(bytes)).toThrow(/no root element was found in the first 64 KB/)
  })
})

describe('UTF-8 copy declared as UTF-16 (#24.8)', () => {
  it.each(['UTF-16', 'utf-16le', 'UTF-16BE', 'UCS-2'])('is read as UTF-8 when declared %s', (label) => {
    for (const build of [nitf, g2]) {
      const parsed = parseWire(
        Buffer.from(build(`<?xml version="1.0" encoding="${label}"?>\n`, 'Grüße aus Köln'), 'utf8'),
      )
      expect(parsed.drafts[0]!.headline).toBe('Grüße aus Köln')
      expect(parsed.encoding).toBe('utf-8')
    }
  })

  it('real UTF-16 (with its byte-order mark) is still read as UTF-16', () => {
    const text = nitf('<?xml version="1.0" encoding="UTF-16"?>\n', 'Grüße aus Köln')
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(parseWire(bytes).drafts[0]!.headline).toBe('Grüße aus Köln')
  })
})

describe('ninjs holding U+2028 and U+2029 (#24.8)', () => {
  it.each(['\u2028', '\u2029'])('takes %j inside strings as a line end, in the headline and the body', (separator) => {
    const item = {
      uri: 'urn:x',
      type: 'text',
      headline: `Storm${separator}closes ports`,
      body_text: `Ferries were halted.${separator}${separator}Crews stood by.`,
    }
    for (const doc of [item, [item, { ...item, uri: 'urn:y' }], { data: { item } }]) {
      const parsed = parseWire(Buffer.from(JSON.stringify(doc)))
      expect(parsed.drafts[0]!.headline).toBe('Storm closes ports')
      expect(JSON.stringify(parsed.drafts[0]!.body)).toContain('Crews stood by.')
    }
  })
})
