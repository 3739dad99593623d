import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical'
import type { BlockNode } from '@shared/body'
import { blockRun, locate, type TextRun } from '@shared/body-text'
import { readBodyJson } from './body-json'

/**
 * A stretch of a body block's text, counted as the shared checks count it (blockRun): the same
 * numbers a finding's `where` carries, and what find and replace matches against. Runs are read
 * from the editor state's JSON, whose children are the Lexical nodes' children in order, so a
 * segment's path leads from the top-level block to its TextNode.
 */
export interface BlockRange {
  block: number
  start: number
  end: number
}

export interface ResolvedRange {
  start: { node: TextNode; offset: number }
  end: { node: TextNode; offset: number }
  /** Text nodes wholly inside the range, between the start and end nodes. */
  between: TextNode[]
}

/** A block's run by its JSON: readBodyJson keeps a block's JSON object until an edit touches the block. */
const runOf = new WeakMap<BlockNode, TextRun | null>()

/**
 * The body blocks' texts as they stand in the editor now (treat them as read-only). Made a block at
 * a time: only the blocks an edit touched are read again (body-json.ts), so the placeholder marks
 * (every key), spelling (every pause) and find do not walk a 10,000-word story each time; the same
 * run object comes back for a block that did not change and did not move.
 */
export function editorRuns(editor: LexicalEditor): TextRun[] {
  const runs: TextRun[] = []
  readBodyJson(editor).root.children.forEach((block, index) => {
    let run = runOf.get(block)
    if (run === undefined) runOf.set(block, (run = blockRun(block, index)))
    // A block that moved (a paragraph added above it) keeps its text and segments.
    else if (run && run.block !== index) runOf.set(block, (run = { ...run, block: index }))
    if (run) runs.push(run)
  })
  return runs
}

/** A committed state's top-level blocks, listed once: marking 400 misspellings listed 1,000 blocks twice each. */
const blocksOf = new WeakMap<EditorState, LexicalNode[]>()

function $nodeAt(block: number, path: number[], blocks?: readonly LexicalNode[]): LexicalNode | null {
  let node: LexicalNode | undefined | null = blocks ? blocks[block] : $getRoot().getChildAtIndex(block)
  for (const index of path) {
    if (!node || !$isElementNode(node)) return null
    node = node.getChildren()[index]
  }
  return node ?? null
}

/** Inside read() or update(): the text nodes and offsets a range of a run covers. */
export function $resolveRange(
  run: TextRun,
  start: number,
  end: number,
  blocks?: readonly LexicalNode[],
): ResolvedRange | null {
  if (run.block === undefined) return null
  const from = locate(run, start, 'start')
  const to = locate(run, end, 'end')
  if (!from || !to) return null
  const startNode = $nodeAt(run.block, from.path, blocks)
  const endNode = $nodeAt(run.block, to.path, blocks)
  if (!$isTextNode(startNode) || !$isTextNode(endNode)) return null
  const between: TextNode[] = []
  for (const segment of run.segments ?? []) {
    if (
      segment.start >= start &&
      segment.start + segment.length <= end &&
      segment.path !== from.path &&
      segment.path !== to.path
    ) {
      const node = $nodeAt(run.block, segment.path, blocks)
      if ($isTextNode(node)) between.push(node)
    }
  }
  return {
    start: { node: startNode, offset: Math.min(from.offset, startNode.getTextContentSize()) },
    end: { node: endNode, offset: Math.min(to.offset, endNode.getTextContentSize()) },
    between,
  }
}

/** Inside update(): put the editor's selection over a range of a block. */
export function $selectRange(run: TextRun, start: number, end: number): TextNode | null {
  const range = $resolveRange(run, start, end)
  if (!range) return null
  const selection = $createRangeSelection()
  selection.anchor.set(range.start.node.getKey(), range.start.offset, 'text')
  selection.focus.set(range.end.node.getKey(), range.end.offset, 'text')
  $setSelection(selection)
  return range.start.node
}

/** The DOM Range a block range covers, for highlighting without touching the document. */
export function domRange(editor: LexicalEditor, run: TextRun, start: number, end: number): Range | null {
  const state = editor.getEditorState()
  return state.read(() => {
    // A committed state does not change: its blocks are listed once for all the ranges asked of it.
    let blocks = blocksOf.get(state)
    if (!blocks) blocksOf.set(state, (blocks = $getRoot().getChildren()))
    const range = $resolveRange(run, start, end, blocks)
    if (!range) return null
    const textOf = (node: TextNode) => editor.getElementByKey(node.getKey())?.firstChild ?? null
    const from = textOf(range.start.node)
    const to = textOf(range.end.node)
    if (!from || !to) return null
    const dom = document.createRange()
    dom.setStart(from, Math.min(range.start.offset, from.textContent?.length ?? 0))
    dom.setEnd(to, Math.min(range.end.offset, to.textContent?.length ?? 0))
    return dom
  })
}
