import { describe, expect, it } from 'vitest'
import { blockTexts } from '@shared/body-text'
import { slugify } from '@shared/slug'
import type { Byline, Dateline, Picture } from '@shared/story'
import type { WireDraft } from '../draft'
import { parseWire } from '../parse'

/**
 * Copy nobody here had seen: each case is written from what the format's specification allows
 * (NITF 3.x DTD/XSD, NewsML-G2 2.x, ninjs 1.x/2.x/3.x schemas, IPTC 7901, ANPA 1312) and from how
 * agencies are known to send it, but our fixtures and the shared samples do not show: namespace
 * prefixes, default namespaces, CDATA, character references, BOMs, UTF-16, windows-1252 bytes, CRLF,
 * empty optional elements, several bylines, headline only in a title, every date form, several
 * items in one message, camelCase or capitalised keys. Every value the editor sees is asserted:
 * headline, standfirst, bylines, dateline, paragraphs, pictures, related, slug, agency, notes, embargo.
 */

interface Seen {
  format: string
  headline: string
  standfirst: string
  bylines: Byline[]
  dateline: Dateline
  paragraphs: string[]
  pictures: Omit<Picture, 'mediaId'>[]
  related: { headline: string; url?: string }[]
  slug: string
  agency: string | undefined
  notes: string[]
  embargo: WireDraft['embargo']
}

const view = (format: string, d: WireDraft): Seen => ({
  format,
  headline: d.headline,
  standfirst: d.standfirst,
  bylines: d.bylines,
  dateline: d.dateline,
  paragraphs: blockTexts(d.body),
  pictures: d.pictures,
  related: d.related,
  slug: d.slug,
  agency: d.source.agency,
  notes: d.notes,
  embargo: d.embargo,
})

/** What the editor sees of each story in the file. */
function seen(bytes: Buffer | string): Seen[] {
  const parsed = parseWire(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)
  return parsed.drafts.map((d) => view(parsed.format, d))
}

/** The values an editor sees, with nothing left unsaid: what a case does not name must be empty. */
function expected(format: string, values: Partial<Seen>): Seen {
  return {
    format,
    headline: '',
    standfirst: '',
    bylines: [],
    dateline: {},
    paragraphs: [],
    pictures: [],
    related: [],
    slug: '',
    agency: undefined,
    notes: [],
    embargo: undefined,
    ...values,
  }
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n')
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le')
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!]
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le])
}
/** windows-1252 bytes: every character below U+0100 as its byte (\x93 and \x94 are curly quotes there). */
const cp1252 = (text: string) => Buffer.from(text, 'latin1')
const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])

interface Case {
  name: string
  input: Buffer | string
  stories: Seen[]
}

function run(cases: Case[]) {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(seen(c.input)).toEqual(c.stories)
  })
}

/* ---------------------------------------------------------------- NITF 3.x */

const nitfPrefixed = `<?xml version="1.0" encoding="UTF-8"?>
<nitf:nitf xmlns:nitf="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN">
 <nitf:head>
  <nitf:title>Harbour cranes idle as dock strike spreads</nitf:title>
  <nitf:docdata management-status="usable">
   <nitf:doc-id id-string="RTR-2023-1120-dock" regsrc="Reuters"/>
   <nitf:doc.copyright year="2023" holder="Reuters"/>
   <nitf:date.issue norm="20231120T153400Z"/>
   <nitf:key-list><nitf:keyword key="PORTS-STRIKE"/></nitf:key-list>
  </nitf:docdata>
 </nitf:head>
 <nitf:body>
  <nitf:body.head>
   <nitf:hedline>
    <nitf:hl1>Harbour cranes idle as dock strike spreads</nitf:hl1>
    <nitf:hl2>Walkout reaches a third port in a week</nitf:hl2>
   </nitf:hedline>
   <nitf:byline>By <nitf:person>Maria Olsen</nitf:person> <nitf:byttl>Reuters correspondent</nitf:byttl></nitf:byline>
   <nitf:dateline><nitf:location><nitf:city>ROTTERDAM</nitf:city></nitf:location> <nitf:story.date norm="20231120T153400Z">Nov 20</nitf:story.date></nitf:dateline>
  </nitf:body.head>
  <nitf:body.content>
   <nitf:p><![CDATA[Cranes stood still at Rotterdam's container terminals on Monday as dock workers joined a strike over pay & shifts.]]></nitf:p>
   <nitf:p>Unions said talks would resume on Thursday.</nitf:p>
  </nitf:body.content>
 </nitf:body>
</nitf:nitf>`

const nitfDefaultNamespace = `<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
<head><docdata><doc.copyright holder="Agence France-Presse"/></docdata></head>
<body><body.head><hedline><hl1>Grain deal talks stall in Istanbul</hl1></hedline>
<byline>By Selin Kaya</byline>
<byline>By Tom Hart</byline>
<dateline>ISTANBUL, Nov 20 (AFP) - <story.date norm="20231120T153400+0300">20 November 2023</story.date></dateline>
</body.head>
<body.content>
<p>Negotiators left &#8220;without agreement&#8221; on Monday&#x2014;the third failed round.</p>
<p>Ships waited&nbsp;off the Bosphorus &amp; the Dardanelles.</p>
</body.content></body></nitf>`

const nitfTitleOnly = `<?xml version="1.0" encoding="UTF-8"?>
<nitf>
<head><title>Ferry fares frozen for winter</title>
<docdata><date.issue norm="20231120"/><ed-msg info="Updates with minister's comment"/><doc.copyright holder="PA Media"/></docdata></head>
<body><body.head><hedline><hl1/></hedline><abstract/><byline/><dateline/></body.head>
<body.content><p>Ferry fares to the islands will not rise this winter, the transport minister said.</p><p/><p>   </p>
<p>Operators had asked for 6%.</p></body.content><body.end/></body></nitf>`

