import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

export interface MenuChoice {
  label: string
  run: () => void
}

interface Props {
  word: string
  /** Where the word is on screen: the menu opens below it. */
  anchor: DOMRect
  /** Null while the worker is still finding them. */
  suggestions: string[] | null
  onReplace: (suggestion: string) => void
  more: MenuChoice[]
  onClose: () => void
}

/**
 * The renderer's own menu for a misspelt word, so it is the same in Electron and in the browser
 * tests: suggestions, then ignore and add. Arrow keys move, Enter picks, Escape closes; focus goes
 * back to where the editor was typing.
 */
export function SpellingMenu({ word, anchor, suggestions, onReplace, more, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState({ left: anchor.left, top: anchor.bottom + 4 })

  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect()
    if (!box) return
    const left = Math.max(4, Math.min(anchor.left, window.innerWidth - box.width - 4))
    const below = anchor.bottom + 4
    const top = below + box.height > window.innerHeight ? Math.max(4, anchor.top - box.height - 4) : below
    setPlace({ left, top })
  }, [anchor, suggestions])

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]

  /** Set once the editor moves in the menu: arriving suggestions then leave the focus where it is. */
  const moved = useRef(false)
  useEffect(() => {
    // Focus the first choice when the menu opens, and the first suggestion when they arrive.
    if (!moved.current) items()[0]?.focus()
  }, [suggestions])

  useEffect(() => {
    const away = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose()
    }
    document.addEventListener('mousedown', away, true)
    return () => document.removeEventListener('mousedown', away, true)
  }, [onClose])

  const onKeyDown = (event: React.KeyboardEvent) => {
    const list = items()
    const at = list.indexOf(document.activeElement as HTMLButtonElement)
    const go = (i: number) => {
      moved.current = true
      list[(i + list.length) % list.length]?.focus()
    }
    if (event.key === 'ArrowDown') go(at + 1)
    else if (event.key === 'ArrowUp') go(at - 1)
    else if (event.key === 'Home') go(0)
    else if (event.key === 'End') go(list.length - 1)
    else if (event.key === 'Escape' || event.key === 'Tab') onClose()
    else return
    event.preventDefault()
    event.stopPropagation()
  }

  return createPortal(
    <div
      ref={menu}
      className="spelling-menu"
      role="menu"
      aria-label={`Spelling: ${word}`}
      style={{ left: place.left, top: place.top }}
      onKeyDown={onKeyDown}
    >
      {suggestions === null ? (
        <p className="spelling-menu-note" role="status">
          Finding suggestions…
        </p>
      ) : suggestions.length === 0 ? (
        <p className="spelling-menu-note">No suggestions</p>
      ) : (
        suggestions.map((s) => (
          <button key={s} role="menuitem" className="spelling-suggestion" onClick={() => onReplace(s)}>
            {s}
          </button>
        ))
      )}
      <hr />
      {more.map((choice) => (
        <button key={choice.label} role="menuitem" onClick={choice.run}>
          {choice.label}
        </button>
      ))}
    </div>,
    document.body,
  )
}
