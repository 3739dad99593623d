import type { HouseStyle } from '../../shared/settings'

/* Where a page will be: its layout and, from the house style's site address, its canonical address. */

export type Layout = 'folder' | 'single-file'

export const enc = encodeURIComponent

/** The address a story's page will have on the website, when the house style says where that is. */
export function canonicalUrl(style: HouseStyle, base: string, layout: Layout): string | undefined {
  if (!style.siteUrl) return undefined
  return layout === 'folder' ? `${style.siteUrl}/${enc(base)}/` : `${style.siteUrl}/${enc(base)}.html`
}
