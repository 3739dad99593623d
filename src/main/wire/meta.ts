import type { Embargo } from '../../shared/story'
import { compactDate, isoDate } from './dates'
import { oneLine } from './text'

/**
 * What wire copy says about itself, read the same way whatever the format: urgency on IPTC's 1–9
 * scale, a language tag, keywords, an embargo. Each helper returns undefined rather than guess.
 */

/** 1 (flash) to 9 from a number or digit; ANPA's priority letters (f flash, b bulletin, u urgent, r routine, d deferred). */
export function urgencyOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9) return value
  if (typeof value !== 'string') return undefined
  const text = value.trim().toLowerCase()
  if (/^[1-9]$/.test(text)) return Number(text)
  return { f: 1, b: 2, u: 3, r: 5, d: 7, z: 7 }[text]
}

/** A BCP 47 tag ("de", "en-GB", "nb-NO", "es-ES"), or undefined. */
export function languageOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const tag = value.trim().replace(/_/g, '-')
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/.test(tag) ? tag : undefined
}

/** Keywords as the story keeps them: one line each, at most 100 characters, no repeats, at most 50. */
export function keywordsOf(values: readonly unknown[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const v of values) {
    if (typeof v !== 'string') continue
    const word = oneLine(v).slice(0, 100)
    if (!word || seen.has(word.toLowerCase())) continue
    seen.add(word.toLowerCase())
    out.push(word)
    if (out.length === 50) break
  }
  return out
}

/** An embargo from a date the format gives ("2026-12-01T10:00:00+01:00", "20261201T090000+0100") or words. */
export function embargoOf(value: string | undefined, note?: string): Embargo | undefined {
  const until = value ? (isoDate(value) ?? compactDate(value)) : undefined
  const words = note ? oneLine(note).slice(0, 300) : undefined
  if (!until && !words && value) return { note: oneLine(value).slice(0, 300) }
  if (!until && !words) return undefined
  return { ...(until ? { until } : {}), ...(words ? { note: words } : {}) }
}
