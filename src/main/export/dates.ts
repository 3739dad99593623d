/**
 * Dates as the page shows them. Formatters are cached: building an Intl.DateTimeFormat costs more
 * than rendering a whole story, and the same few (language, zone) pairs serve every export.
 */

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = make()))
  return f
}

/** "24 November 2026 at 09:00 GMT" for a UTC instant, in the house language and time zone. */
export function formatMoment(iso: string, language: string, timeZone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return formatter(
    `moment|${language}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(language, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }),
  ).format(date)
}

/** The calendar date a dateline gives ("2026-11-24T06:45" -> 24 Nov 2026), whatever its zone. */
function calendarDate(written: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(written)
  if (!match) return null
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return Number.isNaN(date.getTime()) ? null : date
}

/** "Tuesday 24 November 2026": a date line, from the dateline's date as written. */
export function formatDatelineDate(written: string, language: string): string | null {
  const date = calendarDate(written)
  if (!date) return null
  return formatter(
    `day|${language}`,
    () =>
      new Intl.DateTimeFormat(language, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  ).format(date)
}

// Reuters style: abbreviated months without a full stop, March to July in full, "Sept".
const REUTERS_MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']

/** "Nov 24", as a Reuters dateline writes the date. */
export function formatReutersDate(written: string): string | null {
  const date = calendarDate(written)
  return date ? `${REUTERS_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}` : null
}

/** The same instant, as an ISO 8601 UTC string (what datetime attributes and metadata carry). */
export function isoInstant(iso: string): string | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
