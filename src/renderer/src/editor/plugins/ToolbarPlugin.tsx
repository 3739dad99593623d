import { $isLinkNode } from '@lexical/link'
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text'
import { $setBlocksType } from '@lexical/selection'
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils'
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical'
import { useCallback, useEffect, useState } from 'react'
import { isMac, keyName } from '../../app/shortcuts'
import { OPEN_LINK_POPOVER_COMMAND } from './LinkPopoverPlugin'
import { OPEN_PICTURE_DIALOG_COMMAND } from './PicturePlugin'
import { OPEN_COMMENT_BOX_COMMAND } from '../comments'

type Block = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number'

const BLOCK_LABELS: Record<Block, string> = {
  paragraph: 'Paragraph',
  h2: 'Subheading',
  h3: 'Minor heading',
  quote: 'Block quote',
  bullet: 'Bulleted list',
  number: 'Numbered list',
}

/** Reads what the cursor is in, so the toolbar shows it; runs inside editorState.read(). */
function $currentFormat() {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const anchor = selection.anchor.getNode()
  const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow()
  const list = $getNearestNodeOfType(anchor, ListNode)
  let block: Block = 'paragraph'
  if (list && $isListNode(list)) block = list.getListType() === 'number' ? 'number' : 'bullet'
  else if ($isHeadingNode(top)) block = top.getTag() === 'h3' ? 'h3' : 'h2'
  else if ($isQuoteNode(top)) block = 'quote'
  const parent = anchor.getParent()
  return {
    block,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    link: $isLinkNode(parent) || $isLinkNode(anchor),
  }
}

export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext()
  const [format, setFormat] = useState({ block: 'paragraph' as Block, bold: false, italic: false, link: false })
  const [canUndo, setCanUndo] = useState(false)
  const [canRedo, setCanRedo] = useState(false)

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const current = editorState.read($currentFormat)
          if (current) setFormat(current)
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  )

  const setBlock = useCallback(
    (block: Block) => {
      if (block === 'bullet' || block === 'number') {
        const same = format.block === block
        editor.dispatchCommand(
          same ? REMOVE_LIST_COMMAND : block === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
          undefined,
        )
        return
      }
      if (format.block === 'bullet' || format.block === 'number') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)
      editor.update(() => {
        const selection = $getSelection()
        if (!$isRangeSelection(selection)) return
        $setBlocksType(selection, () =>
          block === 'h2' || block === 'h3'
            ? $createHeadingNode(block)
            : block === 'quote'
              ? $createQuoteNode()
              : $createParagraphNode(),
        )
      })
      editor.focus()
    },
    [editor, format.block],
  )

  // Each button's name is the word it shows (WCAG label in name: "Bold" is said and can be spoken
  // to voice control), the glyph beside it is decoration; the hover title adds the shortcut.
  const button = (
    label: string,
    pressed: boolean | undefined,
    onClick: () => void,
    { disabled = false, icon, keys, name }: { disabled?: boolean; icon?: string; keys?: string; name?: string } = {},
  ) => (
    <button
      type="button"
      className="tool"
      aria-label={name}
      aria-pressed={pressed}
      aria-keyshortcuts={keys ? keys.replace('Mod', isMac ? 'Meta' : 'Control') : undefined}
      title={keys ? `${name ?? label} (${keyName(keys)})` : (name ?? label)}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {icon && (
        <span className="tool-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <span className="tool-label">{label}</span>
    </button>
  )

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {button('Undo', undefined, () => editor.dispatchCommand(UNDO_COMMAND, undefined), {
        disabled: !canUndo,
        icon: '↶',
        keys: 'Mod+Z',
      })}
      {button('Redo', undefined, () => editor.dispatchCommand(REDO_COMMAND, undefined), {
        disabled: !canRedo,
        icon: '↷',
        keys: 'Mod+Shift+Z',
      })}
      <span className="tool-gap" />
      <select
        aria-label="Block type"
        title="Block type (or type ## , - , 1. or > at the start of a line)"
        value={format.block}
        onChange={(e) => setBlock(e.target.value as Block)}
      >
        {(Object.keys(BLOCK_LABELS) as Block[]).map((block) => (
          <option key={block} value={block}>
            {BLOCK_LABELS[block]}
          </option>
        ))}
      </select>
      {button('Bold', format.bold, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), { keys: 'Mod+B' })}
      {button('Italic', format.italic, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), { keys: 'Mod+I' })}
      {button('Bullets', format.block === 'bullet', () => setBlock('bullet'), { icon: '•' })}
      {button('Numbers', format.block === 'number', () => setBlock('number'), { icon: '1.' })}
      {button('Quote', format.block === 'quote', () => setBlock(format.block === 'quote' ? 'paragraph' : 'quote'), {
        icon: '❝',
      })}
      {button('Link', format.link, () => editor.dispatchCommand(OPEN_LINK_POPOVER_COMMAND, undefined), {
        keys: 'Mod+K',
      })}
      {button('Picture', undefined, () => editor.dispatchCommand(OPEN_PICTURE_DIALOG_COMMAND, undefined), {
        name: 'Insert picture',
      })}
      {button('Comment', undefined, () => editor.dispatchCommand(OPEN_COMMENT_BOX_COMMAND, undefined), {
        name: 'Comment on the selected words',
        keys: 'Mod+Alt+M',
      })}
    </div>
  )
}