const nitfApMedia = `<nitf>
<head><docdata><doc-id id-string="a1b2c3"/><doc.copyright holder="The Associated Press"/><date.issue norm="2023-11-20T10:05:00-05:00"/></docdata></head>
<body><body.head><hedline><hl1>Wildfire forces evacuations near Reno</hl1></hedline>
<byline>By <person>SCOTT SONNER</person> and <person>REBECCA BOONE</person>, <byttl>Associated Press</byttl></byline>
<dateline><location><city>RENO</city>, <state>Nev.</state></location> (AP) &#8212;</dateline></body.head>
<body.content>
<media media-type="image" class="photo"><media-reference mime-type="image/jpeg" alternate-text="Smoke over hills west of Reno" source="https://example.com/p.jpg"/><media-caption><p>Smoke rises over the hills west of Reno on Monday.</p></media-caption><media-producer>Andy Barron/AP</media-producer></media>
<p>RENO, Nev. (AP) — A fast-moving wildfire forced hundreds of people from their homes on Monday.</p>
<p>No injuries were reported.</p>
</body.content>
<body.end><tagline>Boone reported from Boise, Idaho.</tagline><p>Related: <a href="https://example.com/fire-map">Map of active fires</a></p></body.end>
</body></nitf>`

const nitfCp1252 = `<?xml version="1.0" encoding="windows-1252"?>
<nitf><head><docdata><doc.copyright holder="dpa"/><date.issue norm="20231120T0930+0100"/></docdata></head>
<body><body.head><hedline><hl1>Bahn streicht Nachtz\u00fcge</hl1></hedline><byline>Von Anna Keller, dpa</byline></body.head>
<body.content><block><p>\u0084Das ist ein schwarzer Tag\u0093, sagte ein Sprecher.</p><hl2>Was Reisende wissen m\u00fcssen</hl2>
<p>Tickets werden erstattet \u0096 auch online.</p></block></body.content></body></nitf>`

const nitfUtf16 = `<?xml version="1.0" encoding="UTF-16"?>
<nitf><head><docdata><doc.copyright holder="Kyodo"/></docdata></head>
<body><body.head><hedline><hl1>Typhoon nears Okinawa</hl1></hedline>
<dateline><location><city>Naha</city><country>Japan</country></location></dateline></body.head>
<body.content><p>Airlines cancelled 120 flights to and from Okinawa on Monday.</p></body.content></body></nitf>`

describe('NITF 3.x as agencies send it', () => {
  run([
    {
      name: 'nitf: prefix, attributes in another order, CDATA, hl2 standfirst, person and byttl, city, basic ISO story.date',
      input: nitfPrefixed,
      stories: [
        expected('nitf', {
          headline: 'Harbour cranes idle as dock strike spreads',
          standfirst: 'Walkout reaches a third port in a week',
          bylines: [{ name: 'Maria Olsen', kind: 'person', title: 'Reuters correspondent' }],
          dateline: { place: 'ROTTERDAM', date: '2023-11-20T15:34:00Z' },
          paragraphs: [
            "Cranes stood still at Rotterdam's container terminals on Monday as dock workers joined a strike over pay & shifts.",
            'Unions said talks would resume on Thursday.',
          ],
          slug: 'ports-strike',
          agency: 'Reuters',
        }),
      ],
    },
    {
      name: 'default namespace, CRLF, two bylines, a dateline in words naming the agency, story.date with an offset, character references',
      input: crlf(nitfDefaultNamespace),
      stories: [
        expected('nitf', {
          headline: 'Grain deal talks stall in Istanbul',
          bylines: [
            { name: 'Selin Kaya', kind: 'person' },
            { name: 'Tom Hart', kind: 'person' },
          ],
          dateline: { place: 'ISTANBUL', source: 'AFP', date: '2023-11-20T15:34:00+03:00' },
          paragraphs: [
            'Negotiators left “without agreement” on Monday—the third failed round.',
            'Ships waited off the Bosphorus & the Dardanelles.',
          ],
          agency: 'AFP',
        }),
      ],
    },
    {
      name: 'UTF-8 BOM, headline only in head/title, empty hl1/abstract/byline/dateline/p, date-only date.issue, ed-msg',
      input: bom(nitfTitleOnly),
      stories: [
        expected('nitf', {
          headline: 'Ferry fares frozen for winter',
          bylines: [{ name: 'PA', kind: 'agency' }],
          dateline: { date: '2023-11-20' },
          paragraphs: [
            'Ferry fares to the islands will not rise this winter, the transport minister said.',
            'Operators had asked for 6%.',
          ],
          agency: 'PA',
          notes: ["Updates with minister's comment"],
        }),
      ],
    },
    {
      name: 'AP: persons in capitals joined by "and" with byttl, city and state, media before the text, tagline and a related link in body.end',
      input: nitfApMedia,
      stories: [
        expected('nitf', {
          headline: 'Wildfire forces evacuations near Reno',
          bylines: [
            { name: 'Scott Sonner', kind: 'person', title: 'Associated Press' },
            { name: 'Rebecca Boone', kind: 'person', title: 'Associated Press' },
          ],
          dateline: { place: 'RENO, Nev.', source: 'AP', date: '2023-11-20T10:05:00-05:00' },
          paragraphs: [
            'A fast-moving wildfire forced hundreds of people from their homes on Monday.',
            'No injuries were reported.',
            'Boone reported from Boise, Idaho.',
          ],
          pictures: [
            {
              alt: 'Smoke over hills west of Reno',
              caption: 'Smoke rises over the hills west of Reno on Monday.',
              credit: 'Andy Barron/AP',
            },
          ],
          related: [{ headline: 'Map of active fires', url: 'https://example.com/fire-map' }],
          agency: 'AP',
        }),
      ],
    },
    {
      name: 'windows-1252 bytes declared: German quotes and an en dash as 0x84/0x93/0x96, block wrapper, hl2 subhead in the body',
      input: cp1252(nitfCp1252),
      stories: [
        expected('nitf', {
          headline: 'Bahn streicht Nachtzüge',
          bylines: [
            { name: 'Anna Keller', kind: 'person' },
            { name: 'dpa', kind: 'agency' },
          ],
          dateline: { date: '2023-11-20T09:30+01:00' },
          paragraphs: [
            '„Das ist ein schwarzer Tag“, sagte ein Sprecher.',
            'Was Reisende wissen müssen',
            'Tickets werden erstattet – auch online.',
          ],
          agency: 'dpa',
        }),
      ],
    },
    {
      name: 'UTF-16 LE and BE with a BOM, a location of city and country with no separator',
      input: utf16le(nitfUtf16),
      stories: [
        expected('nitf', {
          headline: 'Typhoon nears Okinawa',
          bylines: [{ name: 'Kyodo', kind: 'agency' }],
          dateline: { place: 'Naha, Japan' },
          paragraphs: ['Airlines cancelled 120 flights to and from Okinawa on Monday.'],
          agency: 'Kyodo',
        }),
      ],
    },
    {
      name: 'UTF-16 BE',
      input: utf16be(nitfUtf16),
      stories: [
        expected('nitf', {
          headline: 'Typhoon nears Okinawa',
          bylines: [{ name: 'Kyodo', kind: 'agency' }],
          dateline: { place: 'Naha, Japan' },
          paragraphs: ['Airlines cancelled 120 flights to and from Okinawa on Monday.'],
          agency: 'Kyodo',
        }),
      ],
    },
  ])
})

