import { blockTexts } from '../src/shared/body-text'
import type { StoryFields } from '../src/shared/story'
import type { GeneratedStory } from './generate'

/**
 * Generated stories written out as wire copy in each format Copydesk imports, so the import
 * benchmark parses the same shapes agencies send. The layouts follow notes/wire-formats.md; the
 * words are the generator's.
 */

export const benchWireFormats = ['scraped-text', 'iptc7901', 'anpa1312', 'nitf', 'newsml-g2', 'ninjs'] as const
export type BenchWireFormat = (typeof benchWireFormats)[number]

export interface WireFile {
  name: string
  bytes: Buffer
}

const SOH = '\x01'
const STX = '\x02'
const ETX = '\x03'
const EOT = '\x04'
const SYN = '\x16'
const US = '\x1f'
const DC1 = '\x11'
const DC3 = '\x13'
const DEL = '\x7f'

function byline(fields: StoryFields): string {
  return fields.bylines.map((b) => b.name).join(' and ')
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Hard-wrapped at 69 columns, as teleprinter copy is. */
function wrap(text: string, width = 69): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** Old wires are 7-bit: typewriter quotes and dashes, Latin-1 for the rest. */
function typewriter(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[—–]/g, '-')
}

function scrapedText({ fields, at }: GeneratedStory): Buffer {
  const out = [
    fields.headline,
    '',
    at
      .toUTCString()
      .slice(5, 22)
      .replace(/ (\d\d:)/, ', $1'),
    '',
  ]
  if (fields.leadPicture)
    out.push(fields.leadPicture.alt, `${fields.leadPicture.caption} Picture: ${fields.leadPicture.credit}`, '')
  out.push(fields.standfirst, '')
  for (const text of blockTexts(fields.body)) out.push(text, '')
  out.push(`By ${byline(fields)}`, '')
  if (fields.related.length) {
    out.push('Latest World News', '')
    for (const entry of fields.related) out.push(entry.headline, '')
  }
  return Buffer.from(out.join('\n'), 'utf8')
}

function iptc7901({ fields }: GeneratedStory, serial: number): Buffer {
  const words = blockTexts(fields.body).join(' ').split(' ').length
  const lines = [
    `${SOH}bsn${String(serial).padStart(4, '0')} 4 i ${words} bdt   dpa 0001`,
    '',
    `${fields.slug.split('-').slice(0, 3).join('-')}/`,
    `${STX}${typewriter(fields.headline)} =`,
    `By ${typewriter(byline(fields))}, dpa =`,
    '',
  ]
  const place = fields.dateline.place ?? 'Berlin'
  blockTexts(fields.body).forEach((text, i) => {
    const paragraph = i === 0 ? `${place.charAt(0)}${place.slice(1).toLowerCase()} (dpa) - ${text}` : text
    const wrapped = wrap(typewriter(paragraph))
    lines.push(`   ${wrapped[0]}`, ...wrapped.slice(1))
  })
  lines.push('', 'dpa bsn xx')
  return Buffer.from(`${lines.join('\r\n')}\r\n${ETX}${DEL.repeat(4)}${EOT}`, 'latin1')
}

function anpa1312({ fields, at }: GeneratedStory, serial: number): Buffer {
  const slug = `BC-${fields.slug.split('-').slice(0, 2).join('-')}`
  const mmdd = `${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`
  const texts = blockTexts(fields.body)
  const people = fields.bylines.filter((b) => b.kind === 'person')
  const header = [
    `${SYN}${SYN}${SOH}a${String(serial % 10000).padStart(4, '0')}${US}US asian`,
    `r f ${DC3}${DC1} ${slug}  ${mmdd} ${texts.join(' ').split(' ').length}`,
    `${STX}^${slug},${texts.length * 60}<`,
    `^${typewriter(fields.headline)}<`,
  ]
  if (people.length) header.push(`^By ${people.map((p) => p.name.toUpperCase()).join(' and ')}=`, '^Associated Press=')
  const place = `${fields.dateline.place ?? 'WASHINGTON'} (AP) _ `
  const body = texts.map((text, i) => `\t${i === 0 ? place : ''}${typewriter(text).replace(/"([^"]*)"/g, "``$1''")}`)
  const signoff = `\t${ETX} AP-WF-${mmdd}-${String(at.getUTCFullYear()).slice(2)} ${String(at.getUTCHours()).padStart(2, '0')}00GMT<`
  return Buffer.from([...header, ...body, signoff].join('\r\n') + `\r\n\x0c${EOT}`, 'latin1')
}

