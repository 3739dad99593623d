import { useState } from 'react'
import type { Byline } from '../../../shared/story'
import { IconButton } from '../app/IconButton'

interface Props {
  bylines: Byline[]
  onChange: (bylines: Byline[]) => void
}

/** Several bylines, each a person (a reporter) or an agency (PA, AP), in the order they print. */
export function BylinesField({ bylines, onChange }: Props) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<Byline['kind']>('person')
  const add = () => {
    const trimmed = name.trim()
    if (!trimmed) return
    onChange([...bylines, { name: trimmed, kind }])
    setName('')
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
      <div className="byline-add">
        <input
          aria-label="Byline name"
          placeholder="Name or agency"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
        />
        <select aria-label="Byline kind" value={kind} onChange={(e) => setKind(e.target.value as Byline['kind'])}>
          <option value="person">Person</option>
          <option value="agency">Agency</option>
        </select>
        <button type="button" onClick={add} disabled={!name.trim()}>
          Add byline
        </button>
      </div>
    </fieldset>
  )
}
