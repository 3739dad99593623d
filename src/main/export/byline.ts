import type { Byline } from '../../shared/story'
import { cleanText, escapeText } from './escape'

/** "A", "A and B", "A, B and C". */
function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function personHtml(byline: Byline): string {
  const name = `<span class="p-name fn">${escapeText(byline.name.trim())}</span>`
  const title = byline.title?.trim() ? `, <span class="p-job-title role">${escapeText(byline.title.trim())}</span>` : ''
  return `<span class="p-author h-card author vcard">${name}${title}</span>`
}

function agencyHtml(byline: Byline): string {
  return `<span class="p-author h-card author vcard"><span class="p-name p-org fn org">${escapeText(byline.name.trim())}</span></span>`
}

/**
 * The byline as the reader sees it: people first, then agencies, as in "By Jane Doe and John Roe,
 * PA" or "By Press Association". Null when the story has no bylines.
 */
export function bylineHtml(bylines: readonly Byline[]): string | null {
  const named = bylines.filter((b) => b.name?.trim())
  if (!named.length) return null
  const people = named.filter((b) => b.kind !== 'agency').map(personHtml)
  const agencies = named.filter((b) => b.kind === 'agency').map(agencyHtml)
  const words = people.length
    ? joinNames(people) + (agencies.length ? ', ' + agencies.join(', ') : '')
    : joinNames(agencies)
  return `<p class="byline">By ${words}</p>`
}

/** The same byline as plain text (ninjs `by`). */
export function bylineText(bylines: readonly Byline[]): string {
  const named = bylines.filter((b) => b.name?.trim())
  const people = named
    .filter((b) => b.kind !== 'agency')
    .map((b) => cleanText(b.title ? `${b.name}, ${b.title}` : b.name))
  const agencies = named.filter((b) => b.kind === 'agency').map((b) => cleanText(b.name))
  if (!people.length) return joinNames(agencies)
  return joinNames(people) + (agencies.length ? ', ' + agencies.join(', ') : '')
}
