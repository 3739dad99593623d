import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  KEY_DOWN_COMMAND,
  getDOMSelection,
} from 'lexical'
import { useEffect } from 'react'

/**
 * Enter, Backspace and Delete act on the caret where the editor sees it (Tab, in this body, only
 * moves the focus on, which reads no caret; e2e/typing-race.spec.ts). Lexical learns that the
 * caret moved from `selectionchange`, which the browser sends as a task of its own; on a busy machine
 * keystrokes jump that queue, so an editor who presses ArrowRight then Enter at speed split the
 * paragraph where the caret had been a few keys before ("te|n per cent"). Before any key is
 * handled, the caret is taken from the page when it differs. Only a caret in the body's text:
 * a picture chosen whole (a node selection) or a caption's own field keeps its selection.
 */
export function CaretSyncPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (event.target !== editor.getRootElement()) return false
          const seen = $getSelection()
          if (seen !== null && !$isRangeSelection(seen)) return false
          const onPage = $createRangeSelectionFromDom(getDOMSelection(null), editor)
          // Unchanged, the editor's own selection stays: it carries the styles chosen for the next letters.
          if (onPage && !(seen && onPage.is(seen))) $setSelection(onPage)
          return false
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  )
  return null
}
