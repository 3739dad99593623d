import { LARGE_PICTURE_BYTES, PREVIEW_HEIGHT, type PreviewType } from '../../../shared/media'

/** JPEG for a JPEG (by its first bytes, not its name), WebP for the rest: see previewTypes. */
async function previewTypeOf(file: Blob): Promise<PreviewType> {
  const start = new Uint8Array(await file.slice(0, 3).arrayBuffer())
  return start[0] === 0xff && start[1] === 0xd8 && start[2] === 0xff ? 'image/jpeg' : 'image/webp'
}

/**
 * A preview of a large picture, for the app to show in its place: showing the full photograph
 * would hold every keystroke's paint while Chromium decodes and rasterises 30 megapixels. The
 * browser decodes and scales the file (createImageBitmap) and encodes the copy (convertToBlob).
 * Runs in preview.worker.ts so none of it lands on the page's thread; here too, as the fallback.
 * A file the browser cannot decode gets none: main still decides about the picture itself.
 */
export async function makePreview(file: Blob): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (file.size < LARGE_PICTURE_BYTES) return undefined
  try {
    const bitmap = await createImageBitmap(file, { resizeHeight: PREVIEW_HEIGHT, resizeQuality: 'medium' })
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0)
    bitmap.close()
    const blob = await canvas.convertToBlob({ type: await previewTypeOf(file), quality: 0.85 })
    return new Uint8Array(await blob.arrayBuffer())
  } catch {
    return undefined
  }
}
