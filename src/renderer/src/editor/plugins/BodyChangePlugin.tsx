import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, HISTORY_MERGE_TAG, type LexicalEditor, type LexicalNode } from 'lexical'
import { useEffect } from 'react'
import { countWords } from '@shared/body'
import { DESK_MERGE_TAG } from '../desk-merge'

interface Props {
  onChange: () => void
  onWords: (words: number) => void
}

/** Words by top-level block: a block no edit touched is the same node object in the next state. */
const wordsOf = new WeakMap<LexicalNode, number>()

/**
 * The body's words, counted a block at a time: blocks are joined by blank lines, which no word
 * crosses, so the sum is countWords() of the whole text, and only the blocks an edit touched are
 * counted again (counting a 10,000-word story at each pause took a task of its own).
 */
export function bodyWords(editor: LexicalEditor): number {
  return editor.getEditorState().read(() => {
    let words = 0
    for (const block of $getRoot().getChildren()) {
      let n = wordsOf.get(block)
      if (n === undefined) wordsOf.set(block, (n = countWords(block.getTextContent())))
      words += n
    }
    return words
  })
}

/**
 * Tells the story the body changed (the JSON is read only when a save happens, not per key) and
 * counts words a moment after typing pauses, so a long story never pays for counting per keystroke.
 */
export function BodyChangePlugin({ onChange, onWords }: Props) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const count = () => onWords(bodyWords(editor))
    count()
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      if (prevEditorState.isEmpty()) return
      // Plugins registering node transforms re-run them over the loaded story (tagged history-merge):
      // that is not an edit, and must not make a revision. Such updates are rare, so compare them.
      if (tags.has(HISTORY_MERGE_TAG) && JSON.stringify(prevEditorState) === JSON.stringify(editorState)) return
      // A colleague's words shown from the desk are already saved there: count them, save nothing.
      if (!tags.has(DESK_MERGE_TAG)) onChange()
      clearTimeout(timer)
      timer = setTimeout(count, 200)
    })
    return () => {
      clearTimeout(timer)
      off()
    }
  }, [editor, onChange, onWords])
  return null
}
