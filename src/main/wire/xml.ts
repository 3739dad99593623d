import { Parser } from 'htmlparser2'
import { WireError } from './errors'
import { elementRead } from './read-budget'
import { TextRun } from './text-run'

/**
 * A small, safe XML reader for wire formats. It builds a plain tree (local names, attributes, text)
 * and refuses what an editor should never have to trust: DOCTYPEs that declare entities (billion
 * laughs, external entities pointing at local files), truncated or mismatched markup, text outside
 * the document. No DTD is read and no entity is expanded beyond XML's five and numeric references;
 * named HTML entities are decoded later from a fixed table (see text.ts).
 */

export interface XElement {
  /** Local name, without a namespace prefix: "nitf", "newsItem", "body.content". */
  name: string
  attrs: Record<string, string>
  children: XNode[]
}
export type XNode = XElement | string

export const MAX_DEPTH = 256

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/**
 * A DOCTYPE whose only declarations are external parameter entities that nothing in the subset uses
 * (NITF and NewsML files that declare "<!ENTITY % xhtml SYSTEM 'xhtml.ent'>" and never write
 * "%xhtml;"): harmless, since no DTD is ever read. Anything else that declares entities is refused.
 */
function onlyUnusedParameterEntities(doctype: string): boolean {
  const declarations = doctype.match(/<!ENTITY[\s\S]*?>/gi) ?? []
  const names: string[] = []
  for (const d of declarations) {
    const m =
      /^<!ENTITY\s+%\s+([\w.:-]+)\s+(?:SYSTEM\s+("[^"]*"|'[^']*')|PUBLIC\s+("[^"]*"|'[^']*')\s+("[^"]*"|'[^']*'))\s*>$/i.exec(
        d,
      )
    if (!m) return false
    names.push(m[1]!)
  }
  const rest = doctype.replace(/<!ENTITY[\s\S]*?>/gi, '')
  return !names.some((n) => rest.includes(`%${n};`)) && !/%[\w.:-]+;/.test(rest)
}

/** Find the DOCTYPE (with its internal subset), refuse entity declarations, blank the rest out. */
function withoutDoctype(text: string): string {
  const start = text.search(/<!DOCTYPE/i)
  if (start < 0) return text
  let i = start + 9
  let inSubset = false
  let quote = ''
  for (; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[') inSubset = true
    else if (c === ']') inSubset = false
    else if (c === '>' && !inSubset) break
  }
  if (i >= text.length) throw new WireError('the XML is truncated inside its DOCTYPE declaration')
  const doctype = text.slice(start, i + 1)
  if (/<!ENTITY/i.test(doctype) && !onlyUnusedParameterEntities(doctype)) {
    throw new WireError(
      'the XML declares entities in its DOCTYPE (<!ENTITY …>); Copydesk never expands declared entities (that is how entity bombs and external-file attacks work), so the file was refused',
    )
  }
  return text.slice(0, start) + doctype.replace(/[^\n]/g, ' ') + text.slice(i + 1)
}

/** Elements that HTML closes by themselves (void) or when a sibling opens: they never nest deeper. */
const NON_NESTING = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option'.split(' '),
)

/**
 * How deep the markup nests, counted in one linear pass and given up as soon as it passes `limit`.
 * The parser keeps its open elements in a list it shifts on every open tag, so absurd nesting
 * (a hostile file of a million <div>s) would take it quadratic time: such a file is refused before
 * it is parsed at all.
 */
export function nestsDeeperThan(text: string, limit: number, html = false): boolean {
  let depth = 0
  let i = text.indexOf('<')
  while (i >= 0 && i < text.length - 1) {
    const next = text.charCodeAt(i + 1)
    const end = text.indexOf('>', i + 1)
    if (end < 0) break
    if (next === 47 /* / */) {
      if (depth > 0) depth--
    } else if (/[A-Za-z]/.test(text[i + 1]!) && text.charCodeAt(end - 1) !== 47) {
      let nameEnd = i + 1
      while (nameEnd < end && /[^\s/>]/.test(text[nameEnd]!)) nameEnd++
      if (!html || !NON_NESTING.has(text.slice(i + 1, nameEnd).toLowerCase())) {
        if (++depth > limit) return true
      }
    }
    i = text.indexOf('<', end + 1)
  }
  return false
}

