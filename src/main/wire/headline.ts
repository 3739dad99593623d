import { isFlagLine } from './furniture'
import { oneLine } from './text'

/** What the editor is told when the headline was made by Copydesk, not written by the agency. */
export const DERIVED_HEADLINE_NOTE =
  'The copy had no headline: Copydesk made this one from the first sentence. Check it before publishing.'

/**
 * A headline without the flags agencies fix to it: "… *** TRANSLATED ***", "(Eil) …", "URGENT: …",
 * the 7901 " =" terminator. The flags are returned so they reach the notes.
 */
export function cleanHeadline(raw: string): { headline: string; flags: string[] } {
  const flags: string[] = []
  let headline = oneLine(raw).replace(/\s*=+$/, '')
  headline = headline.replace(/\s*\*{2,}\s*([^*]{1,60}?)\s*\*{2,}\s*/g, (_m, flag: string) => {
    flags.push(flag.trim())
    return ' '
  })
  const leading = /^(\([^()]{1,60}\)|\[[^[\]]{1,60}\])\s+(?=\S)/.exec(headline)
  if (leading && isFlagLine(leading[1]!)) {
    flags.push(leading[1]!)
    headline = headline.slice(leading[0].length)
  }
  const shouted = /^([\p{Lu}]{3,}(?: [\p{Lu}]{2,})?)\s*[:—–-]\s+(?=\S)/u.exec(headline)
  if (shouted && isFlagLine(shouted[1]!)) {
    flags.push(shouted[1]!)
    headline = headline.slice(shouted[0].length)
  }
  return { headline: headline.trim(), flags }
}

/** Abbreviations a sentence does not end at: "U.S.", "Mr.", "Dr.", "Nov.", "z.B.", "St.". */
const ABBREVIATION =
  /(?:\b\p{Lu}|\b(?:mr|mrs|ms|dr|st|sen|rep|gov|gen|lt|col|sgt|prof|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|nr|vs|ca|bzw|z\.b|u\.a|etc|sr|jr|inc|corp|ltd|co))\.$/iu

function firstSentence(line: string): string {
  const end = /[.!?。؟](?=\s|$)/gu
  for (let m = end.exec(line); m; m = end.exec(line)) {
    const upTo = line.slice(0, m.index + 1)
    if (upTo.length >= 20 && !ABBREVIATION.test(upTo)) return upTo
  }
  return line
}

/** The first sentence (or the first words) of some text, short enough for a headline. */
export function headlineFromText(text: string, max = 120): string {
  const line = oneLine(text)
  const sentence = firstSentence(line)
  if (sentence.length <= max) return sentence.replace(/[.。]$/, '')
  const cut = sentence.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`
}
