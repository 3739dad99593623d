import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
  type LexicalEditor,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import { generateStory } from '../../../../bench/generate'
import { bodyRuns } from '@shared/body-text'
import type { Body } from '@shared/body'
import { readBodyJson, readBodyJsonText } from './body-json'
import { editorRuns } from './ranges'
import { bodyNodes } from './nodes'

function editorWith(story: number): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: bodyNodes,
    onError: (error) => {
      throw error
    },
  })
  // A story with lists, quotes, links and a picture, as the library holds them.
  editor.setEditorState(editor.parseEditorState(JSON.stringify(generateStory(story, 50).fields.body)))
  return editor
}

const update = (editor: LexicalEditor, change: () => void) => editor.update(change, { discrete: true })

/** The body as the editor's own export writes it, to compare against. */
const whole = (editor: LexicalEditor) => JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as unknown

describe('the body read a block at a time for autosave', () => {
  it('is the editor’s own JSON after every kind of change', () => {
    for (const story of [3, 17, 41]) {
      const editor = editorWith(story)
      expect(readBodyJson(editor)).toEqual(whole(editor))
      const steps: [string, () => void][] = [
        [
          'typing in the middle of a paragraph',
          () => {
            const block = $getRoot().getChildAtIndex(5)
            const text = $isElementNode(block) ? block.getFirstDescendant() : null
            if ($isTextNode(text)) text.setTextContent(`${text.getTextContent()} and more words`)
          },
        ],
        [
          'a new paragraph',
          () => {
            $getRoot()
              .getChildAtIndex(2)!
              .insertAfter($createParagraphNode().append($createTextNode('Breaking: the bridge is closed.')))
          },
        ],
        ['a block removed', () => $getRoot().getChildAtIndex(7)!.remove()],
        [
          'bold in a list or a paragraph',
          () => {
            const list =
              $getRoot()
                .getChildren()
                .find((b) => $isElementNode(b) && b.getType() === 'list') ?? $getRoot().getChildAtIndex(1)!
            const text = $isElementNode(list) ? list.getLastDescendant() : null
            if ($isTextNode(text)) text.toggleFormat('bold')
          },
        ],
        [
          'two blocks swapped',
          () => {
            const first = $getRoot().getChildAtIndex(0)!
            $getRoot().getChildAtIndex(3)!.insertAfter(first)
          },
        ],
      ]
      const before = editor.getEditorState()
      for (const [name, change] of steps) {
        update(editor, change)
        expect(readBodyJson(editor), name).toEqual(whole(editor))
        // What autosave sends (story:autosave), joined from the same blocks' texts.
        expect(readBodyJsonText(editor), name).toBe(JSON.stringify(editor.getEditorState().toJSON()))
        // What spelling, placeholder marks and find read, made from the same blocks.
        expect(editorRuns(editor), name).toEqual(bodyRuns(whole(editor) as Body))
      }
      // Undo sets a whole earlier state at once.
      editor.setEditorState(before)
      expect(readBodyJson(editor)).toEqual(whole(editor))
      update(editor, () => $getRoot().getChildAtIndex(4)!.remove())
      expect(readBodyJson(editor)).toEqual(whole(editor))
    }
  })
})

describe('the body read from another update listener', () => {
  it('is the state that listener was told of, even when it runs before the cache hears of the update', () => {
    const editor = createEditor({
      namespace: 'test',
      nodes: bodyNodes,
      onError: (error) => {
        throw error
      },
    })
    // Registered before the first read makes the cache (and its listener): it hears of each update first.
    const seen: unknown[] = []
    editor.registerUpdateListener(() => seen.push(JSON.parse(readBodyJsonText(editor))))
    editor.setEditorState(editor.parseEditorState(JSON.stringify(generateStory(5, 50).fields.body)))
    for (const words of [' first', ' second', ' third']) {
      update(editor, () => {
        const text = $getRoot().getChildAtIndex(0)
        const leaf = $isElementNode(text) ? text.getLastDescendant() : null
        if ($isTextNode(leaf)) leaf.setTextContent(leaf.getTextContent() + words)
      })
      expect(seen.at(-1), words).toEqual(whole(editor))
    }
  })
})