/* ---------------------------------------------------------------- NewsML-G2 */

const g2Message = `<?xml version="1.0" encoding="UTF-8"?>
<nar:newsMessage xmlns:nar="http://iptc.org/std/nar/2006-10-01/" xmlns:xhtml="http://www.w3.org/1999/xhtml">
 <nar:header><nar:sent>2023-11-20T15:34:00Z</nar:sent></nar:header>
 <nar:itemSet>
  <nar:newsItem guid="urn:newsml:efe.com:20231120:1" version="1" standard="NewsML-G2" standardversion="2.33">
   <nar:itemMeta><nar:itemClass qcode="ninat:text"/><nar:provider literal="EFE"/><nar:versionCreated>2023-11-20T15:34:00+01:00</nar:versionCreated></nar:itemMeta>
   <nar:contentMeta><nar:located><nar:name>Madrid</nar:name></nar:located><nar:headline>El Gobierno aprueba el presupuesto</nar:headline></nar:contentMeta>
   <nar:contentSet><nar:inlineXML contenttype="application/xhtml+xml"><xhtml:html><xhtml:head><xhtml:title>x</xhtml:title></xhtml:head><xhtml:body><xhtml:p>El Consejo de Ministros aprobó el martes el proyecto de presupuestos.</xhtml:p></xhtml:body></xhtml:html></nar:inlineXML></nar:contentSet>
  </nar:newsItem>
  <nar:newsItem guid="urn:newsml:efe.com:20231120:2" version="1" standard="NewsML-G2" standardversion="2.33">
   <nar:itemMeta><nar:itemClass qcode="ninat:text"/><nar:provider literal="EFE"/><nar:versionCreated>2023-11-20T16:10:00+01:00</nar:versionCreated></nar:itemMeta>
   <nar:contentMeta><nar:headline>La oposición critica las cuentas</nar:headline></nar:contentMeta>
   <nar:contentSet><nar:inlineData contenttype="text/plain">El principal partido de la oposición calificó las cuentas de "irreales".</nar:inlineData></nar:contentSet>
  </nar:newsItem>
  <nar:newsItem guid="urn:newsml:efe.com:20231120:3" version="1" standard="NewsML-G2" standardversion="2.33">
   <nar:itemMeta><nar:itemClass uri="http://cv.iptc.org/newscodes/ninature/picture"/><nar:provider literal="EFE"/><nar:versionCreated>2023-11-20T15:00:00+01:00</nar:versionCreated></nar:itemMeta>
   <nar:contentMeta><nar:headline>Sánchez en el Congreso</nar:headline><nar:description role="drol:caption">El presidente del Gobierno, en el Congreso.</nar:description><nar:creditline>EFE/Juan Pérez</nar:creditline></nar:contentMeta>
   <nar:contentSet><nar:remoteContent href="https://example.com/x.jpg" contenttype="image/jpeg" width="1024" height="683"/></nar:contentSet>
  </nar:newsItem>
 </nar:itemSet>
</nar:newsMessage>`

const g2Roles = `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="tag:afp.com,2023:newsml_abc" version="3" standard="NewsML-G2" standardversion="2.33" xml:lang="fr">
 <rightsInfo><copyrightHolder uri="http://www.afp.com"><name>AFP</name></copyrightHolder><usageTerms>Pas d'utilisation en Belgique.</usageTerms></rightsInfo>
 <itemMeta>
  <itemClass qcode="ninat:text"/>
  <provider qcode="nprov:AFP"/>
  <versionCreated>2023-11-20T16:00:00Z</versionCreated>
  <pubStatus qcode="stat:usable"/>
  <embargoed>2023-11-21T00:01:00+01:00</embargoed>
  <edNote>Corrige l'orthographe du nom du ministre au 3e paragraphe</edNote>
  <signal qcode="sig:correction"/>
 </itemMeta>
 <contentMeta>
  <contentCreated>2023-11-20</contentCreated>
  <located type="cptype:city" qcode="geo:2660646"><name xml:lang="fr">Genève</name><name xml:lang="en">Geneva</name></located>
  <creator qcode="afpaut:1"><name>Jean Dupont</name></creator>
  <creator literal="Marie Leclerc"/>
  <headline role="hlrole:subheadline">Les négociations reprennent mardi</headline>
  <headline role="hlrole:main">Climat : Genève accueille les négociateurs</headline>
  <slugline separator="-">Climat-ONU-négociations</slugline>
  <dateline>GENÈVE, 20 nov 2023 (AFP) -</dateline>
  <description role="drol:summary">Quarante pays envoient des délégués pour une semaine de discussions.</description>
 </contentMeta>
 <contentSet><inlineData contenttype="text/plain">Les délégués de quarante pays se sont retrouvés lundi à Genève pour tenter de relancer les négociations sur le climat, au point mort depuis l'été.
La présidence de la conférence a dit espérer « un texte commun » d'ici vendredi, sans cacher que les divergences restaient profondes.
Les ONG manifesteront devant le Palais des Nations mercredi.</inlineData></contentSet>
</newsItem>`

