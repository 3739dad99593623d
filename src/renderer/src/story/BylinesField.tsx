import { useEffect, useRef, useState, type FocusEvent } from 'react'
import type { Byline } from '@shared/story'
import { IconButton } from '../app/IconButton'
import { registerFlusher } from '../app/flush'
import { isComposingKey } from '../app/keys'

interface Props {
  bylines: Byline[]
  onChange: (bylines: Byline[]) => void
}

/**
 * Several bylines, each a person (a reporter) or an agency (PA, AP), in the order they print.
 * A name typed in the box is never dropped: it is added when the editor leaves the box (Tab, a
 * click elsewhere) and before the window closes, as if they had pressed Add.
 */
export function BylinesField({ bylines, onChange }: Props) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<Byline['kind']>('person')
  const group = useRef<HTMLDivElement>(null)
  const nameBox = useRef<HTMLInputElement>(null)
  // The latest values, for the flusher (registered once) and for blur, which may follow a render.
  const latest = useRef({ name, kind, bylines, onChange })
  useEffect(() => {
    latest.current = { name, kind, bylines, onChange }
  }, [name, kind, bylines, onChange])

  const add = () => {
    const { name: typed, kind: chosen, bylines: list, onChange: change } = latest.current
    const trimmed = typed.trim()
    if (!trimmed) return false
    const next = [...list, { name: trimmed, kind: chosen }]
    latest.current = { ...latest.current, name: '', bylines: next }
    change(next)
    setName('')
    // Most bylines are people: an agency is chosen for the one it applies to.
    setKind('person')
    return true
  }

  useEffect(() => registerFlusher(() => (add(), Promise.resolve())), [])

  /** Leaving the name box, the kind and Add together (not moving between them) adds what was typed. */
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (e.relatedTarget instanceof Node && group.current?.contains(e.relatedTarget)) return
    add()
  }

  /** Add from the button: the button is disabled once the box is empty, so focus goes on to the next field. */
  const addFromButton = () => {
    if (!add()) return
    const fields = [...document.querySelectorAll<HTMLElement>('input, select, textarea, [contenteditable="true"]')]
    const after = fields.find(
      (el) =>
        !group.current?.contains(el) &&
        !!(group.current!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) &&
        !(el as HTMLInputElement).disabled,
    )
    ;(after ?? nameBox.current)?.focus()
  }

  return (
    <fieldset className="bylines">
      <legend>Bylines</legend>
      <ul className="byline-list" aria-label="Bylines">
        {bylines.map((byline, index) => (
          <li key={`${byline.name}-${index}`} className={`byline byline-${byline.kind}`}>
            <span className="byline-name">{byline.name}</span>
            <span className="byline-kind">{byline.kind}</span>
            <IconButton
              icon="×"
              label={`Remove byline ${byline.name}`}
              onClick={() => onChange(bylines.filter((_, i) => i !== index))}
            />
          </li>
        ))}
      </ul>
      <div className="byline-add" ref={group} onBlur={onBlur}>
        <input
          ref={nameBox}
          aria-label="Byline name"
          placeholder="Name or agency"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds and keeps the caret here for another name; Tab adds and moves on. The Enter
            // that commits an input method's words (a Japanese name) only commits them.
            if (e.key === 'Enter' && !isComposingKey(e.nativeEvent)) {
              e.preventDefault()
              add()
            }
          }}
        />
        <select aria-label="Byline kind" value={kind} onChange={(e) => setKind(e.target.value as Byline['kind'])}>
          <option value="person">Person</option>
          <option value="agency">Agency</option>
        </select>
        <button type="button" onClick={addFromButton} disabled={!name.trim()}>
          Add byline
        </button>
      </div>
    </fieldset>
  )
}
