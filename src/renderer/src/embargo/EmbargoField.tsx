import { useId, useState } from 'react'
import {
  describeEmbargo,
  embargoFrom,
  embargoHolds,
  instantToZoned,
  isZone,
  timeLeft,
  type Embargo,
} from '@shared/embargo'
import { useHouseDates } from '../library/when'
import { useNow } from './useNow'

interface Props {
  embargo: Embargo | null | undefined
  onChange: (embargo: Embargo | null) => void
}

/** The folded line's words: the state of the embargo, plain, and counted down while it holds. */
function summary(embargo: Embargo | null | undefined, now: Date): { text: string; holds: boolean } {
  if (!embargo) return { text: 'No embargo', holds: false }
  if (!embargo.at) return { text: `Embargoed: “${embargo.note ?? ''}” (no time set yet)`, holds: true }
  if (!embargoHolds(embargo, now)) return { text: `Embargo ended ${describeEmbargo(embargo)}`, holds: false }
  return { text: `Embargoed until ${describeEmbargo(embargo)} · ${timeLeft(embargo, now)} to go`, holds: true }
}

/**
 * The story's embargo, folded into one line above the body ("No embargo · Set…", "Embargoed until
 * 12:00 Europe/London (UTC+01:00), Thu 4 Jun 2031 · 3 h 05 min to go · Change…") that opens into its fields on
 * demand: a whole fieldset above every story pushed the words down, and most stories have none.
 * The button says whether the fields are open (aria-expanded) and is read with the line.
 *
 * Set by hand: a date and time, read in a zone (the house's unless the editor names another, such
 * as the agency's). Kept as a UTC instant plus that zone, so it means the same moment on every desk
 * and reads back as it was given.
 */
export function EmbargoField({ embargo, onChange }: Props) {
  const house = useHouseDates().timeZone
  const now = useNow()
  const [open, setOpen] = useState(false)
  const ids = { line: useId(), fields: useId() }
  const givenZone = embargo?.zone && embargo.zone !== 'local' && isZone(embargo.zone) ? embargo.zone : house
  const [zone, setZone] = useState(givenZone)
  const wall = embargo?.at ? instantToZoned(new Date(embargo.at), zone).wall : ''
  const apply = (nextWall: string, nextZone: string) => {
    if (!nextWall) return onChange(embargo?.note ? { note: embargo.note, from: embargo.from ?? 'desk' } : null)
    if (!isZone(nextZone)) return
    const next = embargoFrom(nextWall, nextZone, { from: 'desk', ...(embargo?.note ? { note: embargo.note } : {}) })
    if (next?.at) onChange(next)
  }
  const state = summary(embargo, now)
  return (
    <div className={`embargo-field${open ? ' open' : ''}`}>
      <div className="embargo-line">
        <span id={ids.line} className={state.holds ? 'embargo-badge' : 'embargo-none'}>
          {state.text}
        </span>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={ids.fields}
          aria-describedby={ids.line}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Done' : embargo ? 'Change…' : 'Set…'}
        </button>
      </div>
      <fieldset id={ids.fields} className="embargo-fields" hidden={!open}>
        <legend className="visually-hidden">Embargo</legend>
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
            {[
              house,
              'UTC',
              'Europe/London',
              'Europe/Paris',
              'America/New_York',
              'America/Los_Angeles',
              'Asia/Tokyo',
            ].map((z, i) => (
              <option key={`${z}-${i}`} value={z} />
            ))}
          </datalist>
        </label>
        {embargo && (
          <button type="button" onClick={() => onChange(null)}>
            Lift embargo
          </button>
        )}
        {embargo?.note && <span className="embargo-words">Agency: “{embargo.note}”</span>}
      </fieldset>
    </div>
  )
}
