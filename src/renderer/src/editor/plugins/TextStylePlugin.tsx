import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { TextNode, type LexicalEditor } from 'lexical'
import { useEffect } from 'react'

/**
 * Text carries no inline CSS: the toolbar never sets any, and a style that arrives (a paste of
 * Lexical's own clipboard format from another editor, an old story saved before main stripped it)
 * could lay the story's text over the whole window. Cleared as the node enters the editor; main
 * strips it again on save (shared/body.ts).
 */
export function registerTextStyleClearing(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(TextNode, (node) => {
    if (node.getStyle() !== '') node.setStyle('')
  })
}

export function TextStylePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => registerTextStyleClearing(editor), [editor])
  return null
}
