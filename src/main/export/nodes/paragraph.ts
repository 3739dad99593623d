import type { z } from 'zod'
import type { paragraphNodeSchema } from '@shared/body'
import type { BodyContext } from '../context'
import { hasWords, renderInline } from './inline'

type ParagraphNode = z.infer<typeof paragraphNodeSchema>

/** `lead` is put at the start of the paragraph (the dateline, when the house style sets it inline). */
export function renderParagraph(node: ParagraphNode, ctx: BodyContext, lead = ''): string {
  const inner = renderInline(node.children, ctx)
  if (!hasWords(inner)) return ''
  return `<p>${lead}${inner}</p>\n`
}
