import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot } from 'lexical'
import { useEffect } from 'react'
import { countWords } from '../../../../shared/body'

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
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      if (tags.has('history-merge') && tags.has('skip-autosave')) return
      onChange()
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
