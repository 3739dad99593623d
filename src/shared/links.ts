/**
 * The kinds of link a story may carry, agreed by every part: the body's schema (a save holding any
 * other is refused), the editor (anything else is unwrapped to its words), the wire importers, the
 * page renderer, and the shell, which opens only these in the system browser, mail or phone app.
 * javascript:, data:, file: and the like can never reach a reader or the app's window.
 */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:']

export const LINK_KINDS = 'web (http, https), email (mailto) or phone (tel)'

/** Whether a link's address is one of the kinds above (a well-formed URL of that scheme). */
export function isSafeLink(url: string): boolean {
  try {
    return LINK_PROTOCOLS.includes(new URL(url.trim()).protocol)
  } catch {
    return false
  }
}
