import type { InlineNode } from '@shared/body'
import type { BodyContext } from '../context'
import { renderLink } from './link'
import { renderLineBreak, renderTab, renderText } from './text'

export function renderInline(nodes: readonly InlineNode[] | undefined, ctx: BodyContext): string {
  if (!nodes) return ''
  let out = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += renderText(node)
        break
      case 'linebreak':
        out += renderLineBreak(ctx.xhtml)
        break
      case 'tab':
        out += renderTab()
        break
      case 'link':
      case 'autolink':
        out += renderLink(node, renderInline(node.children, ctx))
        break
      case 'mark':
        // An inline comment's words: the words publish, the comment never does (no <mark>, no id).
        out += renderInline(node.children, ctx)
        break
      // Anything else (a node type this build does not know) contributes no markup.
    }
  }
  return out
}

/** True when inline content has words (not only spaces and line breaks): empty blocks are left out. */
export function hasWords(html: string): boolean {
  return /[^\s]/.test(html.replace(/<br\/?>/g, ''))
}
