import type { Body, BlockNode } from '@shared/body'
import { blockRun } from '@shared/body-text'
import type { BodyContext } from '../context'
import { renderHeading } from './heading'
import { renderList } from './list'
import { renderParagraph } from './paragraph'
import { renderFigure } from './picture'
import { renderQuote } from './quote'

/** One renderer per body node type: plain TypeScript from the body JSON, never Lexical's own HTML. */
export function renderBlock(block: BlockNode, ctx: BodyContext): string {
  switch (block.type) {
    case 'paragraph':
      return renderParagraph(block, ctx)
    case 'heading':
      return renderHeading(block, ctx)
    case 'quote':
      return renderQuote(block, ctx)
    case 'list':
      return renderList(block, ctx)
    case 'picture':
      return renderFigure(block, ctx)
    default:
      // A node type this build does not know is left out rather than guessed at.
      return ''
  }
}

export interface RenderedBody {
  html: string
  /** Whether `lead` found a paragraph to open (else the caller sets it on a line of its own). */
  leadPlaced: boolean
}

/**
 * The body's blocks in order. `lead` (the inline dateline) opens the first block when that block is
 * a paragraph; `skipLead(text)` lets the caller refuse when the copy already carries it.
 */
export function renderBody(
  body: Body,
  ctx: BodyContext,
  lead = '',
  skipLead?: (firstText: string) => boolean,
): RenderedBody {
  const blocks = Array.isArray(body?.root?.children) ? body.root.children : []
  let html = ''
  let leadPlaced = !lead
  let first = true
  for (const block of blocks) {
    let out: string
    if (first && !leadPlaced && block.type === 'paragraph') {
      const text = blockRun(block, 0)?.text ?? ''
      if (skipLead?.(text)) {
        leadPlaced = true
        out = renderParagraph(block, ctx)
      } else {
        out = renderParagraph(block, ctx, lead)
        if (out) leadPlaced = true
      }
    } else {
      out = renderBlock(block, ctx)
    }
    // Pictures above the copy do not count: the dateline opens the first paragraph of words.
    if (out && block.type !== 'picture') first = false
    html += out
  }
  return { html, leadPlaced }
}
