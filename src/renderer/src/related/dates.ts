import { lastEdited, writtenDate } from '../library/when'

/**
 * The date an entry shows: the story's dateline date as written ("20 Nov 2023", in the house
 * language), or when it was last edited if it has no dateline date.
 */
export function entryDate(date: string | null, updatedAt: string): { text: string; dateTime: string } {
  if (!date) return { text: lastEdited(updatedAt), dateTime: updatedAt }
  return { text: writtenDate(date) ?? date, dateTime: date }
}