/** Parse an XML document into its root element, or throw a WireError saying where it is broken. */
export function parseXml(source: string): XElement {
  const text = withoutDoctype(source)
  if (nestsDeeperThan(text, MAX_DEPTH))
    throw new WireError(`elements are nested more than ${MAX_DEPTH} deep; this is not wire copy`)
  if (/<!ENTITY/i.test(text))
    throw new WireError('the XML contains an entity declaration (<!ENTITY …>) outside a DOCTYPE; it is not well-formed')
  let root: XElement | undefined
  const stack: XElement[] = []
  const opened: number[] = []
  let selfClosing = false
  let ending = false
  let problem: string | undefined
  let elements = 0
  const run = new TextRun()
  const fail = (message: string) => {
    problem ??= message
  }

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        elementRead(++elements) // throws out of the parser: a file of millions of elements is not built whole
        run.end()
        const attrs: Record<string, string> = {}
        for (const key in attribs)
          if (key !== 'xmlns' && !key.startsWith('xmlns:')) attrs[localName(key)] = attribs[key]!
        const element: XElement = { name: localName(name), attrs, children: [] }
        const parent = stack[stack.length - 1]
        if (parent) parent.children.push(element)
        else if (root)
          fail(`a second root element <${name}> follows the first one (line ${lineAt(text, parser.startIndex)})`)
        else root = element
        stack.push(element)
        opened.push(parser.startIndex)
        selfClosing = text.charCodeAt(parser.endIndex - 1) === 47 // "/>"
        if (stack.length > MAX_DEPTH) fail(`elements are nested more than ${MAX_DEPTH} deep`)
      },
      onclosetag(name, isImplied) {
        run.end()
        const at = opened.pop() ?? 0
        stack.pop()
        if (isImplied && !selfClosing) {
          const where = `<${name}> opened on line ${lineAt(text, at)}`
          fail(
            ending
              ? `the XML is truncated: ${where} is never closed`
              : `the XML is not well-formed: ${where} is closed by a different tag (line ${lineAt(text, parser.startIndex)})`,
          )
        }
        selfClosing = false
      },
      ontext(data) {
        const parent = stack[stack.length - 1]
        if (parent) run.add(parent, data)
        else if (data.trim()) {
          fail(
            root
              ? `there is text after the end of the XML document: "${data.trim().slice(0, 40)}"`
              : `there is text before the XML document starts: "${data.trim().slice(0, 40)}"`,
          )
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  )
  parser.write(text)
  ending = true
  parser.end()
  run.end()
  if (problem) throw new WireError(problem)
  if (!root) throw new WireError('the XML has no root element (is it empty or cut off?)')
  return root
}

/* ---------- reading the tree ---------- */

export function isElement(node: XNode | undefined): node is XElement {
  return typeof node === 'object'
}

export function child(element: XElement | undefined, name: string): XElement | undefined {
  if (!element) return undefined
  for (const node of element.children) if (typeof node === 'object' && node.name === name) return node
  return undefined
}

export function childrenNamed(element: XElement | undefined, name: string): XElement[] {
  if (!element) return []
  const out: XElement[] = []
  for (const node of element.children) if (typeof node === 'object' && node.name === name) out.push(node)
  return out
}

/** child(child(el, a), b)... */
export function path(element: XElement | undefined, ...names: string[]): XElement | undefined {
  let current = element
  for (const name of names) current = child(current, name)
  return current
}

/** The first element with this name at any depth (document order). */
export function find(element: XElement | undefined, name: string): XElement | undefined {
  if (!element) return undefined
  for (const node of element.children) {
    if (typeof node !== 'object') continue
    if (node.name === name) return node
    const found = find(node, name)
    if (found) return found
  }
  return undefined
}

export function findAll(element: XElement | undefined, name: string, out: XElement[] = []): XElement[] {
  if (!element) return out
  for (const node of element.children) {
    if (typeof node !== 'object') continue
    if (node.name === name) out.push(node)
    else findAll(node, name, out)
  }
  return out
}

/** All the text inside, markup dropped (" " between block-ish children is the caller's concern). */
export function textOf(node: XNode | undefined): string {
  if (node === undefined) return ''
  if (typeof node === 'string') return node
  let out = ''
  for (const c of node.children) out += textOf(c)
  return out
}
