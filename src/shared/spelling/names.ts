import type { Misspelling } from './checker'

/** What, just before a word, makes its capital a sentence's rather than a name's. */
const SENTENCE_START = /(?:^|[.!?:;"“”‘'([{—–\n]\s*)$/u

/**
 * The misspelt words of a text that are names: capitalised where no sentence begins ("met
 * Volodymyr Zelenskyy"), or anywhere in a byline, dateline or headline-style field (`always`).
 */
export function namesAmong(text: string, misspellings: readonly Misspelling[], always = false): string[] {
  const names: string[] = []
  for (const { word, offset } of misspellings) {
    const first = word[0] ?? ''
    if (first === first.toLowerCase() || word === word.toUpperCase()) continue
    if (!always && SENTENCE_START.test(text.slice(Math.max(0, offset - 3), offset))) continue
    if (!names.includes(word)) names.push(word)
  }
  return names
}