const g2ByAndTitle = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:dpa:1" version="1" standard="NewsML-G2">
 <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:DPA"/><firstCreated>2023-11-20T08:15:00+01:00</firstCreated><title>Hafenstreik weitet sich aus</title></itemMeta>
 <contentMeta>
  <by>Von Anna Keller</by>
  <by>Tom Berger</by>
  <creator><name>Redaktion Hamburg</name></creator>
  <located literal="Hamburg, Deutschland"/>
  <headline/>
 </contentMeta>
 <contentSet><inlineXML contenttype="text/html"><![CDATA[<p>Der Streik im Hamburger Hafen hat am Montag auch die Containerterminals erfasst.</p><p>Die Gewerkschaft k&uuml;ndigte weitere Aktionen an &amp; forderte Gespr&auml;che.</p>]]></inlineXML></contentSet>
</newsItem>`

const g2Withheld = `<?xml version="1.0" encoding="ISO-8859-1"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:ansa:99" version="2" standard="NewsML-G2">
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="ANSA"/><versionCreated>2023-11-20T12:00:00+01:00</versionCreated><pubStatus qcode="stat:withheld"/><edNote>Notizia sospesa in attesa di verifica</edNote></itemMeta>
 <contentMeta><headline>Crollo a Genova, due feriti</headline><dateline>GENOVA, 20 NOV -</dateline></contentMeta>
 <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>Due persone sono rimaste ferite nel crollo di un muro a Genova, in una via del centro. La citt\u00e0 \u00e8 sotto choc.</p></body.content></body></nitf></inlineXML></contentSet>
