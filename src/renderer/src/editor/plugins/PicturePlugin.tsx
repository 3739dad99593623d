import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { DRAG_DROP_PASTE } from '@lexical/rich-text'
import { mergeRegister } from '@lexical/utils'
import {
  $createParagraphNode,
  $getNodeByKey,
  $getPreviousSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  PASTE_COMMAND,
  createCommand,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Picture } from '@shared/story'
import { PICTURE_ACCEPT } from '../../pictures/PictureFileInput'
import { AddingProgress, type Adding } from '../../pictures/AddingProgress'
import { whileAdding } from '../../pictures/in-flight'
import { filesOf, pictureFrom, storePicture } from '../../pictures/store'
import { $createPictureNode } from '../nodes/PictureNode'

/** The toolbar's "Picture" button: open the file dialog and insert what is chosen where the caret is. */
export const OPEN_PICTURE_DIALOG_COMMAND = createCommand<void>('OPEN_PICTURE_DIALOG')

/**
 * Pictures go between blocks, never inside a sentence: before the block the caret is in when it
 * is at the block's start or the block is empty (so the caret stays below the picture, ready to
 * type), after it otherwise.
 */
interface Place {
  key: NodeKey
  where: 'before' | 'after'
}

function $topBlock(node: LexicalNode, offset: number): LexicalNode | null {
  if (node.getKey() === 'root') {
    const root = $getRoot()
    return root.getChildAtIndex(Math.min(offset, root.getChildrenSize() - 1))
  }
  return node.getTopLevelElement()
}

function $placeAtSelection(): Place | null {
  const selection = $getSelection() ?? $getPreviousSelection()
  if (!selection) return null
  if ($isRangeSelection(selection)) {
    const { anchor } = selection
    const anchorNode = anchor.getNode()
    const block = $topBlock(anchorNode, anchor.offset)
    if (!block) return null
    const empty = $isParagraphNode(block) && block.getTextContentSize() === 0
    const atStart =
      selection.isCollapsed() &&
      anchor.offset === 0 &&
      (anchorNode === block || ($isElementNode(block) && anchorNode === block.getFirstDescendant()))
    return { key: block.getKey(), where: empty || atStart ? 'before' : 'after' }
  }
  const nodes = selection.getNodes()
  const lastNode = nodes[nodes.length - 1]
  const block = lastNode?.getTopLevelElement() ?? lastNode
  return block ? { key: block.getKey(), where: 'after' } : null
}

/** Insert a picture at a place (or at the end), leaving the caret where it was. Returns the place after it. */
function insertPicture(editor: LexicalEditor, picture: Picture, place: Place | null): Place {
  let inserted: NodeKey = ''
  editor.update(() => {
    const node = $createPictureNode(picture)
    const target = place && $getNodeByKey(place.key)
    if (target?.isAttached() && place) {
      if (place.where === 'before') target.insertBefore(node)
      else target.insertAfter(node)
    } else {
      $getRoot().append(node)
    }
    // There is always somewhere to type after a picture.
    if (!node.getNextSibling()) node.insertAfter($createParagraphNode())
    inserted = node.getKey()
  })
  return { key: inserted, where: 'after' }
}

/**
 * Pictures into the body: from the file dialog, dropped onto the editor, or pasted. Each file is
 * stored in the library first; one that is refused leaves the story untouched and its message is
 * shown right under the toolbar.
 */
export function PicturePlugin() {
  const [editor] = useLexicalComposerContext()
  const input = useRef<HTMLInputElement>(null)
  const dialogPlace = useRef<Place | null>(null)
  const [refusals, setRefusals] = useState<string[]>([])
  const [adding, setAdding] = useState(0)
  const [progress, setProgress] = useState<Adding | null>(null)

  const addFiles = useCallback(
    (files: File[], place: Place | null) =>
      whileAdding(
        (async () => {
          setRefusals([])
          setAdding((n) => n + files.length)
          let next = place
          for (const file of files) {
            try {
              const added = await storePicture(file, setProgress)
              next = insertPicture(editor, pictureFrom(added), next)
            } catch (error) {
              setRefusals((list) => [...list, (error as Error).message])
            } finally {
              setAdding((n) => n - 1)
              setProgress(null)
            }
          }
        })(),
      ),
    [editor],
  )

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_PICTURE_DIALOG_COMMAND,
          () => {
            dialogPlace.current = $placeAtSelection()
            input.current?.click()
            return true
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        // Dropped files (rich text has already put the selection at the drop point).
        editor.registerCommand(
          DRAG_DROP_PASTE,
          (files) => {
            void addFiles(filesOf(files), $placeAtSelection())
            return true
          },
          COMMAND_PRIORITY_LOW,
        ),
        // A pasted image often comes with an HTML stand-in, which rich text would paste instead.
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const files = event instanceof ClipboardEvent ? filesOf(event.clipboardData?.files) : []
            if (!files.some((f) => f.type.startsWith('image/'))) return false
            event.preventDefault()
            void addFiles(files, $placeAtSelection())
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, addFiles],
  )

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={PICTURE_ACCEPT}
        aria-label="Picture files"
        onChange={(e) => {
          const files = filesOf(e.currentTarget.files)
          e.currentTarget.value = ''
          void addFiles(files, dialogPlace.current)
        }}
      />
      {adding > 0 && (
        <div className="picture-adding">
          {/* The bar stays out of the live region: it would be read out at every part. */}
          <span aria-live="polite">Adding {adding === 1 ? 'a picture' : `${adding} pictures`}…</span>{' '}
          <AddingProgress adding={progress} />
        </div>
      )}
      {refusals.length > 0 && (
        <div className="banner banner-error picture-refusals" role="alert">
          <ul>
            {refusals.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setRefusals([])}>
            Dismiss
          </button>
        </div>
      )}
    </>
  )
}
