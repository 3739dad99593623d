import { $createLinkNode, $isLinkNode, $toggleLink, type LinkNode } from '@lexical/link'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $findMatchingParent, mergeRegister } from '@lexical/utils'
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  createCommand,
  HISTORY_PUSH_TAG,
  KEY_DOWN_COMMAND,
  type BaseSelection,
  type LexicalNode,
  type RangeSelection,
} from 'lexical'
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { keyName } from '../../app/shortcuts'
import { openOutside } from '../../app/open-outside'
import { LINK_REFUSED, normaliseLink } from '../links'
import { isComposingKey, isShortcut } from '../../app/keys'

/** Open the link popover: add a link to the selection, or edit the one at the caret (Ctrl/Cmd+K, the toolbar). */
export const OPEN_LINK_POPOVER_COMMAND = createCommand<void>('OPEN_LINK_POPOVER_COMMAND')

const isLinkKey = (event: KeyboardEvent) => isShortcut(event, { key: 'k' })

/** The link the selection is in: both its ends in the same link (a caret in one counts). */
function $linkAt(selection: RangeSelection): LinkNode | null {
  const linkOf = (node: LexicalNode) => ($isLinkNode(node) ? node : $findMatchingParent(node, $isLinkNode))
  const anchor = linkOf(selection.anchor.getNode())
  const focus = linkOf(selection.focus.getNode())
  return anchor && focus && anchor.is(focus) ? anchor : null
}

/** An address as a reader would say it: mailto: and tel: dropped, the web's scheme too. */
function spoken(url: string): string {
  return url.replace(/^(mailto:|tel:|https?:\/\/)/i, '').replace(/\/$/, '')
}

interface Editing {
  mode: 'add' | 'edit'
  saved: BaseSelection | null
  /** The address of the link being edited, as it was when the popover opened. */
  url: string
}

interface Place {
  left: number
  top: number
  width: number
}

const GAP = 6
const MARGIN = 8

/**
 * Links in the body, by keyboard first. Ctrl/Cmd+K (or the toolbar's Link) opens a small popover
 * under the words: with words selected, type or paste an address and Enter links them; with the
 * caret in a link, its address is there to change, to open outside the app, or to remove. Escape
 * closes it and puts the caret back in the text. While the caret is in a link and no popover is
 * open, the address shows under it (with Edit, Open, Remove for the mouse). Each change is one
 * undo step. The popover is placed against the window's edges, so it stays whole at 720 px.
 */
