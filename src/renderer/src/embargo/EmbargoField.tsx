import { useState } from 'react'
import { embargoFrom, instantToZoned, isZone, type Embargo } from '@shared/embargo'
import { useHouseDates } from '../library/when'

interface Props {
  embargo: Embargo | null | undefined
  onChange: (embargo: Embargo | null) => void
}

/**
 * The story's embargo set by hand: a date and time, read in a zone (the house's unless the editor
 * names another, such as the agency's). Kept as a UTC instant plus that zone, so it means the same
 * moment on every desk and reads back as it was given.
 */
export function EmbargoField({ embargo, onChange }: Props) {
  const house = useHouseDates().timeZone
  const givenZone = embargo?.zone && embargo.zone !== 'local' && isZone(embargo.zone) ? embargo.zone : house
  const [zone, setZone] = useState(givenZone)
  const wall = embargo?.at ? instantToZoned(new Date(embargo.at), zone).wall : ''
  const apply = (nextWall: string, nextZone: string) => {
    if (!nextWall) return onChange(embargo?.note ? { note: embargo.note, from: embargo.from ?? 'desk' } : null)
    if (!isZone(nextZone)) return
    const next = embargoFrom(nextWall, nextZone, { from: 'desk', ...(embargo?.note ? { note: embargo.note } : {}) })
    if (next?.at) onChange(next)
  }
  return (
    <fieldset className="embargo-field">
      <legend>Embargo</legend>
      <label>
        Until
        <input
          type="datetime-local"
          aria-label="Embargo until"
          value={wall}
          onChange={(e) => apply(e.target.value, zone)}
        />
      </label>
      <label>
        Zone
        <input
          aria-label="Embargo zone"
          value={zone}
          list="embargo-zones"
          aria-invalid={!isZone(zone)}
          onChange={(e) => {
            setZone(e.target.value)
            if (wall && isZone(e.target.value)) apply(wall, e.target.value)
          }}
        />
        <datalist id="embargo-zones">
          {[house, 'UTC', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'].map(
            (z, i) => (
              <option key={`${z}-${i}`} value={z} />
            ),
          )}
        </datalist>
      </label>
      {embargo && (
        <button type="button" onClick={() => onChange(null)}>
          Lift embargo
        </button>
      )}
      {embargo?.note && <span className="embargo-words">Agency: “{embargo.note}”</span>}
    </fieldset>
  )
}
