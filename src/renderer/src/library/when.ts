// Formatters are made once: toLocaleTimeString(undefined, options) builds a new Intl formatter on
// every call (about half a millisecond each), and the story list formats a date per row it shows.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short' })
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

/** "14:05" today, "Mon 14:05" this week, "20 Nov 2023" before: what a desk reads at a glance. */
export function lastEdited(iso: string, now = new Date()): string {
  const date = new Date(iso)
  if (date.toDateString() === now.toDateString()) return timeFormat.format(date)
  if (now.getTime() - date.getTime() < 6 * 86_400_000 && date < now) {
    return `${weekdayFormat.format(date)} ${timeFormat.format(date)}`
  }
  return dateFormat.format(date)
}