</newsItem>`

describe('NewsML-G2 as agencies send it', () => {
  run([
    {
      name: 'newsMessage with nar: prefixes, an itemSet of two text items and a picture item whose itemClass is a uri',
      input: g2Message,
      stories: [
        expected('newsml-g2', {
          headline: 'El Gobierno aprueba el presupuesto',
          bylines: [{ name: 'EFE', kind: 'agency' }],
          dateline: { place: 'Madrid', date: '2023-11-20T15:34:00+01:00' },
          paragraphs: ['El Consejo de Ministros aprobó el martes el proyecto de presupuestos.'],
          pictures: [
            {
              alt: 'El presidente del Gobierno, en el Congreso.',
              caption: 'El presidente del Gobierno, en el Congreso.',
              credit: 'EFE/Juan Pérez',
            },
          ],
          agency: 'EFE',
        }),
        expected('newsml-g2', {
          headline: 'La oposición critica las cuentas',
          bylines: [{ name: 'EFE', kind: 'agency' }],
          dateline: { date: '2023-11-20T16:10:00+01:00' },
          paragraphs: ['El principal partido de la oposición calificó las cuentas de "irreales".'],
          agency: 'EFE',
        }),
      ],
    },
    {
      name: 'headline roles (subheadline first), creators by name and literal, located with names in two languages, dateline, date-only contentCreated, one paragraph a line, embargo, signal, rights',
      input: g2Roles,
      stories: [
        expected('newsml-g2', {
          headline: 'Climat : Genève accueille les négociateurs',
          standfirst: 'Quarante pays envoient des délégués pour une semaine de discussions.',
          bylines: [
            { name: 'Jean Dupont', kind: 'person' },
            { name: 'Marie Leclerc', kind: 'person' },
          ],
          dateline: { place: 'GENÈVE', source: 'AFP', date: '2023-11-20' },
          paragraphs: [
            "Les délégués de quarante pays se sont retrouvés lundi à Genève pour tenter de relancer les négociations sur le climat, au point mort depuis l'été.",
            "La présidence de la conférence a dit espérer « un texte commun » d'ici vendredi, sans cacher que les divergences restaient profondes.",
            'Les ONG manifesteront devant le Palais des Nations mercredi.',
          ],
          slug: slugify('Climat-ONU-négociations'),
          agency: 'AFP',
          notes: [
            "Corrige l'orthographe du nom du ministre au 3e paragraphe",
            'Embargoed until 2023-11-21T00:01:00+01:00.',
            'Signal: correction.',
            "Usage terms: Pas d'utilisation en Belgique.",
          ],
          embargo: { until: '2023-11-21T00:01:00+01:00' },
        }),
      ],
    },
    {
      name: 'several by elements, an empty headline with the headline in itemMeta/title, located literal only, HTML in CDATA with named entities',
      input: crlf(g2ByAndTitle),
      stories: [
        expected('newsml-g2', {
          headline: 'Hafenstreik weitet sich aus',
          bylines: [
            { name: 'Anna Keller', kind: 'person' },
            { name: 'Tom Berger', kind: 'person' },
          ],
          dateline: { place: 'Hamburg, Deutschland', date: '2023-11-20T08:15:00+01:00' },
          paragraphs: [
            'Der Streik im Hamburger Hafen hat am Montag auch die Containerterminals erfasst.',
            'Die Gewerkschaft kündigte weitere Aktionen an & forderte Gespräche.',
          ],
          agency: 'dpa',
        }),
      ],
    },
    {
      name: 'ISO-8859-1 declared with Latin-1 bytes, pubStatus withheld, a dateline with the date and no agency, NITF inline in a default namespace',
      input: cp1252(g2Withheld),
      stories: [
        expected('newsml-g2', {
          headline: 'Crollo a Genova, due feriti',
          bylines: [{ name: 'ANSA', kind: 'agency' }],
          dateline: { place: 'GENOVA', date: '2023-11-20T12:00:00+01:00' },
          paragraphs: [
            'Due persone sono rimaste ferite nel crollo di un muro a Genova, in una via del centro. La città è sotto choc.',
          ],
          agency: 'ANSA',
          notes: ['Notizia sospesa in attesa di verifica', 'Wire status: withheld.'],
        }),
      ],
    },
  ])
})

/* ---------------------------------------------------------------- ninjs */

const ninjs3 = JSON.stringify({
  uri: 'https://example.com/items/tt-1',
  standard: { name: 'ninjs', version: '3.0', schema: 'https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json' },
  type: 'text',
  firstCreated: '2023-11-20T09:00:00+01:00',
  versionCreated: '2023-11-20T09:30:00+01:00',
  title: 'Snöoväder stänger E4',
  by: 'Av Karin Lind',
  located: 'Sundsvall',
  copyrightHolder: 'TT Nyhetsbyrån',
  usageTerms: 'Endast för svenska medier.',
  edNote: 'Uppdaterad med polisens uppgifter.',
  pubStatus: 'usable',
  slugline: 'snö-e4',
  bodies: [
    {
      role: 'main',
      contentType: 'text/html',
      value:
        '<p>E4 stängdes på måndagen norr om Sundsvall.</p><p>Trafikverket räknar med att vägen öppnar på kvällen.</p>',
    },
  ],
  associations: [
    {
      name: 'featureimage',
      uri: 'https://example.com/items/tt-pic-1',
      type: 'picture',
      headlines: [{ value: 'Snö på E4' }],
      descriptions: [
        { role: 'alt', value: 'Lastbilar i snön' },
        { role: 'caption', value: 'Lastbilar står stilla på E4 vid Sundsvall.' },
      ],
      by: 'Per Ek/TT',
      renditions: [{ name: 'original', href: 'https://example.com/p.jpg', contentType: 'image/jpeg', width: 2000 }],
    },
  ],
})

const ninjs2 = JSON.stringify({
  uri: 'urn:ntb:1',
  $standard: { name: 'ninjs', version: '2.0' },
  type: 'text',
  firstcreated: '2023-11-20T08:00:00Z',
  headlines: [
    { role: 'short', value: 'Streik i Oslo' },
    { role: 'main', value: 'Bussjåfører i Oslo streiker fra mandag' },
  ],
  descriptions: [{ role: 'summary', value: 'Over 2000 sjåfører legger ned arbeidet.' }],
  bodies: [
    { role: 'main', contenttype: 'text/plain', value: 'Streiken rammer alle linjer.\n\nRuter ber folk ta t-banen.' },
    {
      role: 'main',
      contenttype: 'text/html',
      value: '<p>Streiken rammer alle linjer.</p><p>Ruter ber folk ta t-banen.</p>',
    },
  ],
  by: 'Ola Nordmann og Kari Nordmann',
  located: 'Oslo',
  copyrightholder: 'NTB',
  pubstatus: 'usable',
  embargoed: '2023-11-20',
  associations: [
    {
      name: 'related-1',
      uri: 'https://example.com/ntb/2',
      type: 'text',
      headlines: [{ value: 'Forrige streik varte i to uker' }],
    },
  ],
})

const ninjsStrings = JSON.stringify({
  uri: 'urn:x:strings',
  headlines: [{ value: 'Bridge reopens after repairs' }],
  bodies: ['The bridge reopened to traffic on Monday.', 'Repairs took eleven weeks.'],
  source: 'AAP',
})

const ninjsCapitalised = JSON.stringify({
  URI: 'urn:x:caps',
  Headline: 'Flood warnings for the Severn',
  Body_Html: '<p>Flood warnings were issued for the Severn on Monday.</p>',
  Byline: 'By Sam Jones',
  Located: 'Gloucester',
  FirstCreated: '2023-11-20T07:00:00Z',
  Source: 'PA',
})

const ninjs1Associations = `{"uri":"urn:ap:1","type":"text","headline":"Captain on trial over wreck","byline":"By FRANCES D'EMILIO","located":"Grosseto, Italy","versioncreated":"20231120T153400Z","body_text":"The trial opened on Monday.\\r\\n\\r\\nIt is expected to last months.","copyrightholder":"The Associated Press","associations":{"main":{"type":"picture","description_text":"The captain arrives at court in Grosseto. (AP Photo/Luca Bruno)","body_text":"A man in a suit walks past photographers","byline":"Luca Bruno"},"related1":{"type":"text","headline":"Earlier: the ship is towed away","uri":"https://example.com/ap/towed"}}}`

describe('ninjs 1.x, 2.x and 3.x as agencies send it', () => {
  run([
    {
      name: '3.x camelCase: headline only in title, usageTerms, copyrightHolder, picture association with alt and caption roles and renditions',
      input: ninjs3,
      stories: [
        expected('ninjs', {
          headline: 'Snöoväder stänger E4',
          bylines: [{ name: 'Karin Lind', kind: 'person' }],
          dateline: { place: 'Sundsvall', date: '2023-11-20T09:00:00+01:00' },
          paragraphs: [
            'E4 stängdes på måndagen norr om Sundsvall.',
            'Trafikverket räknar med att vägen öppnar på kvällen.',
          ],
          pictures: [
            { alt: 'Lastbilar i snön', caption: 'Lastbilar står stilla på E4 vid Sundsvall.', credit: 'Per Ek/TT' },
          ],
          slug: slugify('snö-e4'),
          agency: 'TT',
          notes: ['Uppdaterad med polisens uppgifter.', 'Usage terms: Endast för svenska medier.'],
        }),
      ],
    },
    {
      name: '2.x: headline roles short then main, HTML body preferred to plain, date-only embargo, a related text association',
      input: ninjs2,
      stories: [
        expected('ninjs', {
          headline: 'Bussjåfører i Oslo streiker fra mandag',
          standfirst: 'Over 2000 sjåfører legger ned arbeidet.',
          bylines: [
            { name: 'Ola Nordmann', kind: 'person' },
            { name: 'Kari Nordmann', kind: 'person' },
          ],
          dateline: { place: 'Oslo', date: '2023-11-20T08:00:00Z' },
          paragraphs: ['Streiken rammer alle linjer.', 'Ruter ber folk ta t-banen.'],
          related: [{ headline: 'Forrige streik varte i to uker', url: 'https://example.com/ntb/2' }],
          agency: 'NTB',
          notes: ['Embargoed until 2023-11-20.'],
          embargo: { until: '2023-11-20' },
        }),
      ],
    },
    {
      name: 'bodies as an array of strings',
      input: ninjsStrings,
      stories: [
        expected('ninjs', {
          headline: 'Bridge reopens after repairs',
          bylines: [{ name: 'AAP', kind: 'agency' }],
          paragraphs: ['The bridge reopened to traffic on Monday.', 'Repairs took eleven weeks.'],
          agency: 'AAP',
        }),
      ],
    },
    {
      name: 'capitalised keys (Headline, Body_Html, Byline, FirstCreated)',
      input: bom(crlf(ninjsCapitalised)),
      stories: [
        expected('ninjs', {
          headline: 'Flood warnings for the Severn',
          bylines: [{ name: 'Sam Jones', kind: 'person' }],
          dateline: { place: 'Gloucester', date: '2023-11-20T07:00:00Z' },
          paragraphs: ['Flood warnings were issued for the Severn on Monday.'],
          agency: 'PA',
        }),
      ],
    },
    {
      name: '1.x: associations object with a picture (the bracketed credit leaves the caption, alt in body_text) and a related text, basic ISO date, CRLF in body_text',
      input: ninjs1Associations,
      stories: [
        expected('ninjs', {
          headline: 'Captain on trial over wreck',
          bylines: [{ name: "Frances D'Emilio", kind: 'person' }],
          dateline: { place: 'Grosseto, Italy', date: '2023-11-20T15:34:00Z' },
          paragraphs: ['The trial opened on Monday.', 'It is expected to last months.'],
          pictures: [
            {
              alt: 'A man in a suit walks past photographers',
              caption: 'The captain arrives at court in Grosseto.',
              credit: 'Luca Bruno',
            },
          ],
          related: [{ headline: 'Earlier: the ship is towed away', url: 'https://example.com/ap/towed' }],
          agency: 'AP',
        }),
      ],
    },
  ])
})

/* ---------------------------------------------------------------- IPTC 7901 and ANPA 1312 */

const iptc7901Crlf =
  '\x01afp012 4 i 312 ccaa AFP 0231\r\n' +
  'France-grève/\r\n' +
  '\x02Grève des contrôleurs aériens : des centaines de vols annulés dans\r\n' +
  'les aéroports français =\r\n' +
  'Par Claire Martin =\r\n' +
  '   PARIS, 20 nov (AFP) - Des centaines de vols ont été annulés lundi en France en raison\r\n' +
  "d'une grève des contrôleurs aériens, a indiqué la DGAC.\r\n" +
  '   Les aéroports de Paris et de Marseille sont les plus touchés.\r\n' +
  '   cm/dl\r\n' +
  '\x03201534 nov 23\x04'

const iptc7901Blank =
  '\x7f\x7f\r\n\x01ans045 3 a 140 ANSA\r\n' +
  'Maltempo-Liguria/\r\n' +
  '\x02Allerta rossa in Liguria\r\n' +
  '\r\n' +
  "GENOVA, 20 NOV - Scuole chiuse domani a Genova e Savona per l'allerta meteo.\r\n" +
  '\r\n' +
  'La Protezione civile invita a limitare gli spostamenti.\r\n' +
  '\r\n' +
  '(ANSA).\r\n' +
  '\x03'

const anpaSpaces =
  '\x16\x16\x01a0123 BC-US--Storm-Power,0215\r\n' +
  'r a \x13\x11 BC-US--Storm-Power 11-20\r\n' +
  '\x02^BC-US--Storm-Power,0215<\r\n' +
  '^Thousands without power after ice storm<\r\n' +
  '^By JOHN SMITH=\r\n' +
  '^Associated Press Writer=\r\n' +
  "   OKLAHOMA CITY (AP) -- An ice storm left more than 80,000 homes without power Monday, ``and it could be days,'' a utility spokesman said.\r\n" +
  '   Crews from three states were on their way.\r\n' +
  '   \r\n' +
  '\x03AP-WX-11-20-23 1534GMT<'

describe('IPTC 7901 and ANPA 1312 framing variants', () => {
  run([
    {
      name: '7901 with CRLF, a headline over two lines ending " =", a "Par … =" byline, indented paragraphs, desk initials, ETX time and EOT',
      input: iptc7901Crlf,
      stories: [
        expected('iptc7901', {
          headline: 'Grève des contrôleurs aériens : des centaines de vols annulés dans les aéroports français',
          bylines: [{ name: 'Claire Martin', kind: 'person' }],
          dateline: { place: 'PARIS', source: 'AFP' },
          paragraphs: [
            "Des centaines de vols ont été annulés lundi en France en raison d'une grève des contrôleurs aériens, a indiqué la DGAC.",
            'Les aéroports de Paris et de Marseille sont les plus touchés.',
          ],
          slug: 'france-greve',
          agency: 'AFP',
        }),
      ],
    },
    {
      name: '7901 with DEL padding, blank-line paragraphs, a headline without " =", an ANSA dateline without brackets and its sign-off',
      input: iptc7901Blank,
      stories: [
        expected('iptc7901', {
          headline: 'Allerta rossa in Liguria',
          bylines: [{ name: 'ANSA', kind: 'agency' }],
          dateline: { place: 'GENOVA' },
          paragraphs: [
            "Scuole chiuse domani a Genova e Savona per l'allerta meteo.",
            'La Protezione civile invita a limitare gli spostamenti.',
          ],
          slug: 'maltempo-liguria',
          agency: 'ANSA',
        }),
      ],
    },
    {
      name: 'ANPA with CRLF and paragraphs led by spaces instead of TAB, typewriter quotes and a double-hyphen dash',
      input: anpaSpaces,
      stories: [
        expected('anpa1312', {
          headline: 'Thousands without power after ice storm',
          bylines: [{ name: 'John Smith', kind: 'person', title: 'Associated Press Writer' }],
          dateline: { place: 'OKLAHOMA CITY', source: 'AP', date: '2023-11-20T15:34Z' },
          paragraphs: [
            'An ice storm left more than 80,000 homes without power Monday, “and it could be days,” a utility spokesman said.',
            'Crews from three states were on their way.',
          ],
          slug: 'storm-power',
          agency: 'AP',
        }),
      ],
    },
  ])
})

/* ---------------------------------------------------------------- a second round, after the fixes above */

const nitfCanceled = `<?xml version="1.0" encoding="ISO-8859-15"?>
<nitf><head><docdata management-status="canceled"><doc-id id-string="EFE-77"/><doc.copyright holder="EFE"/>
<date.release norm="20231121T060000+0100"/><urgency ed-urg="2"/></docdata></head>
<body><body.head><hedline><hl1>Anulada: subida del IVA al 23 \u00a4</hl1><hl2>Anulada: subida del IVA al 23 \u00a4</hl2></hedline>
<byline><person>Ana Ruiz</person><person>Pedro Gil</person></byline>
<abstract><p>El Gobierno retira la noticia.</p></abstract></body.head>
<body.content><p>Esta noticia ha sido anulada.</p>
<media media-type="video"><media-reference source="https://example.com/v.mp4"/><media-caption>V\u00eddeo</media-caption></media>
<media media-type="image"><media-reference source="https://example.com/p.jpg"/><media-caption>La ministra, en Madrid. (Foto: Juan P\u00e9rez/EFE)</media-caption></media>
</body.content></body></nitf>`

const g2InfoSource = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:info" standard="NewsML-G2" version="1">
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example Syndication Ltd"/><versionCreated>2023-11-20T11:00:00+09:00</versionCreated>
  <link rel="irel:seeAlso" href="https://example.com/kyodo/earlier" title="Earlier: quake shakes Hokkaido"/>
 </itemMeta>
 <contentMeta>
  <infoSource role="cpprole:origin"><name>Kyodo News</name></infoSource>
  <headline xml:lang="en">Tsunami advisory lifted for Hokkaido coast</headline>
  <dateline>SAPPORO, Nov. 20 Kyodo -</dateline>
 </contentMeta>
 <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
  <h1>Tsunami advisory lifted for Hokkaido coast</h1>
  <p>SAPPORO, Nov. 20 Kyodo - Japan lifted a tsunami advisory for the Pacific coast of Hokkaido on Monday.</p>
  <figure><img src="https://example.com/t.jpg" alt="The harbour at Kushiro"/><figcaption>The harbour at Kushiro on Monday.</figcaption></figure>
  <p>No damage was reported.</p>
 </body></html></inlineXML></contentSet>
</newsItem>`

