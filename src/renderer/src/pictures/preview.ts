import { LARGE_PICTURE_BYTES, PREVIEW_HEIGHT, type PreviewType } from '@shared/media'
import { readJpegHeader } from './jpeg-header'

/** A JPEG's header segments (Exif, XMP, ICC, frame) fit in this much of the file in all but odd cases. */
const HEADER_BYTES = 256 * 1024

type Decoded = { frame: CanvasImageSource; width: number; height: number; close(): void }

/**
 * A JPEG decoded straight to about preview size: libjpeg scales by eighths as it decodes, half the
 * work of decoding all 30 megapixels (460 ms against 970 ms here for a 7,120 x 4,747 photograph).
 * WebCodecs' ImageDecoder asks for that size by area, so the header gives the shape first. Null
 * where it cannot be used: no ImageDecoder (not a secure context), an unreadable header, or a
 * rotated photograph (ImageDecoder ignores EXIF orientation; createImageBitmap applies it).
 */
async function decodeJpegSmall(file: Blob): Promise<Decoded | null> {
  if (typeof ImageDecoder === 'undefined') return null
  const header = readJpegHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()))
  if (!header || header.orientation !== 1) return null
  const height = Math.min(PREVIEW_HEIGHT, header.height)
  const width = Math.max(1, Math.round((header.width * height) / header.height))
  const decoder = new ImageDecoder({
    data: file.stream(),
    type: 'image/jpeg',
    desiredWidth: width,
    desiredHeight: height,
  })
  try {
    const { image } = await decoder.decode()
    return { frame: image, width, height, close: () => image.close() }
  } finally {
    decoder.close()
  }
}

async function decodeScaled(file: Blob): Promise<Decoded> {
  const bitmap = await createImageBitmap(file, { resizeHeight: PREVIEW_HEIGHT, resizeQuality: 'medium' })
  return { frame: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() }
}

/** JPEG for a JPEG (by its first bytes, not its name), WebP for the rest: see previewTypes. */
async function previewTypeOf(file: Blob): Promise<PreviewType> {
  const start = new Uint8Array(await file.slice(0, 3).arrayBuffer())
  return start[0] === 0xff && start[1] === 0xd8 && start[2] === 0xff ? 'image/jpeg' : 'image/webp'
}

/**
 * A preview of a large picture, for the app to show in its place: showing the full photograph
 * would hold every keystroke's paint while Chromium decodes and rasterises 30 megapixels. The
 * browser decodes and scales the file and encodes the copy (convertToBlob). Runs in
 * preview.worker.ts so none of it lands on the page's thread; here too, as the fallback. A file
 * the browser cannot decode gets none: main still decides about the picture itself.
 */
export async function makePreview(file: Blob): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (file.size < LARGE_PICTURE_BYTES) return undefined
  try {
    const type = await previewTypeOf(file)
    const decoded =
      (type === 'image/jpeg' && (await decodeJpegSmall(file).catch(() => null))) || (await decodeScaled(file))
    const canvas = new OffscreenCanvas(decoded.width, decoded.height)
    canvas.getContext('2d')!.drawImage(decoded.frame, 0, 0, decoded.width, decoded.height)
    decoded.close()
    const blob = await canvas.convertToBlob({ type, quality: 0.85 })
    return new Uint8Array(await blob.arrayBuffer())
  } catch {
    return undefined
  }
}
