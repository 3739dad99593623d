import type { z } from 'zod'
import { TEXT_FORMAT } from '@shared/body'
import type { textNodeSchema } from '@shared/body'
import { escapeText } from '../escape'

type TextNode = z.infer<typeof textNodeSchema>

// Lexical's format bits beyond the five body.ts names; all render as the HTML element that means it.
const SUBSCRIPT = 32
const SUPERSCRIPT = 64
const HIGHLIGHT = 128

/** Outermost first, so the same formats always nest the same way (same bytes every export). */
const WRAPS: [number, string][] = [
  [TEXT_FORMAT.bold, 'strong'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.strikethrough, 's'],
  [HIGHLIGHT, 'mark'],
  [SUBSCRIPT, 'sub'],
  [SUPERSCRIPT, 'sup'],
  [TEXT_FORMAT.code, 'code'],
]

export function renderText(node: TextNode): string {
  const text = typeof node.text === 'string' ? escapeText(node.text) : ''
  const format = node.format ?? 0
  if (!format || !text) return text
  let open = ''
  let close = ''
  for (const [bit, tag] of WRAPS) {
    if (format & bit) {
      open += `<${tag}>`
      close = `</${tag}>` + close
    }
  }
  return open + text + close
}

export function renderLineBreak(xhtml: boolean): string {
  return xhtml ? '<br/>' : '<br>'
}

export function renderTab(): string {
  return '\t'
}
