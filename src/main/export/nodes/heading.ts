import type { z } from 'zod'
import type { headingNodeSchema } from '@shared/body'
import type { BodyContext } from '../context'
import { hasWords, renderInline } from './inline'

type HeadingNode = z.infer<typeof headingNodeSchema>

/**
 * The headline is the page's only h1, so body headings start at h2, and a heading never skips a
 * level below the one above it (an h4 straight after the headline becomes an h2): screen readers
 * navigate by that outline, and validators hold pages to it.
 */
export function renderHeading(node: HeadingNode, ctx: BodyContext): string {
  const inner = renderInline(node.children, ctx)
  if (!hasWords(inner)) return ''
  const asked = Number(/^h([1-6])$/.exec(node.tag)?.[1] ?? 2)
  const level = Math.max(2, Math.min(asked, ctx.lastHeading + 1))
  ctx.lastHeading = level
  return `<h${level}>${inner}</h${level}>\n`
}
