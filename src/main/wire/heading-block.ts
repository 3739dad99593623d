import type { Byline } from '../../shared/story'
import { bylinesFrom } from './bylines'
import { isEmbargoLine, isFlagLine, isNotesHeading } from './furniture'
import { oneLine } from './text'

/**
 * The heading block of teleprinter copy (IPTC 7901, and text whose framing was stripped): the lines
 * after STX up to the one ending " =". dpa and others put more than the headline there:
 *
 *   (Berichtigung: In einer früheren Version …      a flag, possibly over several lines
 *   (KORR-Bericht)                                   a genre label
 *   «Mythos Jungfernhäutchen» - Zwischen …           the headline
 *   Von Marco Krefting und Sunrita Sen, dpa          the byline
 *   (Foto Produktion) =                              a flag, and the end of the block
 *
 * Flags and labels become notes, the byline bylines, an embargo line the embargo; what is left is
 * the headline (a line before it that ends with ":" or is short, like SDA's "France:", is a kicker
 * and goes to the notes too).
 */

export interface HeadingBlock {
  headline: string
  bylines: Byline[]
  notes: string[]
  embargo?: string
  /** The index of the first line after the block. */
  next: number
}

export const BYLINE = /^(?:by|von|par|av|af|di|por|door|بقلم)\s+\S/iu

/** Where the heading block ends: the line ending "=" within the first lines, before any blank line after text. */
export function headingBlockEnd(lines: readonly string[], from: number): number {
  let seen = 0
  for (let i = from; i < lines.length && seen < 14; i++) {
    const t = lines[i]!.trim()
    if (!t) {
      if (seen) return -1
      continue
    }
    seen++
    if (/(?:^|\s)=$/.test(t) || t === '=') return i
  }
  return -1
}

/** Lines that open "(" carry on until the one that closes it: one flag over several lines. */
function joinParentheses(lines: string[]): string[] {
  const out: string[] = []
  let open: string[] | undefined
  for (const line of lines) {
    if (open) {
      open.push(line)
      if (line.includes(')')) {
        out.push(open.join(' '))
        open = undefined
      }
    } else if (line.startsWith('(') && !line.includes(')')) open = [line]
    else out.push(line)
  }
  if (open) out.push(open.join(' '))
  return out
}

export function readHeadingBlock(lines: readonly string[], from: number, end: number): HeadingBlock {
  const block: HeadingBlock = { headline: '', bylines: [], notes: [], next: end + 1 }
  const raw = lines
    .slice(from, end + 1)
    .map((l) => oneLine(l))
    .filter(Boolean)
  if (raw.length) raw[raw.length - 1] = raw[raw.length - 1]!.replace(/\s*=$/, '')
  const rest: string[] = []
  for (const line of joinParentheses(raw.filter(Boolean))) {
    if (!line) continue
    if (isEmbargoLine(line)) block.embargo ??= line
    else if (isFlagLine(line) || isNotesHeading(line)) block.notes.push(line)
    else if (BYLINE.test(line) && line.length < 160 && bylinesFrom(line).length)
      block.bylines.push(...bylinesFrom(line))
    else rest.push(line)
  }
  // The headline is the last remaining line, with the line before it when the headline wrapped.
  let headline = rest.pop() ?? ''
  while (rest.length) {
    const before = rest[rest.length - 1]!
    if (before.length < 45 || /:$/.test(before)) break
    headline = `${rest.pop()!} ${headline}`
  }
  block.notes.unshift(...rest)
  block.headline = headline
  return block
}

/** "| FC Augsburg | - | Bor. Mönchengladbach | 2:1 (1:0) |" -> its cells. */
export function tableCells(line: string): string[] | undefined {
  const t = line.trim()
  if (!/^\|.*\|$/.test(t) || t.length < 3) return undefined
  return t
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim())
}
