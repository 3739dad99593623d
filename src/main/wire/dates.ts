import { datelineDateSchema } from '../../shared/story'

/**
 * Dates as the story keeps them: ISO 8601, local time as written, with a zone only when the copy
 * gave one. Wire formats write dates half a dozen ways; each helper returns undefined rather than guess.
 */

const pad = (n: number | string) => String(n).padStart(2, '0')

function valid(iso: string): string | undefined {
  return datelineDateSchema.safeParse(iso).success ? iso : undefined
}

function zoneOf(zone: string | undefined): string {
  if (!zone) return ''
  if (zone === 'Z' || zone === 'z') return 'Z'
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : ''
}

/** ISO 8601 in its common wire spellings ("2017-08-24T04:38:34+0000", "2016-10-18T11:12:00-05:00"). */
export function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined
  const m =
    /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$/i.exec(text)
  if (!m) return compactDate(text)
  const [, y, mo, d, h, mi, s, frac, zone] = m
  if (!h) return valid(`${y}-${mo}-${d}`)
  return valid(`${y}-${mo}-${d}T${h}:${mi}${s ? `:${s}${frac ?? ''}` : ''}${zoneOf(zone)}`)
}

/** NITF's "20151014T043001+0100" and NewsML 1's "20140829T134951Z". */
export function compactDate(text: string | undefined): string | undefined {
  if (!text) return undefined
  const m = /^\s*(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$/i.exec(text)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, zone] = m
  if (!h) return valid(`${y}-${mo}-${d}`)
  return valid(`${y}-${mo}-${d}T${h}:${mi}${s ? `:${s}` : ''}${zoneOf(zone)}`)
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const ZONES: Record<string, string> = {
  gmt: 'Z',
  utc: 'Z',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  est: '-05:00',
  edt: '-04:00',
}

function monthOf(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase())
  return index < 0 ? undefined : index + 1
}

function build(
  y: string,
  month: number | undefined,
  d: string,
  time?: { h: string; mi: string; ampm?: string; zone?: string },
) {
  if (!month || Number(d) < 1 || Number(d) > 31) return undefined
  const date = `${y}-${pad(month)}-${pad(d)}`
  if (!time) return valid(date)
  let hour = Number(time.h)
  const ampm = time.ampm?.toLowerCase()
  if (ampm === 'pm' && hour < 12) hour += 12
  if (ampm === 'am' && hour === 12) hour = 0
  const zone = time.zone ? (ZONES[time.zone.toLowerCase()] ?? '') : ''
  return valid(`${date}T${pad(hour)}:${time.mi}${zone}`)
}

const TIME = String.raw`(?:,|\s+at)?\s*(\d{1,2})[:.](\d{2})\s*(am|pm)?(?:\s*\(?(GMT|UTC|BST|CET|CEST|EST|EDT)\)?)?`
const DAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?`
const DMY = new RegExp(String.raw`^${DAY}(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:${TIME})?$`, 'i')
const MDY = new RegExp(String.raw`^${DAY}([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:${TIME})?$`, 'i')

/**
 * A date line as news sites print it: "20 November 2023, 15:34", "Tue 24 Nov 2026 09.00",
 * "November 20, 2023 3:34pm", "24 November 2026, 09:00 GMT", or ISO. Undefined if it is not one.
 */
export function dateFromLine(line: string): string | undefined {
  const text = line.trim().replace(/^(published|updated|posted)(\s+on)?:?\s*/i, '')
  if (text.length > 60) return undefined
  let m = DMY.exec(text)
  if (m) return build(m[3]!, monthOf(m[2]!), m[1]!, m[4] ? { h: m[4], mi: m[5]!, ampm: m[6], zone: m[7] } : undefined)
  m = MDY.exec(text)
  if (m) return build(m[3]!, monthOf(m[1]!), m[2]!, m[4] ? { h: m[4], mi: m[5]!, ampm: m[6], zone: m[7] } : undefined)
  return isoDate(text)
}

/** US zones an ANPA sign-off may be written in ("1534EST"), beside GMT. */
const US_ZONES: Record<string, string> = {
  gmt: 'Z',
  utc: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
}

/** ANPA's sign-off "AP-WF-11-13-13 1509GMT" (month-day-year, then time): "2013-11-13T15:09Z"; "1534EST" keeps its zone. */
export function anpaSignoffDate(text: string): string | undefined {
  const m = /(\d{2})-(\d{2})-(\d{2,4})\s+(\d{2})(\d{2})\s*(GMT|UTC|[ECMP][SD]T)\b/i.exec(text)
  if (!m) return undefined
  const year = m[3]!.length === 2 ? `${Number(m[3]) >= 70 ? 19 : 20}${m[3]}` : m[3]!
  return valid(`${year}-${m[1]}-${m[2]}T${m[4]}:${m[5]}${US_ZONES[m[6]!.toLowerCase()]!}`)
}
