import type { z } from 'zod'
import type { linkNodeSchema } from '@shared/body'
import { escapeAttr, safeHref } from '../escape'

type LinkNode = z.infer<typeof linkNodeSchema>

/**
 * A link keeps its words always; its address only when it is http, https, mailto or tel. `inner` is its
 * words already rendered (by renderInline, which calls this: handing them in keeps the two from
 * importing each other).
 */
export function renderLink(node: LinkNode, inner: string): string {
  const href = safeHref(node.url)
  if (!href || !inner) return inner
  const title = typeof node.title === 'string' && node.title.trim() ? ` title="${escapeAttr(node.title.trim())}"` : ''
  return `<a href="${escapeAttr(href)}"${title}>${inner}</a>`
}
