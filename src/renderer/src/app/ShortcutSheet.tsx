import { useEffect, useState } from 'react'
import { Modal } from '../export/Modal'
import { isComposingKey, isShortcut } from './keys'
import { keyName, SHORTCUT_GROUPS } from './shortcuts'

/** Where typing "?" is text, not a request for the sheet. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/** Opens the sheet on Ctrl/Cmd+/ anywhere, and on "?" where it would not be typed. */
export function isShortcutSheetKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented) return false
  // "/" as the layout types it (German Shift+7), not the US slash key's place: on a Russian layout
  // that key is ".", and Ctrl+. is the spelling menu's.
  if (isShortcut(event, { key: '/', shift: 'any' })) return true
  return (
    event.key === '?' &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !isComposingKey(event) &&
    !isTyping(event.target)
  )
}

export const openShortcutSheet = new EventTarget()

/** The keyboard shortcut sheet: every shortcut the app has, grouped by where it works. */
export function ShortcutSheet() {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutSheetKey(event)) return
      event.preventDefault()
      setOpen(true)
    }
    const onAsk = () => setOpen(true)
    window.addEventListener('keydown', onKey)
    openShortcutSheet.addEventListener('open', onAsk)
    return () => {
      window.removeEventListener('keydown', onKey)
      openShortcutSheet.removeEventListener('open', onAsk)
    }
  }, [])
  if (!open) return null
  return (
    <Modal
      title="Keyboard shortcuts"
      titleId="shortcut-sheet-title"
      onClose={() => setOpen(false)}
      className="shortcut-sheet"
    >
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} aria-labelledby={`shortcuts-${group.title.replace(/\W+/g, '-')}`}>
          <h3 id={`shortcuts-${group.title.replace(/\W+/g, '-')}`}>{group.title}</h3>
          <dl className="shortcut-list">
            {group.shortcuts.map((s) => (
              <div key={s.keys.join() + s.does}>
                <dt>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && <span className="shortcut-or"> or </span>}
                      <kbd>{keyName(k)}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-buttons">
        <button type="button" className="primary" autoFocus onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </Modal>
  )
}
