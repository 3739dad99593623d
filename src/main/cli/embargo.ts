import type { Library } from '../library'
import { call } from '../api'
import { describeEmbargo, embargoFrom, embargoHolds, isZone, timeLeft } from '../../shared/embargo'
import type { Preflight } from '../../shared/preflight'
import { preflightLines } from './format'

/** `copydesk preflight ID`: the list export and "published" show first; exit 1 while something blocks. */
export async function preflightCommand(
  library: Library,
  id: number,
  json: boolean,
): Promise<{ text: string; blocked: boolean }> {
  const preflight: Preflight = await call(library, 'story:preflight', { id })
  const blocked = preflight.items.some((i) => i.level === 'blocking')
  if (json) return { text: JSON.stringify(preflight, null, 2) + '\n', blocked }
  if (!preflight.items.length) return { text: `story ${id}: nothing in the preflight; it can go.\n`, blocked }
  const count = preflight.items.filter((i) => i.level === 'blocking').length
  const summary = blocked
    ? `story ${id} is held by ${count} blocking ${count === 1 ? 'item' : 'items'}`
    : `story ${id} can go (warnings only)`
  return { text: [...preflightLines(preflight.items), summary].join('\n') + '\n', blocked }
}

/**
 * `copydesk embargo ID [TIME --zone ZONE | --clear]`: show, set or lift a story's embargo. TIME is a
 * wall-clock time ("2026-12-03T12:00") read in ZONE (an IANA zone such as Europe/London, or an offset),
 * or a time with its own offset ("2026-12-03T12:00+01:00"). Returns the text, or a usage complaint.
 */
export function embargoCommand(
  library: Library,
  id: number,
  time: string | undefined,
  options: { zone?: string; clear: boolean; json: boolean },
): string | { usage: string } {
  let story = call(library, 'story:get', { id })
  if (options.clear && time) return { usage: 'embargo takes a TIME or --clear, not both' }
  if (options.clear || time) {
    let embargo = null
    if (time) {
      const zone = options.zone ?? call(library, 'settings:get', {}).timeZone
      if (!isZone(zone)) return { usage: `"${zone}" is not a time zone (Europe/London, America/New_York, +01:00...)` }
      const read = embargoFrom(time, zone, { from: 'desk' })
      if (!read?.at) return { usage: `"${time}" is not a time (write it as 2026-12-03T12:00)` }
      embargo = read
    }
    story = call(library, 'story:save', { id, expectedRevision: story.revision, changes: { embargo }, reason: 'edit' })
  }
  if (options.json) return JSON.stringify({ id, embargo: story.embargo ?? null }, null, 2) + '\n'
  const embargo = story.embargo
  if (!embargo) return `story ${id}: no embargo\n`
  const now = new Date()
  const left = timeLeft(embargo, now)
  const state = embargoHolds(embargo, now) ? (left ? `holds, ${left} to go` : 'holds') : 'has ended'
  return `story ${id}: embargoed until ${describeEmbargo(embargo)} (${state})\n`
}
