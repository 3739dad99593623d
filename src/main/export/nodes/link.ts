import type { z } from 'zod'
import type { linkNodeSchema } from '../../../shared/body'
import { escapeAttr, safeHref } from '../escape'
import type { BodyContext } from '../context'
import { renderInline } from './inline'

type LinkNode = z.infer<typeof linkNodeSchema>

/** A link keeps its words always; its address only when it is http, https or mailto. */
export function renderLink(node: LinkNode, ctx: BodyContext): string {
  const inner = renderInline(node.children, ctx)
  const href = safeHref(node.url)
  if (!href || !inner) return inner
  const title = typeof node.title === 'string' && node.title.trim() ? ` title="${escapeAttr(node.title.trim())}"` : ''
  return `<a href="${escapeAttr(href)}"${title}>${inner}</a>`
}
