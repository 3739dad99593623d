import { useSyncExternalStore } from 'react'

/**
 * Dates and times as the house writes them: in the house style's language and time zone (House
 * style dialog, src/shared/settings.ts), not the browser's. Until the settings are read, the
 * defaults there (en-GB, Europe/London) apply, the same as the export's.
 *
 * Formatters are made once per house style: toLocaleTimeString(undefined, options) builds a new
 * Intl formatter on every call (about half a millisecond each), and the story list formats a date
 * per row it shows.
 */
interface Formats {
  language: string
  timeZone: string
  time: Intl.DateTimeFormat
  weekday: Intl.DateTimeFormat
  date: Intl.DateTimeFormat
  dateTime: Intl.DateTimeFormat
  writtenDate: Intl.DateTimeFormat
  writtenDateTime: Intl.DateTimeFormat
  day: Intl.DateTimeFormat
}

function formatsFor(language: string, timeZone: string): Formats {
  const make = (options: Intl.DateTimeFormatOptions, zone = timeZone) =>
    new Intl.DateTimeFormat(language, { ...options, timeZone: zone })
  return {
    language,
    timeZone,
    time: make({ hour: '2-digit', minute: '2-digit' }),
    weekday: make({ weekday: 'short' }),
    date: make({ day: 'numeric', month: 'short', year: 'numeric' }),
    dateTime: make({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
    // A date as written in the copy (no zone): shown as is, whatever the house zone.
    writtenDate: make({ day: 'numeric', month: 'short', year: 'numeric' }, 'UTC'),
    writtenDateTime: make(
      { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
      'UTC',
    ),
    // The calendar day in the house zone, to tell "today" from "this week".
    day: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  }
}

let formats = formatsFor('en-GB', 'Europe/London')
let version = 0
const listeners = new Set<() => void>()

/** The house style was read or changed: every date on screen is written again in it. */
export function setHouseDates(language: string, timeZone: string): void {
  if (language === formats.language && timeZone === formats.timeZone) return
  try {
    formats = formatsFor(language, timeZone)
  } catch {
    return // a setting the browser cannot format keeps the last good one
  }
  version++
  for (const listener of listeners) listener()
}

/** For components that show dates: re-render when the house style changes. */
export function useHouseDates(): { language: string; timeZone: string } {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => version,
  )
  return { language: formats.language, timeZone: formats.timeZone }
}

/** "14:05" today, "Mon 14:05" this week, "20 Nov 2023" before: what a desk reads at a glance. */
export function lastEdited(iso: string, now = new Date()): string {
  const date = new Date(iso)
  if (formats.day.format(date) === formats.day.format(now)) return formats.time.format(date)
  if (now.getTime() - date.getTime() < 6 * 86_400_000 && date < now) {
    return `${formats.weekday.format(date)} ${formats.time.format(date)}`
  }
  return formats.date.format(date)
}

/** A moment (a revision, a save) as day, month and time in the house zone. */
export function houseDateTime(iso: string): string {
  return formats.dateTime.format(new Date(iso))
}

/** A date written in the copy ("2023-11-20" or "2023-11-20T06:45", no zone): as written, in the house language. */
export function writtenDate(date: string, withTime = false): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(date)
  if (!match) return null
  const moment = new Date(`${match[1]}T${match[2] ?? '00:00'}Z`)
  if (Number.isNaN(moment.getTime())) return null
  return (withTime && match[2] ? formats.writtenDateTime : formats.writtenDate).format(moment)
}
