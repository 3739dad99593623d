import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'

interface Options {
  /** How many rows the list has (a virtualised list: all of them, shown or not). */
  count: number
  /** A row's headline, for type-ahead; undefined while its page is not loaded. */
  textAt: (index: number) => string | undefined
  /** The list's scroller; rows inside carry data-row="index". */
  container: RefObject<HTMLElement | null>
  rowHeight: number
  /** Bring a row into view (a virtualised list renders it only then). */
  scrollTo?: (index: number) => void
}

const TYPE_AHEAD_PAUSE_MS = 700

/**
 * The library list as one Tab stop (the ARIA grid pattern, one column): only the current row is in
 * the Tab order; arrows, Page Up/Down and Home/End move between rows, typing letters jumps to the
 * next headline that starts with them. Works with a virtualised list: a row moved to is scrolled
 * into view first and focused once it is rendered.
 */
export function useRovingRows({ count, textAt, container, rowHeight, scrollTo }: Options) {
  const [active, setActive] = useState(0)
  const current = Math.max(0, Math.min(active, count - 1))
  const wantFocus = useRef<number | null>(null)
  const typed = useRef({ text: '', at: 0 })

  const focusRow = (index: number) => container.current?.querySelector<HTMLElement>(`[data-row="${index}"] button`)

  // After each render: a row asked for gets focus as soon as it exists.
  useEffect(() => {
    if (wantFocus.current === null) return
    const row = container.current?.querySelector<HTMLElement>(`[data-row="${wantFocus.current}"] button`)
    if (row) {
      wantFocus.current = null
      row.focus()
    }
  })

  const move = (to: number) => {
    if (count === 0) return
    const index = Math.max(0, Math.min(to, count - 1))
    setActive(index)
    wantFocus.current = index
    scrollTo?.(index)
    const row = focusRow(index)
    if (row) {
      wantFocus.current = null
      row.focus()
    }
  }

  const typeAhead = (key: string, from: number): boolean => {
    const now = Date.now()
    const text = (now - typed.current.at > TYPE_AHEAD_PAUSE_MS ? '' : typed.current.text) + key.toLowerCase()
    typed.current = { text, at: now }
    // One letter again and again steps through the headlines with that letter; more letters refine.
    const start = text.length === 1 ? from + 1 : from
    for (let step = 0; step < count; step++) {
      const index = (start + step) % count
      if (textAt(index)?.trim().toLowerCase().startsWith(text)) {
        move(index)
        return true
      }
    }
    return false
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const page = Math.max(1, Math.floor((container.current?.clientHeight ?? rowHeight) / rowHeight) - 1)
    const to: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    }
    if (event.key in to) {
      event.preventDefault()
      // Moving by arrow ends a type-ahead: the next letter starts a new one.
      typed.current = { text: '', at: 0 }
      move(to[event.key]!)
    } else if (event.key.length === 1 && (event.key !== ' ' || Date.now() - typed.current.at < TYPE_AHEAD_PAUSE_MS)) {
      // Space opens the story, unless it is part of a headline being typed.
      if (event.key === ' ' && !typed.current.text) return
      // "?" is the shortcut sheet's key everywhere but in text fields.
      if (/[^?\s]| /.test(event.key)) {
        event.preventDefault()
        typeAhead(event.key, index)
      }
    }
  }

  const rowProps = (index: number) => ({
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActive(index),
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, index),
  })

  return { active: current, rowProps, move }
}
