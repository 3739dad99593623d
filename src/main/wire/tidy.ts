import type { BlockNode } from '../../shared/body'
import type { WireDraft } from './draft'
import { clearFurniture, textOfBlock } from './furniture'
import { cleanHeadline, DERIVED_HEADLINE_NOTE, headlineFromText } from './headline'
import { killOfAdvisory } from './kill'
import { embargoOf } from './meta'
import { oneLine } from './text'
import { slugify } from '../../shared/slug'
import { agencyShortName } from './agencies'

/**
 * The last pass every draft gets, whatever its format: the agency's furniture out of the headline
 * and body (into the notes and the embargo), a standfirst that only repeats the first paragraph kept
 * once, a headline made from the first sentence when the copy has none (and the editor told so),
 * and the agency taken from the dateline when nothing else named it.
 */

const norm = (text: string) =>
  oneLine(text)
    .toLowerCase()
    .replace(/(?:\.\.\.|…)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

function firstParagraph(blocks: BlockNode[]): { index: number; text: string } | undefined {
  const index = blocks.findIndex((b) => b.type === 'paragraph' || b.type === 'heading')
  if (index < 0) return undefined
  return { index, text: textOfBlock(blocks[index]!) ?? '' }
}

/** A standfirst that repeats the body's opening is printed once. */
function keepOnce(draft: WireDraft, blocks: BlockNode[]): void {
  if (!draft.standfirst) return
  const first = firstParagraph(blocks)
  if (!first || !first.text) return
  // Most standfirsts share nothing with the opening: a look at the first words settles it.
  const opening = first.text.slice(0, 16)
  if (
    draft.standfirst.slice(0, 8).toLowerCase() !== first.text.slice(0, 8).toLowerCase() &&
    !draft.standfirst.includes(opening)
  )
    return
  const stand = norm(draft.standfirst)
  // Only as much of the paragraph as the standfirst could repeat is compared.
  const para = norm(first.text.slice(0, draft.standfirst.length + 40))
  const whole = first.text.length <= draft.standfirst.length + 40
  if (!stand || !para) return
  if (whole && stand === para) {
    // The same words twice (dpa's teaser, an hl2 printed again): the standfirst keeps them.
    if (blocks.length > 1) blocks.splice(first.index, 1)
    else draft.standfirst = ''
  } else if ((whole && (stand.startsWith(para) || stand.endsWith(para))) || para.startsWith(stand)) {
    // A summary made of the opening (ANPA), cut short ("…"), or with the dateline still on it.
    draft.standfirst = ''
  }
}

export function tidyDraft(draft: WireDraft): WireDraft {
  // A kill or withdrawal advisory is read before the headline's flags are taken off it.
  draft.kill ??= killOfAdvisory(draft)
  if (!draft.kill) delete draft.kill
  const { headline, flags } = cleanHeadline(draft.headline)
  draft.headline = headline
  draft.notes.push(...flags)

  const blocks = draft.body.root.children
  const cleared = clearFurniture(blocks)
  draft.notes.push(...cleared.notes)
  if (cleared.embargo && !draft.notes.some((n) => n.includes(cleared.embargo!))) draft.notes.push(cleared.embargo)
  if (cleared.embargo) draft.embargo ??= embargoOf(undefined, cleared.embargo)
  if (!draft.urgency) delete draft.urgency
  if (!draft.language) delete draft.language
  if (!draft.embargo) delete draft.embargo

  // A standfirst that is the headline again, or the keyword line (EFE's "INDIA SUCESOS"), is not one.
  if (draft.standfirst && norm(draft.standfirst) === norm(draft.headline)) draft.standfirst = ''
  if (draft.standfirst && draft.slug && slugify(draft.standfirst) === draft.slug) {
    draft.notes.push(draft.standfirst)
    draft.standfirst = ''
  }
  keepOnce(draft, blocks)

  if (!draft.headline) {
    const first = firstParagraph(blocks)?.text || draft.standfirst
    if (first) {
      draft.headline = headlineFromText(first)
      draft.notes.push(DERIVED_HEADLINE_NOTE)
    }
  }
  // A related story is a web page: a mailto: (or any other) link keeps its words, never refuses the story.
  draft.related = draft.related.map((r) => (r.url && !/^https?:/i.test(r.url) ? { headline: r.headline } : r))
  if (!draft.source.agency && draft.dateline.source) draft.source.agency = draft.dateline.source
  // "By JEAN MORRIS, Associated Press" and nothing else naming the agency: the byline's agency is the item's.
  const bylineAgency = draft.bylines.find((b) => b.kind === 'agency' && agencyShortName(b.name))
  if (!draft.source.agency && bylineAgency) draft.source.agency = agencyShortName(bylineAgency.name)
  if (!draft.bylines.length && draft.source.agency) draft.bylines = [{ name: draft.source.agency, kind: 'agency' }]
  draft.notes = [...new Set(draft.notes.map((n) => n.trim()).filter(Boolean))]
  return draft
}
