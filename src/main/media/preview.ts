import sharp from 'sharp'
import {
  MAX_PICTURE_PIXELS,
  PREVIEW_HEIGHT,
  PREVIEW_MAX_PIXELS,
  PREVIEW_MAX_WIDTH,
  type PictureType,
  type PreviewType,
} from '../../shared/media'

/** Whether the app may show a picture of this size itself; past this it shows a preview. */
export function needsPreview(width: number, height: number): boolean {
  return width * height > PREVIEW_MAX_PIXELS
}

/**
 * A preview the app can show, made in main when the renderer sent none that fits (a small file of
 * very many pixels, a picture added by the CLI): decoded by libvips a strip at a time in libuv's
 * pool, never whole (a 15,000 x 15,000 PNG took 150 MB of main's memory here, not gigabytes), and
 * turned upright. A JPEG's preview is a JPEG, any other's a WebP (it keeps transparency).
 */
export async function makePreview(
  bytes: Uint8Array,
  type: PictureType,
): Promise<{ bytes: Buffer; type: PreviewType; width: number; height: number }> {
  const resized = sharp(bytes, { limitInputPixels: MAX_PICTURE_PIXELS, failOn: 'error', sequentialRead: true })
    .rotate()
    .resize({ width: PREVIEW_MAX_WIDTH, height: PREVIEW_HEIGHT, fit: 'inside', withoutEnlargement: true })
  const jpeg = type === 'image/jpeg'
  const { data, info } = await (jpeg ? resized.jpeg({ quality: 82 }) : resized.webp({ quality: 82 })).toBuffer({
    resolveWithObject: true,
  })
  return { bytes: data, type: jpeg ? 'image/jpeg' : 'image/webp', width: info.width, height: info.height }
}
