import { withDesk } from './desk'
import type { Library } from '../library'
import { call } from '../api'
import type { SpikedStory } from '../../shared/spike'

/** One spiked story a line: id, when it was spiked, from when it may be purged, headline. */
export function formatSpike(items: SpikedStory[], days: number): string {
  if (!items.length) return `the spike is empty (spiked stories are kept ${days} days)\n`
  const day = (iso: string) => iso.slice(0, 10)
  return (
    items
      .map(
        (s) => `${s.id}\tspiked ${day(s.spikedAt)}\tpurged from ${day(s.purgeAfter)}\t${s.headline || '(no headline)'}`,
      )
      .join('\n') + '\n'
  )
}

const named = (s: { id: number; headline: string }) => `${s.id} “${s.headline || 'no headline'}”`

export async function spikeCommand(library: Library, id: number, json: boolean): Promise<string> {
  const spiked = await withDesk(library, () => call(library, 'story:spike', { id }))
  if (json) return JSON.stringify(spiked) + '\n'
  return `spiked story ${named(spiked)}; it is kept until ${spiked.purgeAfter.slice(0, 10)} (copydesk unspike ${id} brings it back)\n`
}

export async function unspikeCommand(library: Library, id: number, json: boolean): Promise<string> {
  const back = await withDesk(library, () => call(library, 'story:unspike', { id }))
  return json ? JSON.stringify(back) + '\n' : `brought back story ${named(back)} from the spike\n`
}

export function purgeCommand(library: Library, ids: number[], all: boolean, json: boolean): string {
  const { purged } = call(library, 'spike:purge', ids.length ? { ids } : all ? { all: true } : {})
  if (json) return JSON.stringify({ purged }) + '\n'
  if (!purged.length) return ids.length || all ? 'nothing purged\n' : 'nothing on the spike is past the house period\n'
  return `purged for good: ${purged.map(named).join(', ')}\n`
}

export function duplicateCommand(library: Library, id: number, json: boolean): string {
  const copy = call(library, 'story:duplicate', { id })
  return json ? JSON.stringify(copy, null, 2) + '\n' : `story ${copy.id} is a new draft copied from story ${id}\n`
}
