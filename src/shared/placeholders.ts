/**
 * Placeholders: "TK" (to come) where a figure or a name is still to be filled in, and the house's own
 * words for it ("XXX", "FILL IN", "CHK"). A placeholder left in the copy is how a paper prints
 * "the council will spend TK million"; the checks find each one and the preflight holds the story.
 */
export const DEFAULT_PLACEHOLDER_WORDS: readonly string[] = ['TK', 'TKTK', 'TKTKTK']

export interface PlaceholderHit {
  start: number
  length: number
  word: string
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const cache = new Map<string, RegExp>()

/**
 * The placeholders in a text: each house word as a whole word, in capitals as the house wrote it
 * (TK is always written in capitals; "tk" in running copy is not a placeholder), or in any case when
 * the house wrote it in lower case.
 */
export function findPlaceholders(text: string, words: readonly string[]): PlaceholderHit[] {
  const list = words.map((w) => w.trim()).filter(Boolean)
  if (!list.length || !text) return []
  const key = list.join('\u0000')
  let pattern = cache.get(key)
  if (!pattern) {
    const alternatives = [...list].sort((a, b) => b.length - a.length).map(escape)
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    if (cache.size > 20) cache.clear()
    cache.set(key, pattern)
  }
  const hits: PlaceholderHit[] = []
  pattern.lastIndex = 0
  const exact = new Set(list)
  const anyCase = new Set(list.filter((w) => w !== w.toUpperCase()).map((w) => w.toLowerCase()))
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const word = m[0]
    if (exact.has(word) || anyCase.has(word.toLowerCase())) hits.push({ start: m.index, length: word.length, word })
  }
  return hits
}
