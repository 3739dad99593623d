import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $createTextNode,
  $setSelection,
  createEditor,
  type LexicalEditor,
  type TextNode,
} from 'lexical'
import { $createMarkNode, MarkNode } from '@lexical/mark'
import { describe, expect, it } from 'vitest'
import { bodyFromParagraphs, bodySchema, type Body } from '@shared/body'
import { bodyToText } from '@shared/body-text'
import { commentThreads, markedTexts, openComments, stripComments } from '@shared/comments'
import { bodyNodes } from './nodes'
import {
  $addComment,
  $markedWords,
  $tidyMark,
  $reopenComment,
  $replyToComment,
  $resolveComment,
  $threads,
} from './comments'

/** The body editor's node set without a DOM: what it saves is what the library gets. */
function editorWith(body: Body): LexicalEditor {
  const editor = createEditor({
    namespace: 'comments-test',
    nodes: bodyNodes,
    onError: (e) => {
      throw e
    },
  })
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)))
  editor.registerNodeTransform(MarkNode, $tidyMark)
  return editor
}
const saved = (editor: LexicalEditor) => bodySchema.parse(editor.getEditorState().toJSON())

/** Inside update(): select `length` characters from `offset` in the first text node of block `block`. */
function $select(block: number, offset: number, length: number) {
  const paragraph = $getRoot().getChildren()[block]
  if (!$isElementNode(paragraph)) throw new Error('no block')
  const text = paragraph.getFirstDescendant() as TextNode
  const selection = $createRangeSelection()
  selection.anchor.set(text.getKey(), offset, 'text')
  selection.focus.set(text.getKey(), offset + length, 'text')
  $setSelection(selection)
}

const at = new Date('2026-12-01T06:00:00.000Z')

describe('comments in the editor', () => {
  it('marks the selected words, keeps the thread in the saved body, and reads back the same after a reload', () => {
    const editor = editorWith(bodyFromParagraphs(['Sales fell 3 per cent last year.']))
    editor.update(
      () => {
        $select(0, 6, 15)
        expect($addComment('  Check the figure  ', 'Mara', at)).toMatch(/^[A-Za-z0-9_-]+$/)
      },
      { discrete: true },
    )
    const body = saved(editor)
    const [thread] = commentThreads(body)
    expect(thread).toMatchObject({ quote: 'fell 3 per cent', comments: [{ author: 'Mara', text: 'Check the figure' }] })
    expect(markedTexts(body).get(thread!.id)).toBe('fell 3 per cent')
    expect(bodyToText(body)).toBe('Sales fell 3 per cent last year.')
    const again = editorWith(body)
    expect(saved(again)).toEqual(body)
    expect(again.getEditorState().read($threads)).toEqual(commentThreads(body))
  })

  it('replies, resolves and reopens; the count the preflight reads follows', () => {
    const editor = editorWith(bodyFromParagraphs(['One two three.']))
    let id = ''
    editor.update(
      () => {
        $select(0, 4, 3)
        id = $addComment('Which two?', 'Mara', at)!
      },
      { discrete: true },
    )
    expect(openComments(saved(editor))).toBe(1)
    editor.update(() => $replyToComment(id, 'The second', 'Tom', at), { discrete: true })
    editor.update(() => $resolveComment(id, 'Tom', at), { discrete: true })
    const resolved = saved(editor)
    expect(openComments(resolved)).toBe(0)
    expect(commentThreads(resolved)[0]).toMatchObject({
      comments: [{ text: 'Which two?' }, { text: 'The second', author: 'Tom' }],
      resolved: { by: 'Tom' },
    })
    editor.update(() => $reopenComment(id), { discrete: true })
    expect(openComments(saved(editor))).toBe(1)
  })

  it('the mark moves with its words as text is typed before them, and survives a paragraph split and join', () => {
    const editor = editorWith(bodyFromParagraphs(['Alpha beta gamma delta.']))
    let id = ''
    editor.update(
      () => {
        $select(0, 6, 10) // "beta gamma"
        id = $addComment('Swap these', 'Mara', at)!
      },
      { discrete: true },
    )
    editor.update(
      () => {
        const first = $getRoot().getFirstDescendant() as TextNode
        first.setTextContent('Oh, Alpha ')
      },
      { discrete: true },
    )
    expect(markedTexts(saved(editor)).get(id)).toBe('beta gamma')
    // Enter between "beta" and "gamma": the thread now covers two paragraphs.
    editor.update(
      () => {
        const text = $getRoot()
          .getAllTextNodes()
          .find((t) => t.getTextContent() === 'beta gamma')!
        const selection = $createRangeSelection()
        selection.anchor.set(text.getKey(), 5, 'text')
        selection.focus.set(text.getKey(), 5, 'text')
        $setSelection(selection)
        selection.insertParagraph()
      },
      { discrete: true },
    )
    const split = saved(editor)
    expect(split.root.children).toHaveLength(2)
    expect(markedTexts(split).get(id)).toBe('beta gamma')
    // The Notes panel reads the same words, in reading order, across the two paragraphs.
    expect(editor.getEditorState().read($markedWords).get(id)).toBe('beta gamma')
    // Backspace at the start of the second paragraph joins them again.
    editor.update(
      () => {
        const second = $getRoot().getChildren()[1]!
        const selection = $createRangeSelection()
        const first = (second as unknown as { getFirstDescendant(): TextNode }).getFirstDescendant()
        selection.anchor.set(first.getKey(), 0, 'text')
        selection.focus.set(first.getKey(), 0, 'text')
        $setSelection(selection)
        selection.deleteCharacter(true)
      },
      { discrete: true },
    )
    const joined = saved(editor)
    expect(joined.root.children).toHaveLength(1)
    expect(bodyToText(joined)).toBe('Oh, Alpha beta gamma delta.')
    expect(markedTexts(joined).get(id)).toBe('beta gamma')
    // One stretch again, not two marks side by side.
    expect(JSON.stringify(joined).match(/"type":"mark"/g)).toHaveLength(1)
    expect(bodyToText(stripComments(joined))).toBe('Oh, Alpha beta gamma delta.')
  })

  it('drops a mark whose thread is not in this story (pasted from another), keeping its words', () => {
    const editor = editorWith(bodyFromParagraphs(['Here: ']))
    editor.update(
      () => {
        const paragraph = $getRoot().getChildren()[0]
        if ($isElementNode(paragraph))
          paragraph.append($createMarkNode(['elsewhere']).append($createTextNode(' Pasted words')))
      },
      { discrete: true },
    )
    const body = saved(editor)
    expect(JSON.stringify(body)).not.toContain('"mark"')
    expect(bodyToText(body)).toBe('Here: Pasted words')
  })
})
