import { LINK_PROTOCOLS } from '../../shared/links'
import { TEXT_FORMAT, emptyBody, listNode, textNode } from '../../shared/body'
import type { BlockNode, Body, InlineNode } from '../../shared/body'
import type { Dateline, Picture } from '../../shared/story'
import { splitDateline } from './dateline'
import { agencyLabel } from './agencies'
import { decodeEntities } from './text'
import type { XElement, XNode } from './xml'
import { textOf } from './xml'
import { blockRead } from './read-budget'

/**
 * Markup (NITF body.content, XHTML, sanitised feed HTML) to story body blocks, through an
 * allowlist. Every block and inline node is rebuilt with the builders of src/shared/body.ts; no
 * attribute survives except a link's address, and that only when it is http, https, mailto or tel. So
 * no script, event handler, style or javascript: URL can reach a story, whatever the feed sent.
 */

/** Elements whose content is never the story's words. */
// prettier-ignore
const DROP = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea',
  'option', 'template', 'noscript', 'svg', 'math', 'head', 'title', 'meta', 'link', 'base', 'frame', 'frameset',
  'canvas', 'audio', 'video', 'source', 'track', 'map', 'area', 'param', 'picture', 'body.head', 'docdata',
  'tobject', 'identified-content', 'del-list', 'key-list',
])
// prettier-ignore
const BLOCK_CONTAINERS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'block', 'body', 'html',
  'body.content', 'body.end', 'tagline', 'center', 'address', 'dl', 'dd', 'dt', 'fieldset', 'details', 'summary',
  'hgroup', 'abstract', 'nitf', 'inlinexml', 'inlineXML', 'datacontent', 'DataContent', 'note', 'fn', 'bq', 'credit',
])
const HEADINGS: Record<string, 'h2' | 'h3' | 'h4'> = {
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
  hl1: 'h2',
  hl2: 'h3',
}
// prettier-ignore
const FORMATS: Record<string, number> = {
  b: TEXT_FORMAT.bold, strong: TEXT_FORMAT.bold,
  i: TEXT_FORMAT.italic, em: TEXT_FORMAT.italic, cite: TEXT_FORMAT.italic, dfn: TEXT_FORMAT.italic,
  u: TEXT_FORMAT.underline, ins: TEXT_FORMAT.underline,
  s: TEXT_FORMAT.strikethrough, strike: TEXT_FORMAT.strikethrough, del: TEXT_FORMAT.strikethrough,
  code: TEXT_FORMAT.code, tt: TEXT_FORMAT.code, kbd: TEXT_FORMAT.code, samp: TEXT_FORMAT.code,
}

export function safeUrl(href: string | undefined): string | undefined {
  if (!href) return undefined
  const trimmed = href.trim()
  try {
    const url = new URL(trimmed)
    if (!LINK_PROTOCOLS.includes(url.protocol)) return undefined
    return trimmed.length <= 2000 ? trimmed : undefined
  } catch {
    return undefined
  }
}

type Inline = InlineNode

export interface BuildOptions {
  /** Turn a media element (NITF <media>, HTML <img>/<figure>) into a picture; it is kept out of the body. */
  picture?: (element: XElement) => Picture | undefined
  /** Apply to every run of text (typewriter quotes, for instance). */
  mapText?: (text: string) => string
}

export interface Built {
  blocks: BlockNode[]
  pictures: Picture[]
}

/*
 * The same JSON as paragraphNode/headingNode/quoteNode/bodyOf in src/shared/body.ts, written as
 * plain literals: importing runs these thousands of times a second, and object spread with extra
 * keys is many times slower than a literal in V8 (see docs/wire-import.md, speed).
 */
function paragraphOf(children: Inline[]): BlockNode {
  return {
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    type: 'paragraph',
    textFormat: 0,
    textStyle: '',
    children,
  }
}
function headingOf(tag: 'h2' | 'h3' | 'h4', children: Inline[]): BlockNode {
  return { direction: null, format: '', indent: 0, version: 1, type: 'heading', tag, children }
}
function quoteOf(children: Inline[]): BlockNode {
  return { direction: null, format: '', indent: 0, version: 1, type: 'quote', children }
}

function nameOf(element: XElement): string {
  return element.name.toLowerCase()
}

class Builder {
  readonly blocks: BlockNode[] = []
  readonly pictures: Picture[] = []
  private inline: Inline[] = []
  private format = 0
  private link: { url: string; children: Inline[] } | undefined
  private preformatted = false

  constructor(private readonly options: BuildOptions) {}

