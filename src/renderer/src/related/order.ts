import type { RelatedEntry } from '@shared/story'

/** The list with the entry at `from` moved to `to` (both clamped to the list); the same list if nothing moves. */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to))
  if (from < 0 || from >= list.length || from === target) return [...list]
  const next = [...list]
  const [moved] = next.splice(from, 1)
  next.splice(target, 0, moved!)
  return next
}

/** React keys for entries that can repeat (two unresolved headlines alike): kind, target, and which one. */
export function entryKeys(entries: readonly RelatedEntry[]): string[] {
  const seen = new Map<string, number>()
  return entries.map((entry) => {
    const base =
      entry.storyId !== undefined
        ? `story:${entry.storyId}`
        : entry.url
          ? `link:${entry.url}`
          : `wire:${entry.headline}`
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    return n ? `${base}#${n}` : base
  })
}

/** The story ids in the list, once each, in order. */
export function linkedIds(entries: readonly RelatedEntry[]): number[] {
  return [...new Set(entries.flatMap((entry) => (entry.storyId === undefined ? [] : [entry.storyId])))]
}
