import { $createMarkNode, MarkNode } from '@lexical/mark'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister, registerNestedElementResolver } from '@lexical/utils'
import {
  $createRangeSelectionFromDom,
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  getDOMSelection,
  type BaseSelection,
  type PointType,
} from 'lexical'
import { useEffect, useId, useRef, useState } from 'react'
import { MAX_COMMENT_CHARACTERS } from '@shared/limits'
import { $addComment, $tidyMark, $selectedQuote, OPEN_COMMENT_BOX_COMMAND } from '../comments'
import { askCommentAuthor, commentAuthorNow } from '../../notes/author'
import { isComposingKey, isShortcut } from '../../app/keys'

/** Inside read() or update(): whether a point saved earlier still points into the body. */
function $stillThere(point: PointType): boolean {
  const node = $getNodeByKey(point.key)
  if (!node || !node.isAttached()) return false
  return point.offset <= ($isElementNode(node) ? node.getChildrenSize() : node.getTextContentSize())
}

interface Draft {
  quote: string | null
  text: string
  error: string | null
}

/**
 * Comments on the copy: the box that adds one to the selected words (the toolbar's Comment button
 * or Ctrl+Alt+M), and the rules that keep marks tidy as the editor types: a mark inside another is
 * split so each stretch carries all its threads, and a mark with no thread in this story goes.
 */
export function CommentPlugin() {
  const [editor] = useLexicalComposerContext()
  const [draft, setDraft] = useState<Draft | null>(null)
  const saved = useRef<BaseSelection | null>(null)
  const id = useId()

  useEffect(askCommentAuthor, [])

  useEffect(() => {
    // Runs as a command listener, inside the editor's update: $-functions read the pending state.
    const open = () => {
      // Take the selection from the page first: Lexical learns of it from selectionchange, which
      // may not have arrived yet when Ctrl+Alt+M follows the last Shift+arrow at once.
      // Only read: setting it would move the page's selection, and the focus, back to the body.
      const chosen = $createRangeSelectionFromDom(getDOMSelection(null), editor) ?? $getSelection()
      saved.current = chosen?.clone() ?? null
      setDraft({ quote: $selectedQuote(chosen), text: '', error: null })
      return true
    }
    return mergeRegister(
      registerNestedElementResolver<MarkNode>(
        editor,
        MarkNode,
        (from) => $createMarkNode(from.getIDs()),
        (from, to) => from.getIDs().forEach((markId) => to.addID(markId)),
      ),
      editor.registerNodeTransform(MarkNode, $tidyMark),
      editor.registerCommand(OPEN_COMMENT_BOX_COMMAND, open, COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          // Not German AltGr+M (µ, Ctrl+Alt on Windows): isShortcut leaves AltGr's characters to be typed.
          if (!isShortcut(event, { key: 'm', alt: true })) return false
          event.preventDefault()
          return open()
        },
        COMMAND_PRIORITY_LOW,
      ),
    )
  }, [editor])

  if (!draft) return null

  const close = () => {
    setDraft(null)
    editor.focus()
  }

  const add = () => {
    const text = draft.text.trim()
    if (!text) return setDraft({ ...draft, error: 'Write the comment first' })
    if (text.length > MAX_COMMENT_CHARACTERS)
      return setDraft({
        ...draft,
        error: `A comment holds at most ${MAX_COMMENT_CHARACTERS.toLocaleString('en')} characters`,
      })
    let added = false
    editor.update(
      () => {
        // The words chosen when the box opened, unless they were cut since (the body stays editable).
        const chosen = saved.current
        if ($isRangeSelection(chosen) && $stillThere(chosen.anchor) && $stillThere(chosen.focus))
          $setSelection(chosen.clone())
        added = $addComment(text, commentAuthorNow()) !== null
      },
      { discrete: true },
    )
    if (!added)
      return setDraft({ ...draft, error: 'The words chosen have changed: select them again, then Add comment' })
    close()
  }

  return (
    <div
      className="comment-box"
      role="group"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        // An Escape that drops an input method's words is the input method's, not a cancel.
        if (e.key === 'Escape' && !isComposingKey(e.nativeEvent)) {
          e.preventDefault()
          close()
        }
      }}
    >
      {draft.quote ? (
        <>
          <p className="comment-box-title" id={`${id}-title`}>
            Comment on “{draft.quote}”
          </p>
          <textarea
            autoFocus
            aria-label="Comment"
            aria-describedby={draft.error ? `${id}-error` : `${id}-hint`}
            aria-invalid={draft.error ? true : undefined}
            rows={3}
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value, error: null })}
            onKeyDown={(e) => {
              if (isShortcut(e.nativeEvent, { key: 'Enter' })) {
                e.preventDefault()
                add()
              }
            }}
          />
          <p className="comment-box-hint" id={`${id}-hint`}>
            Comments stay in Copydesk: they are never exported or published.
          </p>
          {draft.error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {draft.error}
            </p>
          )}
          <span className="comment-box-actions">
            <button type="button" onClick={add}>
              Add comment
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </span>
        </>
      ) : (
        <>
          <p className="comment-box-title" id={`${id}-title`} role="alert">
            Select the words to comment on first, then choose Comment.
          </p>
          <button type="button" autoFocus onClick={close}>
            OK
          </button>
        </>
      )}
    </div>
  )
}
