import { $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard'
import { $createParagraphNode, $getRoot, createEditor, type SerializedTextNode } from 'lexical'
import { describe, expect, it } from 'vitest'
import { registerTextStyleClearing } from './TextStylePlugin'

/** Lexical's own clipboard format, as another Lexical editor (or a hostile page) puts it on the clipboard. */
const pasted: SerializedTextNode = {
  type: 'text',
  text: 'Pasted words',
  format: 0,
  detail: 0,
  mode: 'normal',
  style: 'position: fixed; inset: 0; font-size: 400px; background: red',
  version: 1,
}

describe('text style from a paste', () => {
  it('is cleared as the pasted text enters the editor', () => {
    const editor = createEditor({
      namespace: 'test',
      onError: (error) => {
        throw error
      },
    })
    registerTextStyleClearing(editor)
    editor.update(
      () => {
        const paragraph = $createParagraphNode()
        $getRoot().append(paragraph)
        const selection = paragraph.select()
        $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes([pasted]), selection)
      },
      { discrete: true },
    )
    const json = JSON.stringify(editor.getEditorState().toJSON())
    expect(json).toContain('Pasted words')
    expect(json).not.toContain('position: fixed')
  })
})
