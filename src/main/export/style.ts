import { createHash } from 'node:crypto'

/**
 * The page's own small stylesheet: readable as it is, easy for a website to override. It is the
 * only inline style, allowed by its hash in the page's Content-Security-Policy.
 */
export const PAGE_STYLE = [
  'body{margin:0 auto;max-width:42rem;padding:1rem 1.25rem 3rem;font:1.125rem/1.6 Georgia,"Times New Roman",serif;color:#1d1d1b;background:#fff}',
  'h1{font-size:2.1rem;line-height:1.15;margin:1rem 0 .5rem}',
  'h2,h3,h4,h5,h6{line-height:1.25}',
  '.standfirst{font-size:1.3rem;line-height:1.45;color:#3a3a38;margin:.5rem 0 1rem}',
  '.byline,.timestamps,.date-line{font:.95rem/1.4 system-ui,sans-serif;color:#55534e;margin:.25rem 0}',
  '.byline{font-weight:600}',
  '.dateline{font-weight:600}',
  'figure{margin:1.5rem 0}',
  'figure img{display:block;max-width:100%;height:auto}',
  'figcaption{font:.9rem/1.4 system-ui,sans-serif;color:#55534e;margin-top:.4rem}',
  '.credit{font-size:.85em;color:#6b675f}',
  'blockquote{margin:1.25rem 0;padding-left:1rem;border-left:3px solid #dcd7cc}',
  'a{color:#1a4f8b}',
  '.related{margin-top:2.5rem;border-top:1px solid #dcd7cc;font-family:system-ui,sans-serif}',
  '.related h2{font-size:1.1rem}',
].join('\n')

/**
 * How wide a picture is drawn, for the browser to choose from srcset before the stylesheet loads:
 * the page's column (42rem less 1.25rem padding each side), or the window less that padding.
 */
export const PICTURE_SIZES = '(min-width: 42rem) 39.5rem, calc(100vw - 2.5rem)'

const styleHash = createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64')

/**
 * Nothing runs, nothing loads from elsewhere but pictures. A meta tag cannot carry frame-ancestors
 * or report-to; docs/export.md lists the headers the website should add.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "img-src 'self' https: data:",
  `style-src 'sha256-${styleHash}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
