import type { Picture } from '../../shared/story'
import { agencyShortName } from './agencies'
import { oneLine } from './text'

const CREDIT_LABEL = /\s*[([]?\b(?:pictures?|photos?|photograph|image|foto|bild|kuva|credit)\s*:\s*([^:]{1,120})$/i
const BRACKET_CREDIT = /\s*\(([^()]{1,80}\/[^()]{1,40}|PA|AP|AFP|Reuters|Getty Images|PA Wire|EPA|dpa)\)\s*$/

/**
 * Separate a credit written into a caption: "Russia Ukraine War. Picture: PA" -> caption
 * "Russia Ukraine War.", credit "PA"; "… in Dover (Gareth Fuller/PA)" -> credit "Gareth Fuller/PA".
 */
export function splitCredit(text: string): { caption: string; credit?: string } {
  const line = oneLine(text)
  let m = CREDIT_LABEL.exec(line)
  if (m) return { caption: line.slice(0, m.index).trim(), credit: m[1]!.trim().replace(/[.)]+$/, '') }
  m = BRACKET_CREDIT.exec(line)
  if (m) return { caption: line.slice(0, m.index).trim(), credit: m[1]!.trim() }
  return { caption: line }
}

/** The credit as the agency or photographer: "Picture: PA" -> "PA", "Press Association" -> "PA". */
export function cleanCredit(text: string | undefined): string {
  if (!text) return ''
  const plain = oneLine(text)
    .replace(/^(?:pictures?|photos?|photograph|image|foto|bild|credit)\s*:\s*/i, '')
    .replace(/^©\s*/, '')
  return (agencyShortName(plain) ?? plain).slice(0, 300)
}

/** A picture from what wire copy says about it; the alt falls back to the caption, never to nothing useful. */
export function pictureOf(fields: { alt?: string; caption?: string; credit?: string }): Picture {
  const split = splitCredit(fields.caption ?? '')
  const credit = cleanCredit(fields.credit || split.credit)
  const caption = split.caption.slice(0, 4000)
  const alt = oneLine(fields.alt ?? '') || caption
  return { alt: alt.slice(0, 1000), caption, credit }
}
