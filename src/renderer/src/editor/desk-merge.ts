import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $parseSerializedNode,
  type LexicalEditor,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical'
import type { Body } from '@shared/body'

/** Updates that bring a colleague's words in: not the editor's typing, so nothing to save. */
export const DESK_MERGE_TAG = 'desk-merge'

/**
 * Show the desk's merged body in the editor without disturbing more than changed: blocks equal to
 * what is on screen stay the same nodes (the caret in them stays put); changed blocks are replaced,
 * and a caret inside one goes back to the same character offset in its block.
 */
export function mergeDeskBody(editor: LexicalEditor, body: Body): void {
  const shown = editor.getEditorState().toJSON().root.children
  const next = body.root.children as unknown as SerializedLexicalNode[]
  const same = (a: SerializedLexicalNode | undefined, b: SerializedLexicalNode | undefined) =>
    JSON.stringify(a) === JSON.stringify(b)
  let start = 0
  while (start < shown.length && start < next.length && same(shown[start], next[start])) start++
  let end = 0
  while (
    end < shown.length - start &&
    end < next.length - start &&
    same(shown[shown.length - 1 - end], next[next.length - 1 - end])
  ) {
    end++
  }
  if (start === shown.length && start === next.length) return
  editor.update(
    () => {
      const root = $getRoot()
      const blocks = root.getChildren()
      const caret = $caretInBlock(blocks)
      const before = blocks[start - 1] ?? null
      for (const block of blocks.slice(start, blocks.length - end)) block.remove()
      let after: LexicalNode | null = before
      for (const json of next.slice(start, next.length - end)) {
        const node = $parseSerializedNode(json)
        if (after) after.insertAfter(node)
        else if (root.getFirstChild()) root.getFirstChild()!.insertBefore(node)
        else root.append(node)
        after = node
      }
      if (caret && caret.block >= start && caret.block < blocks.length - end) $placeCaret(caret)
    },
    { tag: DESK_MERGE_TAG, discrete: true },
  )
}

interface Caret {
  block: number
  offset: number
}

function $caretInBlock(blocks: LexicalNode[]): Caret | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
  const anchor = selection.anchor.getNode()
  const top = anchor.getTopLevelElement() ?? anchor
  const block = blocks.indexOf(top)
  if (block < 0 || !$isElementNode(top)) return null
  let offset = 0
  for (const text of top.getAllTextNodes()) {
    if (text.is(anchor)) return { block, offset: offset + selection.anchor.offset }
    offset += text.getTextContentSize()
  }
  return { block, offset }
}

function $placeCaret({ block, offset }: Caret): void {
  const top = $getRoot().getChildAtIndex(block)
  if (!top || !$isElementNode(top)) return
  let left = offset
  const texts = top.getAllTextNodes()
  for (const text of texts) {
    const size = text.getTextContentSize()
    if (left <= size) {
      text.select(left, left)
      return
    }
    left -= size
  }
  top.selectEnd()
}
