import type { TextRun } from '@shared/body-text'

export interface FindOptions {
  matchCase: boolean
  wholeWord: boolean
}

export interface Match {
  run: TextRun
  start: number
  end: number
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Letters, digits and the joiners inside words: "whole word" means none of these on either side. */
const WORD_EDGE = "[\\p{L}\\p{N}_'’]"

/** Every match of a plain-text query in the body's blocks, in reading order. */
export function findMatches(runs: readonly TextRun[], query: string, options: FindOptions): Match[] {
  if (!query) return []
  const body = escape(query)
  const pattern = new RegExp(
    options.wholeWord ? `(?<!${WORD_EDGE})${body}(?!${WORD_EDGE})` : body,
    options.matchCase ? 'gu' : 'giu',
  )
  const matches: Match[] = []
  for (const run of runs) {
    for (const found of run.text.matchAll(pattern)) {
      matches.push({ run, start: found.index, end: found.index + found[0].length })
    }
  }
  return matches
}
