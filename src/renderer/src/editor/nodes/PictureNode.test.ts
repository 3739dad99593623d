import { $getRoot, createEditor, type LexicalEditor } from 'lexical'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { bodyOf, bodySchema, paragraphNode, pictureNodeSchema, type Body } from '@shared/body'
import { bodyToText } from '@shared/body-text'
import { bodyNodes } from './index'
import { $createPictureNode, $isPictureNode } from './PictureNode'

/** The body editor's node set, without a DOM: what the renderer saves is what it would export here. */
function editorWith(body?: Body): LexicalEditor {
  const editor = createEditor({
    namespace: 'picture-test',
    nodes: bodyNodes,
    onError: (error) => {
      throw error
    },
  })
  if (body) editor.setEditorState(editor.parseEditorState(JSON.stringify(body)))
  return editor
}

const saved = (editor: LexicalEditor) => editor.getEditorState().toJSON() as unknown as Body
const pictures = (body: Body) => body.root.children.filter((block) => block.type === 'picture')

const mediaId = 'c0ffee'.padEnd(64, '0')

describe('the picture node', () => {
  it('saves exactly the shared picture node: type, version, mediaId, alt, caption, credit', () => {
    const editor = editorWith()
    editor.update(
      () => {
        $getRoot()
          .clear()
          .append(
            $createPictureNode({
              mediaId,
              alt: 'Two swans on a frozen lake',
              caption: 'Swans at Slimbridge',
              credit: 'WWT',
            }),
            $createPictureNode({ alt: '', caption: 'Picture to follow', credit: 'AP' }),
          )
      },
      { discrete: true },
    )
    const body = saved(editor)
    expect(bodySchema.safeParse(body).success).toBe(true)
    expect(pictures(body)).toEqual([
      {
        type: 'picture',
        version: 1,
        mediaId,
        alt: 'Two swans on a frozen lake',
        caption: 'Swans at Slimbridge',
        credit: 'WWT',
      },
      { type: 'picture', version: 1, alt: '', caption: 'Picture to follow', credit: 'AP' },
    ])
    // Nothing but the shared fields and Lexical's version.
    const exact = pictureNodeSchema.extend({ version: z.literal(1) }).strict()
    for (const node of pictures(body)) expect(exact.safeParse(node).success).toBe(true)
  })

  it('loads pictures from the library and saves them back unchanged, with or without their image', () => {
    const stored = bodyOf([
      paragraphNode('The ferry left at dawn.'),
      {
        type: 'picture',
        version: 1,
        mediaId,
        alt: 'A ferry leaving harbour',
        caption: 'The 6.10 to Stornoway',
        credit: 'CalMac',
      },
      // As wire import writes a picture that came without its image.
      { type: 'picture', alt: '', caption: 'Passengers queue at Ullapool', credit: 'PA' },
      paragraphNode('It returned at noon.'),
    ])
    const editor = editorWith(stored)
    const body = saved(editor)
    expect(pictures(body)).toEqual([
      {
        type: 'picture',
        version: 1,
        mediaId,
        alt: 'A ferry leaving harbour',
        caption: 'The 6.10 to Stornoway',
        credit: 'CalMac',
      },
      { type: 'picture', version: 1, alt: '', caption: 'Passengers queue at Ullapool', credit: 'PA' },
    ])
    expect(body.root.children.map((b) => b.type)).toEqual(['paragraph', 'picture', 'picture', 'paragraph'])
    // Caption words are not story words, in the editor's count as in the library's.
    expect(
      editor
        .getEditorState()
        .read(() => $getRoot().getTextContent())
        .replace(/\n+/g, ' ')
        .trim(),
    ).toBe('The ferry left at dawn. It returned at noon.')
    expect(bodyToText(body)).toBe('The ferry left at dawn.\n\nIt returned at noon.')
  })

  it('keeps caption, credit and alt text when its image is replaced', () => {
    const editor = editorWith(
      bodyOf([{ type: 'picture', version: 1, alt: 'A lifeboat', caption: 'The Tenby lifeboat', credit: 'RNLI' }]),
    )
    const replacement = 'ab'.repeat(32)
    editor.update(
      () => {
        const node = $getRoot().getFirstChild()
        if ($isPictureNode(node)) node.setPicture({ mediaId: replacement })
      },
      { discrete: true },
    )
    expect(pictures(saved(editor))).toEqual([
      {
        type: 'picture',
        version: 1,
        mediaId: replacement,
        alt: 'A lifeboat',
        caption: 'The Tenby lifeboat',
        credit: 'RNLI',
      },
    ])
  })

  it('keeps a focal point it was given, and drops it when the image is replaced', () => {
    const focus = { x: 0.25, y: 0.8 }
    const picture = { type: 'picture' as const, version: 1, mediaId, alt: 'A lifeboat', caption: '', credit: 'RNLI' }
    const editor = editorWith(bodyOf([{ ...picture, focus }]))
    expect(pictures(saved(editor))).toEqual([{ ...picture, focus }])
    editor.update(
      () => {
        const node = $getRoot().getFirstChild()
        if ($isPictureNode(node)) node.setPicture({ mediaId: 'ab'.repeat(32) })
      },
      { discrete: true },
    )
    expect(pictures(saved(editor))).toEqual([{ ...picture, mediaId: 'ab'.repeat(32) }])
  })
})