  private pushInline(node: Inline): void {
    if (this.link && node.type !== 'link') this.link.children.push(node)
    else this.inline.push(node)
  }

  private text(raw: string): void {
    let text = decodeEntities(raw)
    if (this.options.mapText) text = this.options.mapText(text)
    if (this.preformatted) {
      const lines = text.split('\n')
      lines.forEach((line, i) => {
        if (i > 0) this.pushInline({ type: 'linebreak', version: 1 })
        if (line) this.pushInline(textNode(line, this.format))
      })
      return
    }
    text = text.replace(/\s+/g, ' ')
    if (text) this.pushInline(textNode(text, this.format))
  }

  /** End the paragraph being gathered (if it has any words) and start a new one. */
  flush(make: (children: Inline[]) => BlockNode = paragraphOf): void {
    const children = tidy(this.inline)
    this.inline = []
    if (children.length) this.add(make(children))
  }

  /** A block made: counted, so markup of millions of paragraphs stops at the story's limit (read-budget.ts). */
  private add(block: BlockNode): void {
    this.blocks.push(block)
    blockRead(this.blocks.length)
  }

  walk(nodes: readonly XNode[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') this.text(node)
      else this.element(node)
    }
  }

  private element(element: XElement): void {
    const name = nameOf(element)
    if (DROP.has(name)) return
    if (name === 'media' || name === 'img' || name === 'figure') {
      const picture = this.options.picture?.(element)
      if (picture) this.pictures.push(picture)
      else if (name === 'figure')
        this.walk(element.children.filter((c) => typeof c !== 'object' || nameOf(c) !== 'img'))
      return
    }
    if (name === 'br') {
      this.pushInline({ type: 'linebreak', version: 1 })
      return
    }
    if (name === 'hr') {
      this.flush()
      return
    }
    const heading = HEADINGS[name]
    if (heading) {
      this.flush()
      this.walk(element.children)
      this.flush((children) => headingOf(heading, children))
      return
    }
    if (name === 'blockquote' || name === 'bq') {
      this.flush()
      this.walk(element.children)
      this.flush(quoteOf)
      return
    }
    if (name === 'ul' || name === 'ol') {
      this.flush()
      this.list(element, name === 'ol' ? 'number' : 'bullet')
      return
    }
    if (name === 'table') {
      this.flush()
      this.table(element)
      return
    }
    if (name === 'pre') {
      this.flush()
      const was = this.preformatted
      this.preformatted = true
      this.walk(element.children)
      this.preformatted = was
      this.flush()
      return
    }
    if (BLOCK_CONTAINERS.has(name)) {
      this.flush()
      this.walk(element.children)
      this.flush()
      return
    }
    if (name === 'a') {
      const url = safeUrl(element.attrs.href)
      if (!url || this.link) {
        this.walk(element.children)
        return
      }
      const link = { url, children: [] as Inline[] }
      this.link = link
      this.walk(element.children)
      this.link = undefined
      const children = tidy(link.children, false)
      if (children.length) {
        this.inline.push({
          type: 'link',
          url,
          rel: null,
          target: null,
          title: null,
          direction: null,
          format: '',
          indent: 0,
          version: 1,
          children,
        } as Inline)
      }
      return
    }
    const format = FORMATS[name]
    if (format) {
      const was = this.format
      this.format |= format
      this.walk(element.children)
      this.format = was
      return
    }
    // Anything else (span, font, NITF person/org/location/money/chron, unknown tags): its words only.
    this.walk(element.children)
  }

  private list(element: XElement, listType: 'bullet' | 'number'): void {
    const items: string[] = []
    for (const node of element.children) {
      if (typeof node !== 'object') continue
      const text = decodeEntities(textOf(node)).replace(/\s+/g, ' ').trim()
      if (text) items.push(this.options.mapText ? this.options.mapText(text) : text)
    }
    if (items.length) this.add(listNode(listType, items))
  }

  private table(element: XElement): void {
    const rows: XElement[] = []
    const collect = (el: XElement) => {
      for (const node of el.children) {
        if (typeof node !== 'object') continue
        if (nameOf(node) === 'tr') rows.push(node)
        else if (['thead', 'tbody', 'tfoot'].includes(nameOf(node))) collect(node)
      }
    }
    collect(element)
    for (const row of rows) {
      const cells = row.children
        .filter((c): c is XElement => typeof c === 'object' && ['td', 'th'].includes(nameOf(c)))
        .map((cell) => decodeEntities(textOf(cell)).replace(/\s+/g, ' ').trim())
      const children: Inline[] = []
      cells.forEach((cell, i) => {
        if (i > 0)
          children.push({ type: 'tab', text: '\t', detail: 2, format: 0, mode: 'normal', style: '', version: 1 })
        if (cell) children.push(textNode(cell))
      })
      if (cells.some(Boolean)) this.add(paragraphOf(children))
    }
  }
}

