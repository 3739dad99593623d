/**
 * What an editor types into the link box, as a link a reader can follow safely: a bare domain gets
 * https://, an address gets mailto:, and anything else (javascript:, data:, file:) is refused.
 */
export function normaliseLink(typed: string): string | null {
  const text = typed.trim()
  if (!text) return null
  let candidate = text
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)) candidate = `mailto:${text}`
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) candidate = `https://${text}`
  try {
    const url = new URL(candidate)
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null
    if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') return null
    return url.href
  } catch {
    return null
  }
}

/** The schemes a story may link to; everything else is unwrapped to plain text. */
export function isSafeLink(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}