export function LinkPopoverPlugin() {
  const [editor] = useLexicalComposerContext()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  /** The link at the caret (its key and address), whether or not the popover is open. */
  const [atCaret, setAtCaret] = useState<{ key: string; url: string } | null>(null)
  const [focused, setFocused] = useState(false)
  const [place, setPlace] = useState<Place | null>(null)
  const anchorRect = useRef<DOMRect | null>(null)
  const card = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const id = useId()

  // Where the caret is, and whether the body (or this card) has the focus.
  useEffect(() => {
    const read = () =>
      editor.getEditorState().read(() => {
        const selection = $getSelection()
        const link = $isRangeSelection(selection) ? $linkAt(selection) : null
        setAtCaret(link ? { key: link.getKey(), url: link.getURL() } : null)
      })
    const onFocus = () => {
      const active = document.activeElement
      setFocused(!!active && (!!editor.getRootElement()?.contains(active) || !!card.current?.contains(active)))
    }
    document.addEventListener('focusin', onFocus)
    document.addEventListener('focusout', onFocus)
    const stop = editor.registerUpdateListener(read)
    return () => {
      stop()
      document.removeEventListener('focusin', onFocus)
      document.removeEventListener('focusout', onFocus)
    }
  }, [editor])

  const open = useCallback(() => {
    const state = editor.getEditorState().read(() => {
      const selection = $getSelection()
      if (!$isRangeSelection(selection)) return null
      const link = $linkAt(selection)
      return { saved: selection.clone(), url: link?.getURL() ?? null, key: link?.getKey() ?? null }
    })
    if (!state) return false
    // Measured now, while the words are still selected on the page.
    const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null
    const rect = range?.getBoundingClientRect()
    anchorRect.current =
      state.key !== null
        ? (editor.getElementByKey(state.key)?.getBoundingClientRect() ?? null)
        : rect && (rect.width || rect.height)
          ? rect
          : (editor.getRootElement()?.getBoundingClientRect() ?? null)
    setEditing({ mode: state.url === null ? 'add' : 'edit', saved: state.saved, url: state.url ?? '' })
    setDraft(state.url ?? '')
    setError(null)
    return true
  }, [editor])

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(OPEN_LINK_POPOVER_COMMAND, open, COMMAND_PRIORITY_NORMAL),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!isLinkKey(event)) return false
            event.preventDefault()
            return open()
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, open],
  )

  /** Back to the text, the words (or the caret) as they were. */
  const backToText = useCallback(() => {
    const saved = editing?.saved
    setEditing(null)
    setError(null)
    if (saved) editor.update(() => $setSelection(saved.clone()))
    editor.focus()
  }, [editor, editing])

  const change = (fn: (selection: RangeSelection) => void) => {
    const saved = editing?.saved ?? null
    editor.update(
      () => {
        if (saved) $setSelection(saved.clone())
        const selection = $getSelection()
        if ($isRangeSelection(selection)) fn(selection)
      },
      // Its own undo step, never merged with the typing before it.
      { tag: HISTORY_PUSH_TAG },
    )
    setEditing(null)
    setError(null)
    editor.focus()
  }

  const apply = () => {
    const url = normaliseLink(draft)
    if (!url) {
      setError(LINK_REFUSED)
      return
    }
    change((selection) => {
      const link = $linkAt(selection)
      if (link) link.setURL(url)
      else if (selection.isCollapsed()) {
        // Nothing selected: the address goes in as its own words.
        const node = $createLinkNode(url).append($createTextNode(spoken(url)))
        selection.insertNodes([node])
        node.selectEnd()
      } else $toggleLink(url)
    })
  }

  const remove = () => {
    if (!editing) {
      editor.update(
        () => {
          const selection = $getSelection()
          const link = $isRangeSelection(selection) ? $linkAt(selection) : null
          if (!link) return
          for (const child of link.getChildren()) link.insertBefore(child)
          link.remove()
        },
        { tag: HISTORY_PUSH_TAG },
      )
      editor.focus()
      return
    }
    change((selection) => {
      const link = $linkAt(selection)
      if (!link) return $toggleLink(null)
      for (const child of link.getChildren()) link.insertBefore(child)
      link.remove()
    })
  }

  const visible = editing !== null || (atCaret !== null && focused)
  const url = editing ? editing.url : (atCaret?.url ?? '')

  // Under the words, inside the window: moved above them near the bottom, and in from either side.
  useLayoutEffect(() => {
    // Closed, the last place is kept: reopened, it is measured again before the browser paints.
    if (!visible) return
    const measure = () => {
      const rect =
        (!editing && atCaret ? editor.getElementByKey(atCaret.key)?.getBoundingClientRect() : null) ??
        anchorRect.current
      if (!rect) return
      const width = Math.min(380, window.innerWidth - 2 * MARGIN)
      const height = card.current?.offsetHeight ?? 0
      const left = Math.max(MARGIN, Math.min(rect.left, window.innerWidth - width - MARGIN))
      let top = rect.bottom + GAP
      if (top + height > window.innerHeight - MARGIN) top = rect.top - height - GAP
      // Whole inside the window whatever the words do: they may be scrolled away, or the window made
      // smaller under a popover measured against where they were.
      top = Math.max(MARGIN, Math.min(top, window.innerHeight - height - MARGIN))
      setPlace((was) =>
        was && was.left === left && was.top === top && was.width === width ? was : { left, top, width },
      )
    }
    measure()
    window.addEventListener('resize', measure)
    window.addEventListener('scroll', measure, true)
    return () => {
      window.removeEventListener('resize', measure)
      window.removeEventListener('scroll', measure, true)
    }
  }, [visible, editing, atCaret, editor, error])

  // Into the address once the popover is placed (a hidden field cannot take the focus), once per
  // opening; before the browser paints, so a key typed straight after Ctrl/Cmd+K lands in the field.
  const placed = place !== null
  useLayoutEffect(() => {
    if (!editing || !placed) return
    input.current?.focus()
    input.current?.select()
  }, [editing, placed])

  if (!visible) return null
  const style = place ? { left: place.left, top: place.top, width: place.width } : { visibility: 'hidden' as const }
  const title = editing ? (editing.mode === 'edit' ? 'Edit link' : 'Add link') : 'Link'
  const buttons = (
    <>
      {url && (
        <button type="button" onClick={() => openOutside(url)} title={`Open ${url} outside Copydesk`}>
          Open link
        </button>
      )}
      {url && (
        <button type="button" onClick={remove}>
          Remove link
        </button>
      )}
    </>
  )
  return createPortal(
    <div
      ref={card}
      className="link-popover"
      role={editing ? 'dialog' : 'group'}
      aria-label={title}
      style={style}
      onKeyDown={(e) => {
        // An Escape that drops an input method's words in the address is the input method's.
        if (e.key === 'Escape' && !isComposingKey(e.nativeEvent)) {
          e.preventDefault()
          e.stopPropagation()
          backToText()
        }
      }}
      onBlur={(e) => {
        // Leaving the popover for somewhere else closes it, as Escape does, without taking the focus back.
        if (editing && !e.currentTarget.contains(e.relatedTarget) && e.relatedTarget !== null) {
          if (!editor.getRootElement()?.contains(e.relatedTarget)) setEditing(null)
        }
      }}
      onMouseDown={(e) => {
        // A click on the card's text keeps the caret where it is.
        if (!(e.target instanceof HTMLInputElement) && !editing) e.preventDefault()
      }}
    >
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            apply()
          }}
        >
          <label htmlFor={`${id}-address`} className="link-popover-label">
            Link address
          </label>
          <div className="link-popover-row">
            <input
              ref={input}
              id={`${id}-address`}
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="example.com, name@example.com, +44 20…"
              value={draft}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : `${id}-hint`}
              onChange={(e) => {
                setDraft(e.target.value)
                setError(null)
              }}
            />
            <button type="submit" className="primary">
              Apply
            </button>
          </div>
          {error ? (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="link-popover-hint">
              Enter applies, Escape goes back to the text.
            </p>
          )}
          {editing.mode === 'edit' && <div className="link-popover-row">{buttons}</div>}
        </form>
      ) : (
        <div className="link-popover-row">
          <span className="link-popover-address" title={url}>
            {spoken(url)}
          </span>
          <button type="button" onClick={() => editor.dispatchCommand(OPEN_LINK_POPOVER_COMMAND, undefined)}>
            Edit link <span className="link-popover-keys">({keyName('Mod+K')})</span>
          </button>
          {buttons}
        </div>
      )}
    </div>,
    document.body,
  )
}
