import { useId } from 'react'
import type { Dateline } from '@shared/story'
import { useHouseDates, writtenDate } from '../library/when'

interface Props {
  dateline: Dateline
  onChange: (dateline: Dateline) => void
}

/** Keep the date as written (local time of the dateline), with no zone unless the copy gave one. */
function toInput(date: string | undefined): string {
  if (!date) return ''
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(date)
  return match ? `${match[1]}T${match[2] ?? '00:00'}` : ''
}

export function DatelineField({ dateline, onChange }: Props) {
  const set = (patch: Partial<Dateline>) => {
    const next: Dateline = { ...dateline, ...patch }
    for (const key of Object.keys(next) as (keyof Dateline)[]) if (!next[key]) delete next[key]
    onChange(next)
  }
  const { language } = useHouseDates()
  const readId = useId()
  // The browser's date field writes the date its own way (the machine's locale); the line under it
  // says the same date as the house writes it, and is read out with the field.
  const read = dateline.date ? writtenDate(dateline.date, true) : null
  return (
    <fieldset className="dateline">
      <legend>Dateline</legend>
      <input
        aria-label="Dateline place"
        placeholder="Place (KYIV)"
        value={dateline.place ?? ''}
        onChange={(e) => set({ place: e.target.value })}
      />
      <input
        aria-label="Dateline date and time"
        type="datetime-local"
        lang={language}
        aria-describedby={read ? readId : undefined}
        value={toInput(dateline.date)}
        onChange={(e) => set({ date: e.target.value || undefined })}
      />
      <input
        aria-label="Dateline source"
        placeholder="Agency (PA)"
        value={dateline.source ?? ''}
        onChange={(e) => set({ source: e.target.value })}
      />
      {read && (
        <span className="dateline-read" id={readId} lang={language}>
          {read}
        </span>
      )}
    </fieldset>
  )
}
