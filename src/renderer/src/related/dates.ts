import { lastEdited } from '../library/when'

/**
 * The date an entry shows: the story's dateline date as written (local time, "20 Nov 2023"), or
 * when it was last edited if it has no dateline date.
 */
export function entryDate(date: string | null, updatedAt: string): { text: string; dateTime: string } {
  if (!date) return { text: lastEdited(updatedAt), dateTime: updatedAt }
  // A date alone ("2023-11-20") would be read as midnight UTC, which is the day before west of Greenwich.
  const local = new Date(date.length === 10 ? `${date}T00:00` : date)
  if (Number.isNaN(local.getTime())) return { text: date, dateTime: date }
  return {
    text: local.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
    dateTime: date,
  }
}
