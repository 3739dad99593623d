/// <reference lib="dom" />
/**
 * A bare Lexical editor for the typing benchmark: the core and rich-text behaviour (without which
 * Lexical does not take key presses at all), the same node types and theme as the story body, and
 * no React, no history, no plugins. Bundled by bench/pages/build.ts.
 */
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text'
import { createEditor } from 'lexical'
import { bodyTheme } from '../../src/renderer/src/editor/theme'

const editor = createEditor({
  namespace: 'bench-bare',
  nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode],
  theme: bodyTheme,
  onError: (error) => {
    throw error
  },
})
editor.setRootElement(document.getElementById('editor'))
registerRichText(editor)

Object.assign(globalThis, {
  loadBody(json: string) {
    editor.setEditorState(editor.parseEditorState(json))
  },
})
