/**
 * The desk's own words (names, places, terms), accepted in every language. A word added in lower
 * case is accepted capitalised at a sentence's start and in capitals in a headline; a name added
 * with its capital ("Zelenskyy") is accepted as written or in capitals, never in lower case.
 */
export class HouseWords {
  private readonly exact = new Set<string>()
  private readonly upper = new Set<string>()

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word)
  }

  add(word: string): void {
    const plain = word.replace(/’/g, "'")
    this.exact.add(plain)
    this.upper.add(plain.toUpperCase())
  }

  get size(): number {
    return this.exact.size
  }

  accepts(word: string): boolean {
    if (this.exact.has(word)) return true
    const first = word[0] ?? ''
    if (first !== first.toLowerCase() && this.exact.has(first.toLowerCase() + word.slice(1))) return true
    return word.length > 1 && word === word.toUpperCase() && this.upper.has(word)
  }

  words(): string[] {
    return [...this.exact]
  }
}
