import { createEmptyHistoryState, registerHistory } from '@lexical/history'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

/** Undo and redo with a bounded stack, so a day's typing in one story cannot grow memory forever. */
export function CappedHistoryPlugin({ maxDepth = 500, delay = 400 }: { maxDepth?: number; delay?: number }) {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () => registerHistory(editor, createEmptyHistoryState(), delay, Date.now, undefined, maxDepth),
    [editor, delay, maxDepth],
  )
  return null
}
