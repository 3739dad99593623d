import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $findMatchingParent } from '@lexical/utils'
import {
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COLLABORATION_TAG,
  HISTORIC_TAG,
  HISTORY_PUSH_TAG,
  PASTE_TAG,
  type ElementNode,
  type LexicalEditor,
  type TextNode,
} from 'lexical'
import { useEffect, useRef } from 'react'
import { afterTyping, type Replacement, type TypographyRules } from '@shared/typography'

/** Our own replacements: the listener does not take them for typing. */
const TYPOGRAPHY_TAG = 'typography'

const $blockOf = (node: TextNode) =>
  $findMatchingParent(node, (n): n is ElementNode => $isElementNode(n) && !n.isInline())

/** A block's words as its text nodes hold them. */
const $textOf = (block: ElementNode) =>
  block
    .getAllTextNodes()
    .map((text) => text.getTextContent())
    .join('')

/** The paragraph's text either side of a caret in `node` at `offset` (its text nodes only). */
function $around(node: TextNode, offset: number, block: ElementNode | null): { before: string; after: string } {
  if (!block) return { before: node.getTextContent().slice(0, offset), after: node.getTextContent().slice(offset) }
  let before = ''
  let after = ''
  let seen = false
  for (const text of block.getAllTextNodes()) {
    if (text.is(node)) {
      before += text.getTextContent().slice(0, offset)
      after += text.getTextContent().slice(offset)
      seen = true
    } else if (seen) after += text.getTextContent()
    else before += text.getTextContent()
  }
  return { before, after }
}

/**
 * The replacement in an update of its own, after the one that typed the character, pushed as its
 * own history step; nothing is done if the caret has moved on meanwhile.
 */
function replaceAfterTyping(editor: LexicalEditor, key: string, offset: number, replacement: Replacement) {
  editor.update(
    () => {
      const selection = $getSelection()
      if (!$isRangeSelection(selection) || !selection.isCollapsed()) return
      const node = selection.anchor.getNode()
      if (node.getKey() !== key || selection.anchor.offset !== offset || !$isTextNode(node)) return
      node.spliceText(offset - replacement.remove, replacement.remove, replacement.insert, true)
    },
    { tag: [HISTORY_PUSH_TAG, TYPOGRAPHY_TAG] },
  )
}

/**
 * Typography as the editor types in the body (src/shared/typography.ts): after a character is typed
 * the straight mark, the double hyphen or the three dots are set right in an update of their own,
 * pushed as its own history step, so one Ctrl/Cmd+Z straight after gives back what was typed. As
 * Lexical's markdown shortcuts do, it watches committed updates for one character typed at a
 * collapsed caret; a paste, an undo or a collaborator's change is left as it came.
 */
export function TypographyPlugin({ rules }: { rules: TypographyRules | null }) {
  const [editor] = useLexicalComposerContext()
  const current = useRef(rules)
  useEffect(() => {
    current.current = rules
  }, [rules])

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, prevEditorState, tags, dirtyLeaves }) => {
        const rules = current.current
        if (!rules || editor.isComposing()) return
        if ([HISTORIC_TAG, COLLABORATION_TAG, PASTE_TAG, TYPOGRAPHY_TAG].some((tag) => tags.has(tag))) return
        const found = editorState.read(() => {
          const selection = $getSelection()
          if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
          const node = selection.anchor.getNode()
          if (!$isTextNode(node) || !dirtyLeaves.has(node.getKey())) return null
          const offset = selection.anchor.offset
          if (offset < 1) return null
          const block = $blockOf(node)
          const { before, after } = $around(node, offset, block)
          // One character typed at the caret: the paragraph was what it is now without the character
          // before the caret (a paragraph's first character, or one after a link, starts a new text node).
          const was = block
            ? prevEditorState.read(() => {
                const prev = $getNodeByKey(block.getKey())
                return $isElementNode(prev) ? $textOf(prev) : null
              })
            : null
          if (was !== before.slice(0, -1) + after) return null
          const replacement = afterTyping(before, after, rules)
          // A replacement reaching back past this text node's start (a mark in bold after plain) is left.
          return replacement && replacement.remove <= offset ? { key: node.getKey(), offset, replacement } : null
        })
        if (found) replaceAfterTyping(editor, found.key, found.offset, found.replacement)
      }),
    [editor],
  )

  return null
}
