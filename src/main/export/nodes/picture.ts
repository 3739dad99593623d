import type { BodyContext, ExportImage, ImageFile, PagePicture } from '../context'
import { escapeAttr, escapeText } from '../escape'
import { PICTURE_SIZES } from '../style'

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

function srcset(files: readonly ImageFile[]): string {
  return files.map((f) => `${escapeAttr(f.src)} ${f.width}w`).join(', ')
}

/**
 * The img, or with renditions a picture element: the modern format offered first (a browser that
 * cannot show it takes the img's), each type at every width for the browser to choose by the
 * column's width (sizes) and the screen's density. width and height keep the picture's shape, so
 * nothing below it moves as it loads.
 */
function imgTag(image: ExportImage, alt: string, lead: boolean, xhtml: boolean): string {
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
  // The lead picture is above the fold: it loads at once; pictures further down wait until needed.
  const loading = lead ? '' : ' loading="lazy"'
  const close = xhtml ? '/' : ''
  const renditions = (image.renditions ?? []).filter((r) => r.width)
  const own = renditions.filter((r) => r.type === image.type)
  const offered = own.length ? ` srcset="${srcset(own)}" sizes="${PICTURE_SIZES}"` : ''
  const img = `<img src="${escapeAttr(image.src)}"${offered} alt="${escapeAttr(alt)}"${size} decoding="async"${loading}${close}>`
  const modern = [...new Set(renditions.map((r) => r.type))].filter((type) => type !== image.type)
  if (!modern.length) return img
  const sources = modern.map(
    (type) =>
      `<source type="${escapeAttr(type)}" srcset="${srcset(renditions.filter((r) => r.type === type))}" sizes="${PICTURE_SIZES}"${close}>`,
  )
  return `<picture>${sources.join('')}${img}</picture>`
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
