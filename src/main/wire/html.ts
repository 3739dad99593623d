import { Parser } from 'htmlparser2'
import type { XElement, XNode } from './xml'
import { WireError } from './errors'
import { elementRead } from './read-budget'
import { TextRun } from './text-run'
import { MAX_DEPTH, nestsDeeperThan } from './xml'

/** Real bodies nest a few levels; well past that is an attack on the parser, not a story. */
const MAX_HTML_DEPTH = 1000

/**
 * An HTML fragment from a feed (ninjs body_html, escaped XHTML) as the same plain tree the XML
 * reader builds. Nothing here is trusted: the tree only feeds blocks.ts, which keeps an allowlist
 * of what becomes part of a story and rebuilds it from our own node builders. Markup is never stored.
 */
export function parseHtml(html: string): XNode[] {
  if (nestsDeeperThan(html, MAX_HTML_DEPTH, true)) {
    throw new WireError(
      `the story's HTML nests elements more than ${MAX_HTML_DEPTH} deep; this is not copy a desk can use`,
    )
  }
  const top: XElement = { name: '#fragment', attrs: {}, children: [] }
  const stack: XElement[] = [top]
  let elements = 0
  const run = new TextRun()
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        elementRead(++elements) // throws out of the parser: a body of millions of elements is not built whole
        run.end()
        const element: XElement = { name, attrs: attribs, children: [] }
        if (stack.length > MAX_DEPTH) {
          // Absurd nesting is flattened rather than followed: the words still arrive.
          stack[stack.length - 1]!.children.push(element)
          return
        }
        stack[stack.length - 1]!.children.push(element)
        stack.push(element)
      },
      onclosetag(name) {
        run.end()
        if (stack.length > 1 && stack[stack.length - 1]!.name === name) stack.pop()
      },
      ontext(data) {
        run.add(stack[stack.length - 1]!, data)
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.end(html)
  run.end()
  return top.children
}

/** Does this string hold markup (a feed that escaped its XHTML, a text field with <p> in it)? */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(p|div|br|h[1-6]|ul|ol|li|strong|em|b|i|a|span|blockquote|table)\b[^>]*>/i.test(text)
}
