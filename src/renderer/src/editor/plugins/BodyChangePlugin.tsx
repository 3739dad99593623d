import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, HISTORY_MERGE_TAG } from 'lexical'
import { useEffect } from 'react'
import { countWords } from '@shared/body'
import { DESK_MERGE_TAG } from '../desk-merge'

interface Props {
  onChange: () => void
  onWords: (words: number) => void
}

/**
 * Tells the story the body changed (the JSON is read only when a save happens, not per key) and
 * counts words a moment after typing pauses, so a long story never pays for counting per keystroke.
 */
export function BodyChangePlugin({ onChange, onWords }: Props) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const count = () => onWords(countWords(editor.getEditorState().read(() => $getRoot().getTextContent())))
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
