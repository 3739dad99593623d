import type { WireDraft } from './draft'
import { oneLine } from './text'

/*
 * Kill and withdrawal notices. Structured formats say it with the item's status (NewsML-G2
 * pubStatus stat:canceled / stat:withheld, ninjs pubstatus canceled / withheld, NITF docdata
 * management-status); text formats (ANPA 1312, IPTC 7901, NITF from some agencies) with an advisory
 * whose keyword or first lines read KILL, WITHDRAWN or ELIMINATION. Either way the draft gets a
 * `kill`, and the library marks the story it refers to (same guid, or same slug from the same agency).
 */

type Kill = NonNullable<WireDraft['kill']>

/** A status word to a kill: canceled (or cancelled) is a kill, withheld a withdrawal; anything else none. */
export function killOfStatus(status: string | undefined, words: string): Kill | undefined {
  const bare = status?.replace(/^stat:/i, '').toLowerCase()
  if (bare === 'canceled' || bare === 'cancelled') return { kind: 'kill', notice: oneLine(words).slice(0, 2000) }
  if (bare === 'withheld') return { kind: 'withdrawal', notice: oneLine(words).slice(0, 2000) }
  return undefined
}

const KILL_WORD = /\b(KILL(?:ED)?|ELIMINAT(?:E|ED|ION)|WITHDRAW(?:N|AL)?|MANDATORY KILL)\b/
const SLUG_TOKEN = /(?:^|-)(kill|killed|eliminate|elimination|withdrawn|withdrawal|withdraw)(?=-|$)/

const kindOf = (word: string): Kill['kind'] => (/WITHDRAW|withdraw/.test(word) ? 'withdrawal' : 'kill')

/**
 * An advisory in words: the word in capitals opening the headline, a note ("Eds: KILL ...") or the
 * first paragraph, or as a part of the keyword ("Harbor Fire-KILL"). Capitals only: "Police kill
 * suspect" is a story, not a notice; a headline of capitals needs the word to open it.
 */
export function killOfAdvisory(draft: WireDraft): Kill | undefined {
  const first = draft.body.root.children[0]
  const firstText =
    first && 'children' in first
      ? (first.children as { text?: string }[])
          .map((c) => c.text ?? '')
          .join('')
          .trim()
      : ''
  const openers = [draft.headline, firstText, ...draft.notes.map((n) => n.replace(/^\s*Eds?:\s*/i, ''))]
  for (const text of openers) {
    const m = /^\W*(?:[A-Z]{1,4}-)?([A-Z ]+)/.exec(text.trim())
    const opening = m?.[1]?.trim() ?? ''
    const word = KILL_WORD.exec(opening)?.[1]
    if (word && opening.startsWith(word.split(' ')[0]!)) return { kind: kindOf(word), notice: noticeText(draft) }
  }
  const token = SLUG_TOKEN.exec(draft.slug)?.[1]
  if (token) return { kind: kindOf(token), notice: noticeText(draft) }
  return undefined
}

function noticeText(draft: WireDraft): string {
  const first = draft.body.root.children[0]
  const body =
    first && 'children' in first ? (first.children as { text?: string }[]).map((c) => c.text ?? '').join('') : ''
  return oneLine([draft.headline, body].filter(Boolean).join(' — ')).slice(0, 2000)
}

/** The slug a notice refers to: its own keyword without the kill word ("harbor-fire-kill" -> "harbor-fire"). */
export function slugOfNotice(slug: string): string {
  return slug
    .replace(new RegExp(SLUG_TOKEN.source, 'g'), '')
    .replace(/^-+|-+$/g, '')
    .replace(/--+/g, '-')
}
