import { isSafeLink, LINK_KINDS } from '@shared/links'

export { isSafeLink }

/** What the link box says when an address cannot be a link. */
export const LINK_REFUSED = `A link must be a ${LINK_KINDS} address, such as example.com, name@example.com or +44 20 7946 0000`

/**
 * What an editor types or pastes into the link box, as a link a reader can follow safely: a bare
 * domain (example.com/page) gets https://, an email address gets mailto:, a phone number (+44 20
 * 7946 0000) gets tel: without its spaces; http(s), mailto and tel addresses are kept; anything
 * else (javascript:, data:, file:, a word with no dot) is refused with null.
 */
export function normaliseLink(typed: string): string | null {
  const text = typed.trim()
  if (!text || text.length > 2000) return null
  let candidate = text
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)) candidate = `mailto:${text}`
  else if (/^\+?[\d\s().-]{6,}$/.test(text) && /\d{3}/.test(text.replace(/\D/g, ''))) candidate = `tel:${text}`
  // A scheme is letters and a colon; "example.com:8080" is a host and its port.
  else if (!/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) candidate = `https://${text}`
  if (/^tel:/i.test(candidate)) {
    const number = candidate.slice(4).replace(/[\s().-]/g, '')
    return /^\+?\d{3,20}$/.test(number) ? `tel:${number}` : null
  }
  try {
    const url = new URL(candidate)
    if (!isSafeLink(url.href)) return null
    if (url.protocol === 'mailto:')
      return /^[^\s@]+@[^\s@]+\.[^\s@]+/.test(decodeURIComponent(url.pathname)) ? url.href : null
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null
    return url.href
  } catch {
    return null
  }
}