function nitf({ fields, at }: GeneratedStory): Buffer {
  const stamp = at.toISOString().replace(/[-:]/g, '').slice(0, 15) + '+0000'
  const picture = fields.leadPicture
    ? `<media media-type="image"><media-reference source="picture.jpg" mime-type="image/jpeg" alternate-text="${xml(fields.leadPicture.alt)}"/><media-caption>${xml(fields.leadPicture.caption)}</media-caption><media-producer>${xml(fields.leadPicture.credit)}</media-producer></media>`
    : ''
  const paragraphs = blockTexts(fields.body)
    .map((text) => `<p>${xml(text)}</p>`)
    .join('\n')
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.5//EN">
<head>
<title>${xml(fields.headline)}</title>
<docdata management-status="usable"><doc-id id-string="${xml(fields.slug)}"/><date.issue norm="${stamp}"/><doc.copyright holder="${xml(fields.bylines[0]?.name ?? 'Agency')}"/></docdata>
</head>
<body>
<body.head>
<hedline><hl1>${xml(fields.headline)}</hl1></hedline>
<byline>By <person>${xml(byline(fields))}</person></byline>
<dateline><location><city>${xml(fields.dateline.place ?? '')}</city></location><story.date norm="${stamp}"/></dateline>
<abstract><p>${xml(fields.standfirst)}</p></abstract>
</body.head>
<body.content>
${picture}
${paragraphs}
</body.content>
</body>
</nitf>
`
  return Buffer.from(text, 'utf8')
}

function newsmlG2({ fields, at }: GeneratedStory, serial: number): Buffer {
  const paragraphs = blockTexts(fields.body)
    .map((text) => `<p>${xml(text)}</p>`)
    .join('\n')
  const links = fields.related
    .filter((r) => r.url)
    .map((r) => `<link rel="irel:seeAlso" href="${xml(r.url!)}" title="${xml(r.headline)}"/>`)
    .join('')
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:bench.example:${serial}" version="1" standard="NewsML-G2" standardversion="2.29" xml:lang="en-GB">
<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:BENCH"/><versionCreated>${at.toISOString()}</versionCreated><pubStatus qcode="stat:usable"/>${links}</itemMeta>
<contentMeta>
<located type="cptype:city"><name>${xml(fields.dateline.place ?? '')}</name></located>
${fields.bylines.map((b) => `<creator><name>${xml(b.name)}</name></creator>`).join('')}
<slugline>${xml(fields.slug)}</slugline>
<headline>${xml(fields.headline)}</headline>
<by>By ${xml(byline(fields))}</by>
<dateline>${xml(fields.dateline.place ?? '')}</dateline>
<description role="drol:summary">${xml(fields.standfirst)}</description>
</contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${xml(fields.headline)}</title></head><body>
${paragraphs}
</body></html></inlineXML></contentSet>
</newsItem>
`
  return Buffer.from(text, 'utf8')
}

function ninjs({ fields, at }: GeneratedStory, serial: number): Buffer {
  const html = blockTexts(fields.body)
    .map((text) => `<p>${xml(text)}</p>`)
    .join('')
  const associations: object[] = []
  if (fields.leadPicture) {
    associations.push({
      name: 'featureimage',
      uri: `urn:bench:picture:${serial}`,
      type: 'picture',
      descriptions: [{ role: 'caption', value: fields.leadPicture.caption }],
      bodies: [{ role: 'alt', contenttype: 'text/plain', value: fields.leadPicture.alt }],
      copyrightholder: fields.leadPicture.credit,
    })
  }
  fields.related.forEach((entry, i) =>
    associations.push({
      name: `related-${i + 1}`,
      uri: `urn:bench:related:${serial}:${i}`,
      type: 'text',
      headlines: [{ role: 'main', value: entry.headline }],
    }),
  )
  const item = {
    $standard: { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' },
    uri: `urn:bench:text:${serial}`,
    type: 'text',
    versioncreated: at.toISOString(),
    language: 'en-GB',
    headlines: [{ role: 'main', value: fields.headline }],
    descriptions: [{ role: 'summary', contenttype: 'text/plain', value: fields.standfirst }],
    by: byline(fields),
    located: fields.dateline.place,
    bodies: [{ role: 'main', contenttype: 'application/xhtml+xml', value: html }],
    associations,
  }
  return Buffer.from(JSON.stringify(item, null, 2), 'utf8')
}

const writers: Record<BenchWireFormat, (story: GeneratedStory, serial: number) => Buffer> = {
  'scraped-text': scrapedText,
  iptc7901,
  anpa1312,
  nitf,
  'newsml-g2': newsmlG2,
  ninjs,
}

const extensions: Record<BenchWireFormat, string> = {
  'scraped-text': 'txt',
  iptc7901: 'txt',
  anpa1312: 'tst',
  nitf: 'xml',
  'newsml-g2': 'xml',
  ninjs: 'json',
}

export function wireFile(format: BenchWireFormat, story: GeneratedStory, serial: number): WireFile {
  return {
    name: `bench-${String(serial).padStart(6, '0')}.${extensions[format]}`,
    bytes: writers[format](story, serial),
  }
}
