/** "14:05" today, "Mon 14:05" this week, "20 Nov 2023" before: what a desk reads at a glance. */
export function lastEdited(iso: string, now = new Date()): string {
  const date = new Date(iso)
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  if (date.toDateString() === now.toDateString()) return time
  if (now.getTime() - date.getTime() < 6 * 86_400_000 && date < now) {
    return `${date.toLocaleDateString(undefined, { weekday: 'short' })} ${time}`
  }
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}
