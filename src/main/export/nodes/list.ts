import type { InlineNode, ListItemNode, ListNode } from '@shared/body'
import type { BodyContext } from '../context'
import { hasWords, renderInline } from './inline'

function tagOf(list: ListNode): 'ol' | 'ul' {
  return list.listType === 'number' ? 'ol' : 'ul'
}

/**
 * Lexical keeps a nested list in a list item of its own; on the page it belongs inside the item
 * before it, or it would show an empty bullet.
 */
function renderItems(items: readonly ListItemNode[], ctx: BodyContext, checks: boolean): string[] {
  const out: string[] = []
  for (const item of items) {
    const children = Array.isArray(item.children) ? item.children : []
    const inline = children.filter((c): c is InlineNode => c.type !== 'list')
    const nested = children.filter((c): c is ListNode => c.type === 'list')
    const text = renderInline(inline, ctx)
    const lists = nested.map((list) => renderList(list, ctx).trimEnd()).join('')
    if (!hasWords(text) && !lists) continue
    if (!hasWords(text) && out.length) {
      out[out.length - 1] += lists
      continue
    }
    out.push((checks ? tickOf(item) : '') + text + lists)
  }
  return out
}

/** A check list's ticks are words on the page (☑/☐), not form controls. */
function tickOf(item: ListItemNode): string {
  return item.checked === true ? '☑ ' : '☐ '
}

export function renderList(node: ListNode, ctx: BodyContext): string {
  const items = renderItems(Array.isArray(node.children) ? node.children : [], ctx, node.listType === 'check')
  if (!items.length) return ''
  const tag = tagOf(node)
  const start = tag === 'ol' && typeof node.start === 'number' && Number.isSafeInteger(node.start) && node.start !== 1
  const open = start ? `<ol start="${String(node.start)}">` : `<${tag}>`
  return `${open}${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>\n`
}
