import type { z } from 'zod'
import type { quoteNodeSchema } from '@shared/body'
import type { BodyContext } from '../context'
import { hasWords, renderInline } from './inline'

type QuoteNode = z.infer<typeof quoteNodeSchema>

export function renderQuote(node: QuoteNode, ctx: BodyContext): string {
  const inner = renderInline(node.children, ctx)
  if (!hasWords(inner)) return ''
  return `<blockquote><p>${inner}</p></blockquote>\n`
}