const ninjsHtmlHeadline = JSON.stringify({
  uri: 'urn:x:htmlhl',
  type: 'text',
  headlines: [{ role: 'main', contentType: 'text/html', value: '<b>Wind farm</b> approved off Galway' }],
  bodies: [
    {
      contentType: 'text/html',
      value:
        '<p>Planners approved the wind farm on Monday.</p><figure><img alt="Turbines at sea"><figcaption>Turbines off the coast. Picture: PA</figcaption></figure>',
    },
  ],
  byline: 'By Niamh O&#8217;Brien',
  pubstatus: 'canceled',
  ednote: 'Kill: legal',
  source: 'PA',
  associations: [
    {
      name: 'gallery-1',
      uri: 'urn:x:pic',
      headlines: [{ value: 'Turbines at dusk' }],
      renditions: [{ name: 'original', contentType: 'image/jpeg', href: 'https://example.com/t.jpg' }],
      by: 'Brian Lawless/PA',
    },
  ],
})

const ninjsEnvelope =
  '\ufeff' +
  JSON.stringify({
    data: {
      items: [
        {
          uri: 'urn:x:1',
          type: 'text',
          headline: 'First of two',
          body_text: 'One.',
          copyrightholder: 'dpa',
          urgency: '3',
        },
        { uri: 'urn:x:2', type: 'text', headline: 'Second of two', body_text: 'Two.', copyrightholder: 'dpa' },
      ],
    },
  })

