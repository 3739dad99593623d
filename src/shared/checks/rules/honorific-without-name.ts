import { textRule } from '../rule'

const ID = 'honorific-without-name'
/**
 * Courtesy and rank titles that only ever stand before a name. Words that are also ordinary
 * English (Sir, Lord, Lady, Miss, Dame) are left out: "Lady Luck", "Miss a train".
 */
const TITLES = 'Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Revd|Cllr|Gen|Lt|Sgt|Capt|Col|Supt|Insp'
// ASCII \b finds the candidates fast; the letters around them are then checked in full Unicode.
const TITLE = new RegExp(`\\b(?:${TITLES})\\b\\.?`, 'g')
const WORD_AROUND = /[\p{L}\p{N}'’-]/u
/** What may follow the title: the next word, or nothing when punctuation or the end comes first. */
const NEXT = /^[ \u00A0]+([\p{L}\p{N}&][\p{L}\p{N}'’-]*)?/u
/** Lower-case name particles: Mr de Klerk, Dr van der Merwe, Mr al-Assad. */
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'da',
  'di',
  'du',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ben',
  'ibn',
  'ter',
  'ten',
  'dos',
  'das',
])
const JOINED = new RegExp(`^[ \\u00A0]+(?:${TITLES})\\.?(?![\\p{L}\\p{N}])`, 'u')

/** "Mr posted on X": a title with the name left out. "Mr Austin", "Mr and Mrs Smith" are fine. */
export const honorificWithoutName = textRule(
  ID,
  'A title such as Mr or Dr not followed by a name ("Mr posted on X").',
  'warning',
  function* ({ text }) {
    for (const match of text.matchAll(TITLE)) {
      const end = match.index + match[0].length
      if (match.index > 0 && WORD_AROUND.test(text[match.index - 1]!)) continue
      if (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) continue
      const rest = text.slice(end, end + 60)
      const next = NEXT.exec(rest)
      const word = next?.[1]
      if (word) {
        if (/^[\p{Lu}\p{N}]/u.test(word) || PARTICLES.has(word.split(/[-'’]/)[0]!)) continue
        // "Mr and Mrs Smith", "Dr or Prof Jones"
        if (['and', 'or', '&'].includes(word) && JOINED.test(rest.slice(next[0].length))) continue
      }
      const length = next && word ? end - match.index + next[0].length : match[0].length
      yield {
        start: match.index,
        length,
        message: `"${match[0]}" is not followed by a name.`,
        excerpt: text.slice(match.index, match.index + length),
      }
    }
  },
)
