import { textRule, wordsOf } from '../rule'

const ID = 'doubled-word'
const LETTERS_ONLY = /^\p{L}+$/u
const SPACES_ONLY = /^[ \t\u00A0]+$/
/** Repeats that are English, not slips. */
const MEANT = new Set(['had', 'that'])
const capitalised = (word: string) => word[0] !== word[0]!.toLowerCase()

/** A word typed twice ("the the"). Two capitalised words are left alone: Duran Duran, Bora Bora. */
export const doubledWord = textRule(ID, 'A word typed twice in a row ("the the").', 'warning', function* (run) {
  const { text } = run
  const { starts, ends } = wordsOf(run)
  for (let i = 1; i < starts.length; i++) {
    const [a, b] = [starts[i - 1]!, starts[i]!]
    const length = ends[i]! - b
    // Cheap tests first: most neighbouring words differ in length or first letter.
    if (length !== ends[i - 1]! - a || text[a]!.toLowerCase() !== text[b]!.toLowerCase()) continue
    const first = text.slice(a, ends[i - 1])
    const second = text.slice(b, ends[i])
    const word = second.toLowerCase()
    if (first.toLowerCase() !== word || !SPACES_ONLY.test(text.slice(ends[i - 1], b))) continue
    if (!LETTERS_ONLY.test(word) || MEANT.has(word) || (capitalised(first) && capitalised(second))) continue
    const whole = text.slice(a, ends[i])
    yield { start: a, length: whole.length, message: `"${word}" is written twice.`, excerpt: whole }
  }
})
