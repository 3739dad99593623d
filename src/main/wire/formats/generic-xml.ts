import { agencyLabel, isAgencyName } from '../agencies'
import { blocksFromMarkup, bodyFromBlocks, paragraphBlocks, takeDatelineFromBlocks } from '../blocks'
import { bylinesFrom } from '../bylines'
import { placeOfDateline } from '../dateline'
import { compactDate, isoDate } from '../dates'
import { blankDraft, type WireDraft } from '../draft'
import { WireError } from '../errors'
import { looksLikeHtml, parseHtml } from '../html'
import { decodeEntities, oneLine, paragraphsOf } from '../text'
import { parseXml, textOf, type XElement, type XNode } from '../xml'
import { cleanText } from '../decode'
import { defineWireFormat } from './format'

/**
 * A reader for XML in a schema Copydesk does not know (an agency's own, such as Ritzau's, or a CMS
 * export): it finds the elements whose names say headline, byline, dateline, standfirst and body,
 * in the languages of the agencies we read, and imports those, telling the editor in the notes that
 * the copy was read generically. When nothing looks like a headline or a body, the file is refused.
 */

// Element names (lower case, without "-", "_" and ".") by the part of a story they hold.
// prettier-ignore
const NAMES = {
  headline: ['headline', 'hl1', 'hedline', 'title', 'titel', 'overskrift', 'rubrik', 'titre', 'titular', 'titulo',
    'título', 'titolo', 'otsikko', 'heading', 'headlinetext', 'maintitle', 'rubrique'],
  standfirst: ['standfirst', 'lead', 'lede', 'ingress', 'ingres', 'manchet', 'underrubrik', 'abstract', 'summary',
    'teaser', 'description', 'intro', 'chapeau', 'sumario', 'entradilla', 'sommario', 'occhiello', 'vorspann', 'subtitle',
    'subheadline', 'hl2', 'deck'],
  byline: ['byline', 'by', 'author', 'authors', 'forfatter', 'författare', 'skribent', 'autor', 'auteur', 'autore',
    'kirjoittaja', 'toimittaja', 'writer', 'creator', 'journalist', 'signature', 'firma', 'signatur'],
  dateline: ['dateline', 'location', 'place', 'sted', 'ort', 'lieu', 'lugar', 'luogo', 'paikka', 'city', 'located'],
  date: ['date', 'published', 'pubdate', 'created', 'firstcreated', 'dato', 'datum', 'fecha', 'data', 'datetime',
    'publicationdate', 'issued'],
  body: ['body', 'bodytext', 'text', 'brødtekst', 'brodtekst', 'brödtext', 'tekst', 'texte', 'texto', 'testo',
    'teksti', 'content', 'story', 'article', 'copy', 'bodycontent', 'maintext', 'artikel', 'artikkel', 'artículo',
    'articolo', 'cuerpo', 'corps', 'corpo'],
  agency: ['agency', 'source', 'provider', 'kilde', 'källa', 'quelle', 'fuente', 'fonte', 'lähde', 'copyright',
    'credit', 'distributor'],
}

const key = (name: string) => name.toLowerCase().replace(/[-_.]/g, '')

function kindOf(name: string): keyof typeof NAMES | undefined {
  const k = key(name)
  for (const kind of Object.keys(NAMES) as (keyof typeof NAMES)[]) if (NAMES[kind].includes(k)) return kind
  return undefined
}

const words = (node: XNode | undefined) => oneLine(decodeEntities(textOf(node)))

function contains(outer: XElement, inner: XElement | undefined): boolean {
  if (!inner) return false
  return outer.children.some((c) => typeof c === 'object' && (c === inner || contains(c, inner)))
}

type Found = Partial<Record<keyof typeof NAMES, XElement>>

/**
 * The first element of each kind, in document order. The body is the first body-named element that
 * does not hold the headline (an <artikel> may wrap <rubrik> and <brodtext>: the text is the latter).
 */
function collect(root: XElement): Found {
  const found: Found = {}
  const bodies: XElement[] = []
  const walk = (element: XElement) => {
    for (const node of element.children) {
      if (typeof node !== 'object') continue
      const kind = kindOf(node.name)
      if (kind === 'body') bodies.push(node)
      else if (kind && !found[kind] && words(node)) found[kind] = node
      walk(node)
    }
  }
  if (kindOf(root.name) === 'body') bodies.push(root)
  walk(root)
  const withText = bodies.filter((b) => words(b))
  found.body = withText.find((b) => !contains(b, found.headline)) ?? withText[0]
  return found
}

/** A body that wraps the other parts too: its children without them. */
function bodyChildren(body: XElement, found: Found): XNode[] {
  const others = new Set(
    Object.entries(found)
      .filter(([k]) => k !== 'body')
      .map(([, v]) => v),
  )
  const strip = (nodes: XNode[]): XNode[] =>
    nodes
      .filter((n) => typeof n !== 'object' || !others.has(n))
      .map((n) =>
        typeof n === 'object' && [...others].some((o) => contains(n, o)) ? { ...n, children: strip(n.children) } : n,
      )
  return strip(body.children)
}

export function readGenericXml(root: XElement): WireDraft {
  const draft = blankDraft('generic-xml')
  const found = collect(root)
  const bodyWords = words(found.body)
  if (!found.headline && !bodyWords) {
    throw new WireError(
      `this XML has the root element <${root.name}>, which is not a wire format Copydesk reads (NITF, NewsML-G2, NewsML 1), and no element in it looks like a headline or story text`,
    )
  }
  draft.headline = words(found.headline)
  if (found.standfirst && found.standfirst !== found.headline) draft.standfirst = words(found.standfirst)
  if (found.byline) draft.bylines = bylinesFrom(words(found.byline))
  const dateline = words(found.dateline)
  if (dateline) {
    const place = placeOfDateline(dateline)
    if (place) draft.dateline.place = place.slice(0, 200)
  }
  const date = words(found.date) || found.date?.attrs.value || found.date?.attrs.norm
  if (date) draft.dateline.date = isoDate(date) ?? compactDate(date)
  if (!draft.dateline.date) delete draft.dateline.date
  const agency = words(found.agency)
  if (agency && (isAgencyName(agency) || agency.length <= 40)) draft.source.agency = agencyLabel(agency)

  if (found.body) {
    const children = bodyChildren(found.body, found)
    const elements = children.filter((c) => typeof c === 'object')
    const raw = children.map((c) => textOf(c)).join('')
    const built = elements.length
      ? blocksFromMarkup(children)
      : looksLikeHtml(raw)
        ? blocksFromMarkup(parseHtml(raw))
        : { blocks: paragraphBlocks(paragraphsOf(decodeEntities(raw))), pictures: [] }
    takeDatelineFromBlocks(built.blocks, draft.dateline, draft.headline)
    draft.body = bodyFromBlocks(built.blocks)
  }
  draft.notes.push(
    `Read generically: Copydesk does not know this XML (<${root.name}>), so it took the headline, byline and text from the elements named like them. Check them against the original.`,
  )
  return draft
}

export const genericXmlFormat = defineWireFormat({
  id: 'generic-xml',
  label: 'XML (read generically)',
  // Any root no other format names, once feeds and web pages are refused (detect.ts).
  detect: { by: 'xml-root', roots: ['*'] },
  read: (text) => [readGenericXml(parseXml(cleanText(text)))],
})
