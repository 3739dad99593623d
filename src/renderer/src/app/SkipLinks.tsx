/** Where each skip link takes the keyboard: the list's current row, the headline, the chosen panel tab. */
function focusFirst(selectors: string[]): void {
  for (const selector of selectors) {
    const target = document.querySelector<HTMLElement>(selector)
    if (target && target.getClientRects().length) {
      target.focus()
      return
    }
  }
}

interface Props {
  /** The library is folded away (a narrow window, or the editor hid it): show it first. */
  showLibrary: () => void
  /** A story is open, so it has a side panel to skip to. */
  storyOpen: boolean
}

/**
 * The first thing Tab reaches: links past the bar and the list, shown only while focused.
 */
export function SkipLinks({ showLibrary, storyOpen }: Props) {
  const go = (event: React.MouseEvent, selectors: string[], before?: () => void) => {
    event.preventDefault()
    before?.()
    // After a render, when the library has been unfolded.
    requestAnimationFrame(() => focusFirst(selectors))
  }
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a
        href="#library"
        onClick={(e) => go(e, ['#library-list [tabindex="0"]', '#library-list', '#library-search'], showLibrary)}
      >
        Skip to the library list
      </a>
      <a href="#story" onClick={(e) => go(e, ['#story textarea.headline', '#story'])}>
        Skip to the story
      </a>
      {storyOpen && (
        <a href="#story-tools" onClick={(e) => go(e, ['#story-tools [role="tab"][aria-selected="true"]'])}>
          Skip to the side panel
        </a>
      )}
    </nav>
  )
}