/** Merge neighbouring runs of the same format, trim the ends, drop what is empty. */
function tidy(nodes: Inline[], trimEnds = true): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text' && (last.format ?? 0) === (node.format ?? 0)) {
      last.text += node.text
    } else out.push(node)
  }
  if (trimEnds) {
    while (out.length && isBlank(out[0]!)) out.shift()
    while (out.length && isBlank(out[out.length - 1]!)) out.pop()
    const first = out[0]
    if (first?.type === 'text') first.text = first.text.replace(/^\s+/, '')
    const last = out[out.length - 1]
    if (last?.type === 'text') last.text = last.text.replace(/\s+$/, '')
  }
  return out.filter((n) => n.type !== 'text' || n.text !== '').map((n, i, all) => collapseSpaces(n, all[i - 1]))
}

function isBlank(node: Inline): boolean {
  return (node.type === 'text' && !node.text.trim()) || node.type === 'linebreak'
}

/** " a" after "b " becomes "a": one space between words across format changes. */
function collapseSpaces(node: Inline, previous: Inline | undefined): Inline {
  if (node.type !== 'text' || previous?.type !== 'text' || !previous.text.endsWith(' ') || !node.text.startsWith(' '))
    return node
  node.text = node.text.replace(/^ +/, '')
  return node
}

/** Markup to blocks and the pictures met on the way. */
export function blocksFromMarkup(nodes: readonly XNode[], options: BuildOptions = {}): Built {
  const builder = new Builder(options)
  builder.walk(nodes)
  builder.flush()
  return { blocks: builder.blocks, pictures: builder.pictures }
}

export function bodyFromBlocks(blocks: BlockNode[]): Body {
  if (!blocks.length) return emptyBody()
  return { root: { direction: null, format: '', indent: 0, version: 1, type: 'root', children: blocks } }
}

export function paragraphBlocks(paragraphs: readonly string[]): BlockNode[] {
  const out: BlockNode[] = []
  for (const p of paragraphs) {
    const text = p.trim()
    if (text) out.push(paragraphOf([textNode(text)]))
  }
  return out
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** An XHTML body often opens with the headline again as a heading: every word of it already in the headline. */
function dropRepeatedHeadline(blocks: BlockNode[], headline: string): void {
  const first = blocks[0]
  if (!headline || first?.type !== 'heading') return
  const known = new Set(wordsOf(headline))
  const words = wordsOf(first.children.map((c) => (c.type === 'text' ? c.text : '')).join(''))
  if (words.length && words.every((w) => known.has(w))) blocks.shift()
}

/**
 * The agency dateline at the start of the first paragraph ("NEW YORK (AP) — The gas…") is moved
 * into the story's dateline so the page does not print it twice.
 */
export function takeDatelineFromBlocks(blocks: BlockNode[], dateline: Dateline, headline = ''): void {
  dropRepeatedHeadline(blocks, headline)
  // The dateline opens the first paragraph, or the second when a teaser comes first (dpa).
  for (const index of [0, 1]) {
    const first = blocks[index]
    if (first?.type !== 'paragraph') return
    const head = first.children[0]
    if (head?.type !== 'text') continue
    const found = splitDateline(head.text)
    // "TORONTO, June 09, 2020 (GLOBE NEWSWIRE) -- <strong>Auxly…": the words go on in the next run.
    if (!found || (!found.rest && first.children.length < 2)) continue
    if (found.rest) head.text = found.rest
    else first.children.shift()
    if (!dateline.place) dateline.place = found.place
    if (!dateline.source && found.source) dateline.source = agencyLabel(found.source)
    return
  }
}

/** Blocks whose words are exactly these (a signature line, "ends", a sign-off) are dropped from the end. */
export function dropTrailing(blocks: BlockNode[], test: (text: string) => boolean): string[] {
  const dropped: string[] = []
  while (blocks.length) {
    const last = blocks[blocks.length - 1]!
    if (last.type !== 'paragraph') break
    const text = last.children
      .map((c) => (c.type === 'text' ? c.text : ''))
      .join('')
      .trim()
    if (!test(text)) break
    dropped.unshift(text)
    blocks.pop()
  }
  return dropped
}
