import { textRule } from '../rule'

const ID = 'comparison-without-than'
const COMPARATIVES =
  'more|less|fewer|greater|higher|lower|larger|smaller|bigger|older|younger|longer|shorter|cheaper|dearer|faster|slower|heavier|lighter'
const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half'
/**
 * A comparative straight before a number: digits (with a currency sign and an amount unit such as
 * bn or m) or a number word. A number that is part of a compound ("more 12-hour shifts", "more 5G
 * masts", "more 18th-century") is a legitimate adjective, so digits must end the word or take a unit.
 */
const PATTERN = new RegExp(
  `(${COMPARATIVES})[ \\u00A0]+` +
    `((?:[£$€¥][ \\u00A0]?)?\\d[\\d,.]*(?:bn|m|k|p|%)?(?![\\p{L}\\p{N}-])|(?:${NUMBER_WORDS})(?![\\p{L}-]))` +
    `(?:[ \\u00A0]+(?:million|billion|trillion)\\b)?`,
  'iuy',
)
/** Finds where a comparative starts fast (ASCII, no look-behind); PATTERN then reads on from there. */
const CANDIDATE = new RegExp(`\\b(?:${COMPARATIVES})[ \\u00A0]+(?=[£$€¥\\d]|[a-z])`, 'gi')
const LETTER_BEFORE = /[\p{L}\p{N}]/u
/** "more or less 40", "40 or more": an idiom, not a missing "than". */
const IDIOM = /\b(?:more|less|fewer) or $/i

export const comparisonWithoutThan = textRule(
  ID,
  'A comparison with a number and no "than" ("more 44 billion dollars").',
  'warning',
  function* ({ text }) {
    for (const candidate of text.matchAll(CANDIDATE)) {
      if (candidate.index > 0 && LETTER_BEFORE.test(text[candidate.index - 1]!)) continue
      PATTERN.lastIndex = candidate.index
      const match = PATTERN.exec(text)
      if (!match) continue
      if (IDIOM.test(text.slice(Math.max(0, match.index - 12), match.index))) continue
      const comparative = match[1]!
      yield {
        start: match.index,
        length: match[0].length,
        message: `"${comparative}" compares a number without "than" (${comparative.toLowerCase()} than ${match[2]}?).`,
        excerpt: match[0],
      }
    }
  },
)
