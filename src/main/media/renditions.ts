import sharp, { type Metadata, type OutputInfo, type Sharp, type SharpOptions } from 'sharp'
import { MAX_PICTURE_PIXELS, type Focus } from '../../shared/media'
import type { PictureFormat } from '../../shared/settings'
import { cropBox } from './crop'
import { rightsXmp, type PictureRights } from './rights'

/**
 * Pictures a website can publish, made from the library's original (which is never changed) with
 * sharp (libvips): a few widths in a modern format plus a JPEG (PNG for a picture with
 * transparency), upright, in sRGB, with the original's metadata left behind except the rights
 * (rights.ts). Pure: bytes and settings in, bytes out; the library caches what it makes
 * (src/main/library/renditions.ts). See docs/pictures.md.
 */

export type RenditionType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'image/gif'

export interface Rendition {
  type: RenditionType
  width: number
  height: number
  bytes: Buffer
}

/** What the house style asks for (HouseStyle.pictureWidths and pictureFormat). */
export interface RenditionPlan {
  widths: readonly number[]
  format: PictureFormat
}

export interface PictureRenditions {
  /** The picture as shown, upright (EXIF orientation applied). */
  width: number
  height: number
  /** The type every browser shows: JPEG, PNG when the picture has transparency, GIF when it moves. */
  fallback: RenditionType
  /** Narrowest first within each type; the modern format's before the fallback's. */
  renditions: Rendition[]
}

/** The shape of a social card (og:image, twitter:image): what Facebook, LinkedIn and X show best. */
export const SOCIAL_CARD = { width: 1200, height: 630 } as const

/**
 * Settings of each encoder: quality where a photograph on a page looks as it should, and effort
 * where a first export of a large library still takes minutes, not hours. Part of the cache key:
 * changing them makes every rendition again.
 */
export const ENCODER = {
  jpeg: { quality: 80, progressive: true, mozjpeg: false },
  png: { compressionLevel: 7, adaptiveFiltering: true },
  webp: { quality: 76, effort: 4 },
  avif: { quality: 52, effort: 3 },
} as const

const TYPES: Record<PictureFormat | 'jpeg' | 'png', RenditionType> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpeg: 'image/jpeg',
  png: 'image/png',
}

/** Decoding stops at the library's own pixel limit; a damaged file is an error, not a grey half. */
const INPUT: SharpOptions = { limitInputPixels: MAX_PICTURE_PIXELS, failOn: 'error' }

/**
 * The house widths a picture of this width is published at: those it is at least as wide as (never
 * enlarged), or its own width alone when it is narrower than all of them.
 */
export function renditionWidths(width: number, widths: readonly number[]): number[] {
  const fit = [...new Set(widths)].filter((w) => w <= width).sort((a, b) => a - b)
  return fit.length ? fit : [width]
}

/** The one width a single-file page embeds: the widest house width up to 960 pixels (the page is 42rem). */
export const EMBED_WIDTH = 960
export function embedWidth(widths: readonly number[]): number {
  const sorted = [...widths].sort((a, b) => a - b)
  return sorted.filter((w) => w <= EMBED_WIDTH).pop() ?? sorted[0]!
}

function encode(image: Sharp, format: PictureFormat | 'jpeg' | 'png', xmp: string | undefined): Sharp {
  const withRights = xmp ? image.withXmp(xmp) : image
  switch (format) {
    case 'jpeg':
      return withRights.jpeg(ENCODER.jpeg)
    case 'png':
      return withRights.png(ENCODER.png)
    case 'webp':
      return withRights.webp(ENCODER.webp)
    case 'avif':
      return withRights.avif(ENCODER.avif)
  }
}

interface Pixels {
  data: Buffer
  info: OutputInfo
}

function fromPixels(pixels: Pixels): Sharp {
  const { width, height, channels } = pixels.info
  return sharp(pixels.data, { raw: { width, height, channels } })
}

/** True when the alpha channel (the last of four) is fully opaque everywhere: a PNG that need not be one. */
function opaque(pixels: Pixels): boolean {
  const { data, info } = pixels
  if (info.channels !== 4) return true
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false
  return true
}