const iptc7901Latin1 =
  '\x01dpa0456 4 pl 210 dpa 0098\n' +
  'Deutschland-Wetter/\n' +
  '\x02Sturm \u00fcber Norddeutschland =\n' +
  '   Hamburg (dpa) - Ein Sturm hat am Montag in Norddeutschland B\u00e4ume entwurzelt.\n' +
  '   Die Feuerwehr r\u00fcckte mehr als 300 Mal aus.\n' +
  'dpa xy yz\n' +
  '\x03NNNN'

const anpaEst =
  '\x16\x16\x01a0777 BC-Flood-Texas,0188\n' +
  'u a \x13\x11 BC-Flood-Texas 11-20\n' +
  '\x02^BC-Flood-Texas,0188<\n' +
  "^Flooding closes ``major'' highways in Houston<\n" +
  '^By MARIA GARCIA and TOM LEE=\n' +
  '^Associated Press=\n' +
  '\tHOUSTON (AP) _ Flash flooding closed two interstates in Houston on Monday.\n' +
  '\tSchools opened late.\n' +
  '\x03AP-NY-11-20-23 1534EST<'

const genericXml = `<?xml version="1.0" encoding="UTF-8"?>
<uutinen xmlns="urn:example:stt">
 <otsikko>Lumimyräkkä sulki koulut</otsikko>
 <kirjoittaja>Matti Virtanen</kirjoittaja>
 <paikka>Oulu</paikka>
 <teksti><p>Lumimyräkkä sulki maanantaina koulut Oulussa.</p><p>Tiet aurataan illaksi.</p></teksti>
</uutinen>`

