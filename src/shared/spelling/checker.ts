import { HouseWords } from './house-words'
import { checkableWords, plainForm } from './words'

/** What a Hunspell dictionary answers (nspell's interface, so a test or bench can hand in nspell itself). */
export interface Dictionary {
  correct(word: string): boolean
  suggest(word: string): string[]
}

export interface Misspelling {
  word: string
  offset: number
  length: number
}

const MAX_SUGGESTIONS = 6

/** A capital first and not all capitals: a name, or a sentence's first word. */
export const isCapitalised = (word: string): boolean =>
  word[0] !== word[0]?.toLowerCase() && word !== word.toUpperCase()

/** Two words within this many edits (a letter added, dropped, changed or two swapped) look alike. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before: number[] = []
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1)
      next.push(d)
      best = Math.min(best, d)
    }
    if (best > limit) return limit + 1
    before = row
    row = next
  }
  return row[b.length]!
}

/**
 * Spelling for one language: the Hunspell dictionary, then the house's words. Answers are kept per
 * word, so a story checked again as the editor types costs a lookup per word, not a dictionary walk.
 */
export class SpellChecker {
  private readonly known = new Map<string, boolean>()

  constructor(
    private readonly dictionary: Dictionary,
    private house: HouseWords = new HouseWords(),
  ) {}

  /** New house words: answers given before are forgotten (a word may have been added). */
  setHouseWords(house: HouseWords): void {
    this.house = house
    this.known.clear()
  }

  isCorrect(word: string): boolean {
    const cached = this.known.get(word)
    if (cached !== undefined) return cached
    const answer = this.decide(plainForm(word))
    this.known.set(word, answer)
    return answer
  }

  private decide(word: string): boolean {
    if (this.house.accepts(word) || this.dictionary.correct(word)) return true
    // Capitals alone are an abbreviation (NATO, UNHCR, BBC) far more often than a slip.
    if (word.length > 1 && word === word.toUpperCase()) return true
    // A compound the dictionary does not list is right when each part is (Ukraine-Russia, well-known).
    if (word.includes('-')) return word.split('-').every((part) => part === '' || this.decide(part))
    // Possessives: Hunspell lists few (Kyiv's, the Smiths').
    if (/'s$/i.test(word)) return this.decide(word.slice(0, -2))
    if (word.endsWith("'")) return this.decide(word.slice(0, -1))
    return false
  }

  /** The misspelt words of a text, with offsets in it; `ignored` are words the editor let stand. */
  misspellings(text: string, ignored?: ReadonlySet<string>): Misspelling[] {
    const found: Misspelling[] = []
    for (const { word, offset } of checkableWords(text)) {
      if (ignored?.has(word) || this.isCorrect(word)) continue
      found.push({ word, offset, length: word.length })
    }
    return found
  }

  /**
   * Replacements for a word: the house's own words and the library's names that look like it
   * first (a desk's names are what the dictionary cannot know), then the dictionary's.
   */
  suggest(word: string, names: Iterable<string> = []): string[] {
    const plain = plainForm(word)
    const lower = plain.toLowerCase()
    const near: string[] = []
    for (const candidate of [...this.house.words(), ...names]) {
      if (candidate !== plain && !near.includes(candidate) && editDistance(candidate.toLowerCase(), lower) <= 2)
        near.push(candidate)
    }
    const out = [...near]
    // A name is not two words: Hunspell's splits ("Ky iv" for Kyiv) help only with common words ("alot").
    const name = isCapitalised(plain)
    for (const s of this.dictionary.suggest(plain))
      if (!out.includes(s) && !(name && /[\s-]/.test(s) && !/[\s-]/.test(plain))) out.push(s)
    // Keep the copy's apostrophe: a curly one stays curly.
    return out.slice(0, MAX_SUGGESTIONS).map((s) => (word.includes('’') ? s.replace(/'/g, '’') : s))
  }
}
