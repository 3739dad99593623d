import type { BlockNode, Body, InlineNode, ListNode } from './body'

/**
 * The one walk over a body's text. Which nodes hold words (text, line breaks, tabs, links' text,
 * list items, nested lists) and which hold none (pictures: their words are not the story's) is
 * decided here and nowhere else; each reading below (the saved body text and word count, the
 * copy-desk checks, find and replace, export's dateline test) only assembles what the walk reports.
 */

/** What the walk reports, in reading order. */
export interface BodyTextVisitor {
  /**
   * A stretch of text: a text node, with the child indexes that lead to it from its top-level
   * block, or a line break ('\n') or tab ('\t'), which no text node holds (path null).
   */
  text(text: string, path: number[] | null): void
  /** A list item begins (a nested list's items begin items of their own, inside it). */
  enterItem?(): void
  /** The list item last begun ends. */
  leaveItem?(): void
}

function walkInline(node: InlineNode, path: number[], visit: BodyTextVisitor): void {
  if (node.type === 'text') visit.text(node.text, path)
  else if (node.type === 'linebreak') visit.text('\n', null)
  else if (node.type === 'tab') visit.text('\t', null)
  else node.children.forEach((child, i) => walkInline(child, [...path, i], visit))
}

function walkList(list: ListNode, path: number[], visit: BodyTextVisitor): void {
  list.children.forEach((item, i) => {
    visit.enterItem?.()
    item.children.forEach((child, j) => {
      if (child.type === 'list') walkList(child, [...path, i, j], visit)
      else walkInline(child, [...path, i, j], visit)
    })
    visit.leaveItem?.()
  })
}

/** Walk one top-level block's text. A picture reports nothing. */
export function walkBlockText(block: BlockNode, visit: BodyTextVisitor): void {
  if (block.type === 'picture') return
  if (block.type === 'list') walkList(block, [], visit)
  else block.children.forEach((child, i) => walkInline(child, [i], visit))
}

/* ---------- the body as plain text (saved body text, search, word count) ---------- */

/** A block's text trimmed; a list's items one a line, each trimmed, empty ones left out, parents before their nested items. */
function blockPlainText(block: BlockNode): string {
  if (block.type !== 'list') {
    let text = ''
    walkBlockText(block, { text: (t) => (text += t) })
    return text.trim()
  }
  const lines: string[] = []
  const open: { at: number; text: string }[] = []
  walkBlockText(block, {
    text: (t) => {
      const item = open.at(-1)
      if (item) item.text += t
    },
    enterItem: () => {
      open.push({ at: lines.length, text: '' })
      lines.push('')
    },
    leaveItem: () => {
      const item = open.pop()!
      lines[item.at] = item.text.trim()
    },
  })
  return lines.filter(Boolean).join('\n')
}

/** One string per block, in order; pictures and empty blocks contribute nothing. */
export function blockTexts(body: Body): string[] {
  const out: string[] = []
  for (const block of body.root.children) {
    const text = blockPlainText(block)
    if (text) out.push(text)
  }
  return out
}

/** Plain text of the body, paragraphs separated by blank lines (what search, word count and the CLI read). */
export function bodyToText(body: Body): string {
  return blockTexts(body).join('\n\n')
}

/* ---------- the body as runs (checks, find and replace) ---------- */

/** A text node inside a body block: the child indexes that lead to it, and where its text sits in the block's text. */
export interface Segment {
  path: number[]
  start: number
  length: number
}

/** One stretch of copy a rule reads: the headline, the standfirst, or one body block. */
export interface TextRun {
  field: 'headline' | 'standfirst' | 'body'
  /** For the body: the index of the Lexical top-level block. */
  block?: number
  text: string
  /** For the body: the text nodes, so an offset can be turned back into a cursor position. */
  segments?: Segment[]
}

/**
 * A body block's text, untrimmed, with list items one a line. Unlike blockTexts() it keeps every
 * block (even empty ones) at its own index, so block and offset lead straight back to the editor.
 */
export function blockRun(block: BlockNode, index: number): TextRun | null {
  if (block.type === 'picture') return null
  let text = ''
  let items = 0
  const segments: Segment[] = []
  walkBlockText(block, {
    text: (t, path) => {
      if (path) segments.push({ path, start: text.length, length: t.length })
      text += t
    },
    enterItem: () => {
      if (items++ > 0) text += '\n'
    },
  })
  return { field: 'body', block: index, text, segments }
}

export function bodyRuns(body: Body): TextRun[] {
  const runs: TextRun[] = []
  body.root.children.forEach((block, index) => {
    const run = blockRun(block, index)
    if (run) runs.push(run)
  })
  return runs
}

/**
 * The text node and offset in it where a character offset of a block falls. `edge` says which
 * side wins at a boundary between two nodes: a selection starts in the later one, ends in the earlier.
 */
export function locate(run: TextRun, offset: number, edge: 'start' | 'end'): { path: number[]; offset: number } | null {
  const segments = run.segments ?? []
  if (edge === 'start') {
    for (const s of segments)
      if (offset < s.start + s.length || (offset === s.start && s.length === 0)) {
        return { path: s.path, offset: Math.max(0, offset - s.start) }
      }
    const last = segments.at(-1)
    return last ? { path: last.path, offset: last.length } : null
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!
    if (offset > s.start) return { path: s.path, offset: Math.min(s.length, offset - s.start) }
  }
  const first = segments[0]
  return first ? { path: first.path, offset: 0 } : null
}
