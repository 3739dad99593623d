import { LINK_PROTOCOLS } from '../../shared/links'

/**
 * Everything that goes from a story into the page passes through here. Text is escaped, and the
 * characters HTML forbids (C0/C1 controls, noncharacters, lone surrogates: stray bytes from wire
 * copy) are dropped, so the page stays valid whatever was typed or imported.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

// One pass each; the test without /g first keeps the common case (nothing to escape) cheap.
const FORBIDDEN =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF'
const TEXT_TEST = new RegExp(`[&<>${FORBIDDEN}]`)
const TEXT_ALL = new RegExp(`[&<>${FORBIDDEN}]`, 'g')
const ATTR_TEST = new RegExp(`[&<>"'${FORBIDDEN}]`)
const ATTR_ALL = new RegExp(`[&<>"'${FORBIDDEN}]`, 'g')

function replace(char: string): string {
  return ENTITIES[char] ?? (char.length === 1 && char >= '\uD800' && char <= '\uDFFF' ? '\uFFFD' : '')
}

/** For element content. */
export function escapeText(text: string): string {
  return TEXT_TEST.test(text) ? text.replace(TEXT_ALL, replace) : text
}

/** For a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return ATTR_TEST.test(text) ? text.replace(ATTR_ALL, replace) : text
}

/**
 * A link target the page may carry: http, https, mailto or tel only (shared/links.ts), normalised by the URL parser (so
 * spaces and quotes arrive percent-encoded). Anything else (javascript:, data:, relative paths,
 * garbage) gives null and the words are kept without the link.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 2000) return null
  try {
    const parsed = new URL(url.trim())
    return LINK_PROTOCOLS.includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

/**
 * JSON for a <script type="application/ld+json"> block: `<` written as \u003c so no "</script" or
 * "<!--" in a headline can end the block early; the JSON means the same.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** Plain text for metadata (JSON-LD, ninjs, meta tags): forbidden characters dropped, spaces folded. */
const FORBIDDEN_TEST = new RegExp(`[${FORBIDDEN}]`)
const FORBIDDEN_ALL = new RegExp(`[${FORBIDDEN}]`, 'g')
// Any space but a lone ordinary one, or one at either end: only then is there folding to do.
const SPACES = /[^\S ]| {2}|^ | $/

export function cleanText(text: string): string {
  const allowed = FORBIDDEN_TEST.test(text) ? text.replace(FORBIDDEN_ALL, replace) : text
  return SPACES.test(allowed) ? allowed.replace(/\s+/g, ' ').trim() : allowed
}