describe('a second round of copy nobody had seen', () => {
  run([
    {
      name: 'NITF: ISO-8859-15 (€ as 0xA4), management-status canceled, date.release embargo, persons without "and", abstract in <p>, a video skipped, credit in a caption',
      input: Buffer.from(nitfCanceled, 'latin1'),
      stories: [
        expected('nitf', {
          headline: 'Anulada: subida del IVA al 23 €',
          standfirst: 'El Gobierno retira la noticia.',
          bylines: [
            { name: 'Ana Ruiz', kind: 'person' },
            { name: 'Pedro Gil', kind: 'person' },
          ],
          paragraphs: ['Esta noticia ha sido anulada.'],
          pictures: [{ alt: 'La ministra, en Madrid.', caption: 'La ministra, en Madrid.', credit: 'Juan Pérez/EFE' }],
          agency: 'EFE',
          notes: ['Wire status: canceled.', 'Embargoed until 2023-11-21T06:00:00+01:00.'],
          embargo: { until: '2023-11-21T06:00:00+01:00' },
        }),
      ],
    },
    {
      name: 'G2: provider an aggregator, the agency in infoSource, a Kyodo dateline without brackets, XHTML repeating the headline, a figure, a seeAlso link',
      input: g2InfoSource,
      stories: [
        expected('newsml-g2', {
          headline: 'Tsunami advisory lifted for Hokkaido coast',
          bylines: [{ name: 'Kyodo', kind: 'agency' }],
          dateline: { place: 'SAPPORO', source: 'Kyodo', date: '2023-11-20T11:00:00+09:00' },
          paragraphs: [
            'Japan lifted a tsunami advisory for the Pacific coast of Hokkaido on Monday.',
            'No damage was reported.',
          ],
          pictures: [{ alt: 'The harbour at Kushiro', caption: 'The harbour at Kushiro on Monday.', credit: '' }],
          related: [{ headline: 'Earlier: quake shakes Hokkaido', url: 'https://example.com/kyodo/earlier' }],
          agency: 'Kyodo',
        }),
      ],
    },
    {
      name: 'ninjs: an HTML headline, a figure in the body, an entity in the byline, status canceled, a picture association known by its rendition only',
      input: ninjsHtmlHeadline,
      stories: [
        expected('ninjs', {
          headline: 'Wind farm approved off Galway',
          bylines: [{ name: 'Niamh O’Brien', kind: 'person' }],
          paragraphs: ['Planners approved the wind farm on Monday.'],
          pictures: [
            { alt: 'Turbines at sea', caption: 'Turbines off the coast.', credit: 'PA' },
            { alt: 'Turbines at dusk', caption: 'Turbines at dusk', credit: 'Brian Lawless/PA' },
          ],
          agency: 'PA',
          notes: ['Kill: legal', 'Wire status: canceled.'],
        }),
      ],
    },
    {
      name: 'ninjs: a BOM, a data/items envelope of two stories',
      input: ninjsEnvelope,
      stories: [
        expected('ninjs', {
          headline: 'First of two',
          bylines: [{ name: 'dpa', kind: 'agency' }],
          paragraphs: ['One.'],
          agency: 'dpa',
        }),
        expected('ninjs', {
          headline: 'Second of two',
          bylines: [{ name: 'dpa', kind: 'agency' }],
          paragraphs: ['Two.'],
          agency: 'dpa',
        }),
      ],
    },
    {
      name: '7901: Latin-1 bytes with no declaration, no blank line before the initials, NNNN after ETX',
      input: Buffer.from(iptc7901Latin1, 'latin1'),
      stories: [
        expected('iptc7901', {
          headline: 'Sturm über Norddeutschland',
          bylines: [{ name: 'dpa', kind: 'agency' }],
          dateline: { place: 'Hamburg', source: 'dpa' },
          paragraphs: [
            'Ein Sturm hat am Montag in Norddeutschland Bäume entwurzelt.',
            'Die Feuerwehr rückte mehr als 300 Mal aus.',
          ],
          slug: 'deutschland-wetter',
          agency: 'dpa',
        }),
      ],
    },
    {
      name: 'ANPA: a sign-off in US Eastern time, typewriter quotes in the headline, two bylines with the agency on the next line',
      input: anpaEst,
      stories: [
        expected('anpa1312', {
          headline: 'Flooding closes “major” highways in Houston',
          bylines: [
            { name: 'Maria Garcia', kind: 'person' },
            { name: 'Tom Lee', kind: 'person' },
            { name: 'Associated Press', kind: 'agency' },
          ],
          dateline: { place: 'HOUSTON', source: 'AP', date: '2023-11-20T15:34-05:00' },
          paragraphs: ['Flash flooding closed two interstates in Houston on Monday.', 'Schools opened late.'],
          slug: 'flood-texas',
          agency: 'AP',
        }),
      ],
    },
    {
      name: "generic XML: an agency's own Finnish schema in a default namespace",
      input: genericXml,
      stories: [
        expected('generic-xml', {
          headline: 'Lumimyräkkä sulki koulut',
          bylines: [{ name: 'Matti Virtanen', kind: 'person' }],
          dateline: { place: 'Oulu' },
          paragraphs: ['Lumimyräkkä sulki maanantaina koulut Oulussa.', 'Tiet aurataan illaksi.'],
          notes: [
            'Read generically: Copydesk does not know this XML (<uutinen>), so it took the headline, byline and text from the elements named like them. Check them against the original.',
          ],
        }),
      ],
    },
  ])
})

const nitfPlainBody = `<nitf><head><docdata><doc.copyright holder="Xinhua News Agency"/><date.issue norm="20231120T2015+0800"/></docdata></head>
<body><body.head><hedline><hl1>China launches new weather satellite</hl1></hedline></body.head>
<body.content>
BEIJING, Nov. 20 (Xinhua) -- China on Monday launched a new meteorological satellite from the Jiuquan centre.

The satellite will improve typhoon forecasts, the space agency said.
</body.content></body></nitf>`

const ninjs1Renditions = JSON.stringify({
  uri: 'urn:x:r',
  type: 'text',
  headline: 'Orchestra returns to restored hall',
  body_html: '<p>The orchestra played its first concert in the restored hall on Sunday.</p>',
  byline: 'By JEAN MORRIS, Associated Press',
  associations: {
    featuremedia: {
      uri: 'urn:x:pic',
      description_text: 'Musicians rehearse in the restored hall.',
      renditions: { original: { href: 'https://example.com/h.jpg', mimetype: 'image/jpeg' } },
      copyrightholder: 'The Associated Press',
    },
  },
})

describe('a third round', () => {
  run([
    {
      name: 'NITF whose body.content is plain text with blank lines and no <p>, a Xinhua dateline with a double hyphen',
      input: crlf(nitfPlainBody),
      stories: [
        expected('nitf', {
          headline: 'China launches new weather satellite',
          bylines: [{ name: 'Xinhua', kind: 'agency' }],
          dateline: { place: 'BEIJING', source: 'Xinhua', date: '2023-11-20T20:15+08:00' },
          paragraphs: [
            'China on Monday launched a new meteorological satellite from the Jiuquan centre.',
            'The satellite will improve typhoon forecasts, the space agency said.',
          ],
          agency: 'Xinhua',
        }),
      ],
    },
    {
      name: 'ninjs 1.x: a picture association with no type and renditions as an object, the agency named only in the byline',
      input: ninjs1Renditions,
      stories: [
        expected('ninjs', {
          headline: 'Orchestra returns to restored hall',
          bylines: [
            { name: 'Jean Morris', kind: 'person' },
            { name: 'Associated Press', kind: 'agency' },
          ],
          paragraphs: ['The orchestra played its first concert in the restored hall on Sunday.'],
          pictures: [
            {
              alt: 'Musicians rehearse in the restored hall.',
              caption: 'Musicians rehearse in the restored hall.',
              credit: 'AP',
            },
          ],
          agency: 'AP',
        }),
      ],
    },
  ])
})
