/** A word of copy to check: where it is in its run's text and how it is spelt there. */
export interface WordAt {
  word: string
  offset: number
}

const LETTER = /[\p{L}\p{M}]/u
/** ASCII letters answered without the Unicode class: most of an English story, checked a character at a time. */
function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false
  const code = c.charCodeAt(0)
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return LETTER.test(c)
}
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const isJoiner = (c: string | undefined) => c === "'" || c === '’' || c === '-' || c === '‑'

/**
 * The words of a text worth a spellchecker's time: letters joined by apostrophes and hyphens
 * ("don't", "Kyiv's", "well-known"). A token with a digit in it (4G, 2023, A380), or part of an
 * address (www.x.com, name@desk.com, a #tag or @handle), is not a word and is passed over.
 */
export function checkableWords(text: string): WordAt[] {
  const words: WordAt[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (!isLetter(c) && !isDigit(c)) {
      i++
      continue
    }
    const start = i
    let digits = false
    while (i < text.length) {
      const d = text[i]!
      if (isDigit(d)) digits = true
      else if (!isLetter(d) && !(isJoiner(d) && (isLetter(text[i + 1]) || isDigit(text[i + 1])))) break
      i++
    }
    const before = text[start - 1]
    const after = text[i]
    // A dot with a letter straight after it, or before it, joins the parts of an address.
    const address =
      before === '@' ||
      before === '#' ||
      before === '/' ||
      after === '@' ||
      (after === '.' && isLetter(text[i + 1])) ||
      (before === '.' && isLetter(text[start - 2]))
    if (!digits && !address) words.push({ word: text.slice(start, i), offset: start })
  }
  return words
}

/** Hunspell dictionaries spell the apostrophe straight and the hyphen plain; copy often has typographer's ones. */
export function plainForm(word: string): string {
  return word.replace(/’/g, "'").replace(/‑/g, '-')
}
