import { useSyncExternalStore } from 'react'

/**
 * Whether a media query holds now, kept up to date as the window is resized. The layout itself is
 * CSS; this is only for what the markup must say about it (aria-expanded of a toggle, whether
 * Escape closes the panel drawer).
 */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', listener)
      return () => list.removeEventListener('change', listener)
    },
    () => window.matchMedia(query).matches,
  )
}

/** Below this the library list is a screen of its own (docs/accessibility.md, "Layout"). */
export const NARROW = '(max-width: 1023.98px)'
/** Below this the side panel is a drawer: a strip of tabs beside the story, opened on demand. */
export const PANEL_DRAWER = '(max-width: 1279.98px)'
