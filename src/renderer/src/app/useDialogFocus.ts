import { useEffect, type RefObject } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]'

/** What Tab can reach inside a container, in order (hidden and disabled controls left out). */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hidden && el.getClientRects().length > 0 && !el.closest('[inert]'),
  )
}

/**
 * A modal dialog keeps the keyboard: Tab and Shift+Tab go round its own controls (the native
 * <dialog> lets Tab leave for the browser's own chrome), and when it closes, by a button or by
 * Escape, focus goes back to what opened it, so a keyboard user carries on where they were.
 * `active` is false while the dialog is not showing (a dialog element kept mounted, closed).
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>, active = true): void {
  useEffect(() => {
    const dialog = ref.current
    if (!active || !dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return
      const items = tabbables(dialog)
      if (!items.length) {
        event.preventDefault()
        return
      }
      const first = items[0]!
      const last = items[items.length - 1]!
      const at = document.activeElement
      if (event.shiftKey && (at === first || !dialog.contains(at))) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && (at === last || !dialog.contains(at))) {
        event.preventDefault()
        first.focus()
      }
    }
    dialog.addEventListener('keydown', onKey)
    return () => {
      dialog.removeEventListener('keydown', onKey)
      // After React has removed or closed the dialog: the opener may itself have been re-rendered.
      requestAnimationFrame(() => {
        if (
          dialog.contains(document.activeElement) ||
          document.activeElement === document.body ||
          !document.activeElement
        ) {
          if (opener?.isConnected && !opener.closest('[inert]')) opener.focus()
          else document.querySelector<HTMLElement>('main')?.focus()
        }
      })
    }
  }, [ref, active])
}