/** A picture that moves (an animated GIF or WebP) keeps its frames at its own size, in its own kind. */
async function animatedRendition(bytes: Uint8Array, meta: Metadata, xmp: string | undefined) {
  const kind = meta.format === 'webp' ? 'webp' : 'gif'
  let image = sharp(bytes, { ...INPUT, animated: true }).toColourspace('srgb')
  image = kind === 'webp' ? encode(image, 'webp', xmp) : image.gif()
  const out = await image.toBuffer({ resolveWithObject: true })
  const type: RenditionType = kind === 'webp' ? 'image/webp' : 'image/gif'
  const height = meta.pageHeight ?? out.info.height
  return {
    width: out.info.width,
    height,
    fallback: type,
    renditions: [{ type, width: out.info.width, height, bytes: out.data }],
  }
}

/**
 * Every rendition of a picture the house style asks for. The original is decoded once, at the
 * widest width needed (JPEG and WebP decoders shrink while decoding, so a 7,000-pixel photograph
 * costs little more than a 2,000-pixel one); narrower widths are made from those pixels.
 */
export async function makeRenditions(
  bytes: Uint8Array,
  plan: RenditionPlan,
  rights: PictureRights = {},
): Promise<PictureRenditions> {
  const meta = await sharp(bytes, INPUT).metadata()
  const xmp = rightsXmp(rights)
  if ((meta.pages ?? 1) > 1 && (meta.format === 'gif' || meta.format === 'webp')) {
    return animatedRendition(bytes, meta, xmp)
  }
  const { width, height } = meta.autoOrient
  const widths = renditionWidths(width, plan.widths)
  const widest = widths[widths.length - 1]!
  const top: Pixels = await sharp(bytes, INPUT)
    .autoOrient()
    .resize({ width: widest, withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const alpha = !opaque(top)
  const fallback = alpha ? 'png' : 'jpeg'
  const base =
    alpha || top.info.channels === 3
      ? top
      : await fromPixels(top).removeAlpha().raw().toBuffer({ resolveWithObject: true })

  const modern: Rendition[] = []
  const classic: Rendition[] = []
  for (const w of widths) {
    const pixels =
      w === base.info.width
        ? base
        : await fromPixels(base).resize({ width: w }).raw().toBuffer({ resolveWithObject: true })
    for (const [format, into] of [
      [plan.format, modern],
      [fallback, classic],
    ] as const) {
      const out = await encode(fromPixels(pixels), format, xmp).toBuffer({ resolveWithObject: true })
      into.push({ type: TYPES[format], width: out.info.width, height: out.info.height, bytes: out.data })
    }
  }
  return { width, height, fallback: TYPES[fallback], renditions: [...modern, ...classic] }
}

/**
 * A fixed-shape crop (a social card, 1200 x 630) centred on the focal point, as a JPEG: social
 * sites show JPEGs everywhere, and a transparent picture is set on white, as a page would show it.
 * A picture too small for the shape gives a smaller card, never an enlarged one.
 */
export async function makeCrop(
  bytes: Uint8Array,
  shape: { width: number; height: number },
  focus: Focus | undefined,
  rights: PictureRights = {},
): Promise<Rendition> {
  const meta = await sharp(bytes, INPUT).metadata()
  const { width, height } = meta.autoOrient
  const box = cropBox(width, height, shape.width / shape.height, focus)
  const scale = Math.min(1, shape.width / box.width)
  const outWidth = Math.max(1, Math.round(box.width * scale))
  const outHeight = Math.max(1, Math.round(box.height * scale))
  // autoOrient() before extract(): the box is cut from the picture as the editor sees it, upright.
  const image = sharp(bytes, INPUT)
    .autoOrient()
    .extract(box)
    .resize({ width: outWidth, height: outHeight, fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
  const out = await encode(image, 'jpeg', rightsXmp(rights)).toBuffer({ resolveWithObject: true })
  return { type: 'image/jpeg', width: out.info.width, height: out.info.height, bytes: out.data }
}
