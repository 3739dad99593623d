/** What a JPEG's header says about its picture: frame size and EXIF orientation (1 = upright). */
export interface JpegHeader {
  width: number
  height: number
  orientation: number
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/** The orientation tag (0x0112) of an Exif APP1 body's first IFD; 1 when there is none. */
function exifOrientation(view: DataView, start: number, end: number): number {
  const tiff = start + 6 // after "Exif\0\0"
  if (end - tiff < 8) return 1
  const little = view.getUint16(tiff) === 0x4949
  const ifd = tiff + view.getUint32(tiff + 4, little)
  if (ifd + 2 > end) return 1
  const count = view.getUint16(ifd, little)
  for (let i = 0, entry = ifd + 2; i < count && entry + 12 <= end; i++, entry += 12) {
    if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little)
  }
  return 1
}

/**
 * Read from the first bytes of a JPEG (the header segments before its first scan); null when they
 * are not all there or make no sense, and the caller falls back to the browser's own decoding.
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let orientation = 1
  for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xff;) {
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at++
      continue
    }
    const end = at + 2 + view.getUint16(at + 2)
    if (end > bytes.length || marker === 0xda || marker === 0xd9) return null
    const isExif = marker === 0xe1 && String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === 'Exif'
    if (isExif) orientation = exifOrientation(view, at + 4, end)
    if (SOF.has(marker) && end - at >= 9) {
      const height = view.getUint16(at + 5)
      const width = view.getUint16(at + 7)
      return width && height ? { width, height, orientation } : null
    }
    at = end
  }
  return null
}
