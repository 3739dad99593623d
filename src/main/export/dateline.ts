import type { DatelineStyle } from '../../shared/settings'
import type { Dateline } from '../../shared/story'
import { formatDatelineDate, formatReutersDate } from './dates'

export interface SetDateline {
  /** The dateline as words, without its closing dash: "KYIV, Ukraine (AP)" (JSON-LD's dateline). */
  text: string
  /** "inline": opens the first paragraph, followed by `dash`; "line": a line of its own. */
  placement: 'inline' | 'line'
  dash: string
  /** The place as set, to notice copy that already opens with it. */
  city: string
}

/** "Kyiv, Ukraine" -> city "KYIV" and the rest ("Ukraine"): agency datelines set the city in capitals. */
function splitPlace(place: string, language: string): { city: string; rest: string } {
  const comma = place.indexOf(',')
  const city = (comma < 0 ? place : place.slice(0, comma)).trim()
  const rest = comma < 0 ? '' : place.slice(comma + 1).trim()
  return { city: city.toLocaleUpperCase(language), rest }
}

const DASHES: Partial<Record<DatelineStyle, string>> = { agency: '—', 'agency-en-dash': '–', reuters: '-' }

/** The dateline in the house style, or null when there is none to show. */
export function setDateline(dateline: Dateline, style: DatelineStyle, language: string): SetDateline | null {
  const place = dateline.place?.replace(/\s+/g, ' ').trim() ?? ''
  const source = dateline.source?.replace(/\s+/g, ' ').trim() ?? ''
  if (style === 'none') return null

  if (style === 'date-line') {
    const date = dateline.date ? formatDatelineDate(dateline.date, language) : null
    const text = [place, date].filter(Boolean).join(', ')
    return text ? { text, placement: 'line', dash: '', city: place } : null
  }

  if (!place) return null
  const { city, rest } = splitPlace(place, language)
  const parts = [city]
  if (rest) parts.push(rest)
  if (style === 'reuters' && dateline.date) {
    const date = formatReutersDate(dateline.date)
    if (date) parts.push(date)
  }
  const text = parts.join(', ') + (source ? ` (${source})` : '')
  return { text, placement: 'inline', dash: DASHES[style]!, city }
}

/**
 * Wire copy often keeps its dateline in the first paragraph ("KYIV, Ukraine (AP) — ..."); setting
 * ours in front would print it twice.
 */
export function opensWithDateline(firstText: string, set: SetDateline): boolean {
  const head = firstText.trimStart().slice(0, set.city.length + 2)
  if (head.length <= set.city.length) return false
  if (head.slice(0, set.city.length).toLocaleUpperCase() !== set.city.toLocaleUpperCase()) return false
  const next = head.slice(set.city.length)
  return next[0] === ',' || next === ' (' || next === ' —' || next === ' –' || next === ' -' || next === ' _'
}
