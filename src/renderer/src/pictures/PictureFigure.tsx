import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, stopLexicalPropagation, type LexicalEditor, type NodeKey } from 'lexical'
import { useEffect, useRef, useState } from 'react'
import type { Picture } from '@shared/story'
import { AddingProgress } from './AddingProgress'
import { PictureError } from './PictureError'
import { PictureFields, PictureImage } from './PictureFields'
import { PictureFileInput } from './PictureFileInput'
import { replacedImage } from './store'
import { useAddPicture } from './useAddPicture'

/**
 * The events the body editor listens for on its root. Typing, pasting or clicking in a figure's own
 * fields must reach those fields only: without this, Backspace in a caption would delete body text.
 * The mark (Lexical's own) tells the editor to leave the event alone; the browser and React still
 * see it.
 */
const EDITOR_EVENTS = [
  'keydown',
  'keyup',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionend',
  'paste',
  'cut',
  'copy',
  'dragstart',
  'dragover',
  'drop',
  'pointerdown',
  'click',
] as const

function isolateFromEditor(element: HTMLElement): () => void {
  for (const name of EDITOR_EVENTS) element.addEventListener(name, stopLexicalPropagation)
  return () => {
    for (const name of EDITOR_EVENTS) element.removeEventListener(name, stopLexicalPropagation)
  }
}

function $placeOf(key: NodeKey): { first: boolean; last: boolean } {
  const node = $getNodeByKey(key)
  return { first: !node?.getPreviousSibling(), last: !node?.getNextSibling() }
}

function usePlace(editor: LexicalEditor, key: NodeKey) {
  const [first, setFirst] = useState(() => editor.getEditorState().read(() => $placeOf(key).first))
  const [last, setLast] = useState(() => editor.getEditorState().read(() => $placeOf(key).last))
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const place = editorState.read(() => $placeOf(key))
        setFirst(place.first)
        setLast(place.last)
      }),
    [editor, key],
  )
  return { first, last }
}

/**
 * What the figure can do to its node, as $-functions run inside an editor update. The node
 * (editor/nodes/PictureNode.tsx) hands them over, so this view needs nothing of the node's class
 * and the two never import each other.
 */
export interface PictureEdits {
  /** Change some of the picture's fields; a mediaId of undefined leaves the image as it is. */
  $set(changes: Partial<Picture>): void
  $move(direction: 'up' | 'down'): void
  /** Take the picture out of the body (which keeps a block to type in). */
  $remove(): void
}

export interface PictureFigureProps {
  nodeKey: NodeKey
  picture: Picture
  edits: PictureEdits
}

/** A picture in the body, as the editor sees it: the image (or its gap), its words, and what can be done with it. */
export function PictureFigure({ nodeKey, picture, edits }: PictureFigureProps) {
  const [editor] = useLexicalComposerContext()
  const own = useRef<HTMLDivElement>(null)
  const file = useRef<HTMLInputElement>(null)
  const latest = useRef(picture)
  const { first, last } = usePlace(editor, nodeKey)

  useEffect(() => {
    latest.current = picture
  }, [picture])
  useEffect(() => (own.current ? isolateFromEditor(own.current) : undefined), [])

  const change = (work: (edit: PictureEdits) => void, focusAfter?: string) =>
    editor.update(
      () => work(edits),
      // Moving a block moves its DOM, which drops focus; give it back to the button pressed.
      focusAfter ? { onUpdate: () => own.current?.querySelector<HTMLElement>(focusAfter)?.focus() } : undefined,
    )

  const {
    add: replace,
    adding,
    error,
  } = useAddPicture((added) => change((edit) => edit.$set(replacedImage(latest.current, added))))

  const remove = () => change((edit) => edit.$remove())

  return (
    <figure className="picture" aria-label={picture.mediaId ? 'Picture' : 'Picture, image missing'}>
      <div className="picture-frame">
        <PictureImage picture={picture} />
      </div>
      <div className="picture-edit" ref={own}>
        <PictureFields picture={picture} onChange={(changes) => change((edit) => edit.$set(changes))} />
        <div className="picture-actions">
          <button type="button" disabled={!!adding} onClick={() => file.current?.click()}>
            {adding ? 'Adding…' : picture.mediaId ? 'Replace image' : 'Attach image'}
          </button>
          <button
            type="button"
            className="move-up"
            aria-label="Move picture up"
            disabled={first}
            onClick={() => change((edit) => edit.$move('up'), '.move-up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="move-down"
            aria-label="Move picture down"
            disabled={last}
            onClick={() => change((edit) => edit.$move('down'), '.move-down')}
          >
            ↓
          </button>
          <button type="button" aria-label="Remove picture" onClick={remove}>
            Remove
          </button>
          <PictureFileInput
            inputRef={file}
            label={picture.mediaId ? 'Replacement image file' : 'Image file'}
            onFile={(chosen) => void replace(chosen)}
          />
          <AddingProgress adding={adding} />
        </div>
        <PictureError error={error} />
      </div>
    </figure>
  )
}
