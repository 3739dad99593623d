import type { BodyContext, ExportImage, PagePicture } from '../context'
import { escapeAttr, escapeText } from '../escape'

interface PictureFields {
  mediaId?: string
  alt?: string
  caption?: string
  credit?: string
}

/** "Picture: PA" from the house label and the credit ("PA"); a credit already labelled is left alone. */
export function creditLine(credit: string, label: string): string {
  const words = credit.trim()
  if (!words || !label) return words
  return words.toLocaleLowerCase().startsWith(label.toLocaleLowerCase()) ? words : `${label} ${words}`
}

function imgTag(image: ExportImage, alt: string, lead: boolean, xhtml: boolean): string {
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
  // The lead picture is above the fold: it loads at once; pictures further down wait until needed.
  const loading = lead ? '' : ' loading="lazy"'
  return `<img src="${escapeAttr(image.src)}" alt="${escapeAttr(alt)}"${size} decoding="async"${loading}${xhtml ? '/' : ''}>`
}

/**
 * A picture: figure, img (its alt says what the picture shows) and figcaption (the caption, the
 * news context, then the credit, so the credit travels with the image). A picture whose bytes are
 * not in the library (wire copy carries none) keeps its caption and credit and has no img.
 */
export function renderFigure(picture: PictureFields, ctx: BodyContext, lead = false): string {
  const alt = (picture.alt ?? '').trim()
  const caption = (picture.caption ?? '').trim()
  const credit = (picture.credit ?? '').trim()
  const image = picture.mediaId ? ctx.media(picture.mediaId) : undefined
  if (!image && !caption && !credit) return ''
  ctx.pictures.push({
    lead,
    ...(picture.mediaId ? { mediaId: picture.mediaId } : {}),
    alt,
    caption,
    credit,
    ...(image ? { image } : {}),
  } satisfies PagePicture)
  const parts: string[] = []
  if (image) parts.push(imgTag(image, alt, lead, ctx.xhtml))
  const line = creditLine(credit, ctx.style.creditLabel)
  if (caption || line) {
    const captionHtml = escapeText(caption)
    const creditHtml = line ? `<small class="credit">${escapeText(line)}</small>` : ''
    parts.push(`<figcaption>${captionHtml}${captionHtml && creditHtml ? ' ' : ''}${creditHtml}</figcaption>`)
  }
  return `<figure class="${lead ? 'picture lead-picture' : 'picture'}">${parts.join('')}</figure>\n`
}
