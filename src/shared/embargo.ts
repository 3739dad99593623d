import { z } from 'zod'

/**
 * An embargo: the story may not run before an instant. It is kept as that instant in UTC (what every
 * comparison uses, so a desk in New York and one in London agree to the second) plus the zone it was
 * given in (what the editor reads back: "12:00 Europe/London", not "11:00 UTC"). A wire embargo the
 * agency only stated in words ("Sperrfrist: Donnerstag, 12.00 Uhr") has no instant until an editor
 * sets one; until then it holds (the desk cannot tell when it ends, so it must not guess it has).
 */
export const embargoSchema = z.strictObject({
  /** The instant the embargo ends, in UTC ("2026-03-29T11:00:00.000Z"). */
  at: z.iso.datetime().optional(),
  /** The zone it was given in: an IANA name ("Europe/London") or a fixed offset ("+01:00", "UTC"). */
  zone: z.string().max(64).optional(),
  /** The agency's words for it, as written. */
  note: z.string().max(300).optional(),
  /** Who set it: read from the wire copy, or by an editor. */
  from: z.enum(['wire', 'desk']).optional(),
})
export type Embargo = z.infer<typeof embargoSchema>

const OFFSET = /^(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})$/i

/** 'local' (an embargo carried from before zones were kept) is the zone this machine is in. */
const real = (zone: string) => (zone === 'local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : zone)

/** A zone name or offset this build can read (Intl knows the IANA names; offsets are read here). */
export function isZone(zone: string): boolean {
  if (OFFSET.test(zone) || zone === 'local') return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

function offsetMinutes(zone: string): number | undefined {
  if (/^(?:Z|UTC|GMT)$/i.test(zone)) return 0
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)
  if (!m) return undefined
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}

const parts = new Map<string, Intl.DateTimeFormat>()
function formatter(zone: string): Intl.DateTimeFormat {
  let f = parts.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    parts.set(zone, f)
  }
  return f
}

/** How far ahead of UTC a zone's clocks are at an instant, in minutes (+60 for London in summer). */
export function zoneOffsetAt(zone: string, instant: number): number {
  const fixed = offsetMinutes(zone)
  if (fixed !== undefined) return fixed
  const p = Object.fromEntries(
    formatter(real(zone))
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  )
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!)
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000)
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * The instant a wall-clock time in a zone names ("2026-03-29T01:30" in Europe/London). Daylight
 * saving makes two cases: a time the clocks skip (01:30 on the spring-forward night) is read as the
 * same length of time after the jump (02:30 BST), as a person resetting a watch would; a time that
 * happens twice (01:30 on the fall-back night) is the later of the two, so the embargo holds until
 * both have passed (ending late is safe, ending early is what gets a paper sued).
 */
export function zonedToInstant(wall: string, zone: string): Date | undefined {
  const m = WALL.exec(wall)
  if (!m || !isZone(zone)) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m
  const naive = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s)
  if (Number.isNaN(naive)) return undefined
  // Try the offsets in force a day either side: one of them (or both, in the repeated hour) fits.
  const candidates = new Set([zoneOffsetAt(zone, naive - 86_400_000), zoneOffsetAt(zone, naive + 86_400_000)])
  const fits: number[] = []
  for (const offset of candidates) {
    const instant = naive - offset * 60_000
    if (zoneOffsetAt(zone, instant) === offset) fits.push(instant)
  }
  if (fits.length) return new Date(Math.max(...fits))
  // In the gap: the clocks jumped over this time; keep the same distance after the jump.
  const before = zoneOffsetAt(zone, naive - 86_400_000)
  return new Date(naive - before * 60_000)
}

/** An instant as a wall-clock time in a zone: "2026-03-29T02:30" and its offset ("+01:00"). */
export function instantToZoned(instant: Date, zone: string): { wall: string; offset: string } {
  const minutes = zoneOffsetAt(zone, instant.getTime())
  const local = new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 16)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return { wall: local, offset }
}

/**
 * An embargo from a time as the wire or an editor gives it: with its own offset
 * ("2026-12-01T10:00:00+01:00", kept in that offset) or a wall-clock time read in `zone` (the
 * house's zone for wire copy, the zone the editor picked by hand). Words alone stay words.
 */
export function embargoFrom(
  until: string | undefined,
  zone: string,
  extra: Pick<Embargo, 'note' | 'from'> = {},
): Embargo | undefined {
  const rest = { ...(extra.note ? { note: extra.note } : {}), ...(extra.from ? { from: extra.from } : {}) }
  if (!until) return extra.note ? rest : undefined
  const zoned = /^(.*T[\d:.]+)(Z|[+-]\d{2}:\d{2})$/.exec(until)
  if (zoned) {
    const at = Date.parse(until)
    if (Number.isNaN(at)) return extra.note ? rest : undefined
    return { at: new Date(at).toISOString(), zone: zoned[2] === 'Z' ? 'UTC' : zoned[2]!, ...rest }
  }
  const at = zonedToInstant(until.replace(/\.\d+$/, ''), zone)
  if (!at) return { note: extra.note ?? until, ...(extra.from ? { from: extra.from } : {}) }
  return { at: at.toISOString(), zone, ...rest }
}

/** Whether the embargo still holds at `now`: until its instant, or, stated only in words, until an editor sets one. */
export function embargoHolds(embargo: Embargo | null | undefined, now: Date): boolean {
  if (!embargo) return false
  if (!embargo.at) return Boolean(embargo.note)
  return Date.parse(embargo.at) > now.getTime()
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "12:00 Europe/London, Thu 1 Dec 2026" (in the zone it was given in); the words when there is no time. */
export function describeEmbargo(embargo: Embargo): string {
  if (!embargo.at) return embargo.note ? `“${embargo.note}” (no time set)` : 'no time set'
  const zone = embargo.zone && isZone(embargo.zone) ? embargo.zone : 'UTC'
  const { wall, offset } = instantToZoned(new Date(embargo.at), zone)
  const [date, time] = wall.split('T') as [string, string]
  const d = new Date(`${date}T00:00:00Z`)
  // Spelled out here, not by toLocaleDateString: Node's and Chromium's ICU punctuate dates differently.
  const day = `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
  const named = offsetMinutes(zone) === undefined ? `${zone} (UTC${offset})` : `UTC${offset === '+00:00' ? '' : offset}`
  return `${time} ${named}, ${day}`
}

/** How long is left, for the countdown: "2 d 3 h", "3 h 05 min", "4 min", "under a minute". */
export function timeLeft(embargo: Embargo, now: Date): string | undefined {
  if (!embargo.at) return undefined
  const ms = Date.parse(embargo.at) - now.getTime()
  if (ms <= 0) return undefined
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return 'under a minute'
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days) return `${days} d ${hours} h`
  if (hours) return `${hours} h ${String(mins).padStart(2, '0')} min`
  return `${mins} min`
}
