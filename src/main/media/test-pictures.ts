import sharp, { type Sharp } from 'sharp'
import exifr from 'exifr'

/**
 * Pictures made in the tests with sharp, each a kind that trips up a publishing pipeline: the
 * camera original that gives its photographer's position away, transparency, a photograph stored
 * on its side, print colours (CMYK), and 16 bits a channel.
 */

export const SERIAL = 'CD-SERIAL-88231'
export const SOFTWARE = 'Lightroom Classic 13.1'
export const RIGHTS_XMP =
  '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""' +
  ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"' +
  ' xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/">' +
  '<dc:creator><rdf:Seq><rdf:li>Zoë Ångström</rdf:li></rdf:Seq></dc:creator>' +
  '<photoshop:Credit>Zoë Ångström/PA</photoshop:Credit>' +
  '<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2026 PA Media</rdf:li></rdf:Alt></dc:rights>' +
  '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Flood barriers in York</rdf:li></rdf:Alt></dc:description>' +
  `<exif:GPSLatitude>53,57.6N</exif:GPSLatitude><tiff:Make>Canon</tiff:Make><exif:BodySerialNumber>${SERIAL}</exif:BodySerialNumber>` +
  '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'

/** Left half one colour, right half another: which side ends up where shows orientation and crops. */
export async function halves(
  width: number,
  height: number,
  left: string,
  right: string,
  channels: 3 | 4 = 3,
): Promise<Sharp> {
  const half = await sharp({ create: { width: Math.round(width / 2), height, channels, background: left } })
    .png()
    .toBuffer()
  const whole = await sharp({ create: { width, height, channels, background: right } })
    .composite([{ input: half, left: 0, top: 0 }])
    .png()
    .toBuffer()
  return sharp(whole)
}

/** Top half one colour, bottom half another. */
export async function stripes(width: number, height: number, top: string, bottom: string): Promise<Buffer> {
  const upper = await sharp({ create: { width, height: Math.round(height / 2), channels: 3, background: top } })
    .png()
    .toBuffer()
  return sharp({ create: { width, height, channels: 3, background: bottom } })
    .composite([{ input: upper, left: 0, top: 0 }])
    .jpeg()
    .toBuffer()
}

/** A camera original: GPS position, make, model, serial number and software in EXIF; rights in XMP. */
export async function cameraOriginal(width = 3000, height = 2000): Promise<Buffer> {
  return (await halves(width, height, '#2a6f97', '#e9c46a'))
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R5', Software: SOFTWARE, Artist: 'Zoe Angstrom', Copyright: '(c) PA Media' },
      IFD2: { BodySerialNumber: SERIAL },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 57/1 36/1', GPSLongitudeRef: 'W', GPSLongitude: '1/1 4/1 48/1' },
    })
    .withXmp(RIGHTS_XMP)
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** A logo-like PNG with a transparent half. */
export async function transparentPng(width = 1200, height = 800): Promise<Buffer> {
  return (await halves(width, height, '#d62828', '#00000000', 4)).png().toBuffer()
}

/**
 * A photograph stored lying on its side (2000 x 1200, red on the left), which EXIF orientation 6
 * says to turn a quarter clockwise: shown upright it is 1200 x 2000, red at the top.
 */
export async function sidewaysPhoto(): Promise<Buffer> {
  return (await halves(2000, 1200, '#ff0000', '#0000ff')).jpeg().withMetadata({ orientation: 6 }).toBuffer()
}

/** A JPEG in print colours (CMYK), as picture desks' archives still hold. */
export async function cmykJpeg(): Promise<Buffer> {
  return (await halves(1600, 1000, '#2a9d8f', '#f4a261')).toColourspace('cmyk').jpeg().toBuffer()
}

/** A PNG of 16 bits a channel, straight from a scanner or a raw converter. */
export async function sixteenBitPng(): Promise<Buffer> {
  return (await halves(1000, 700, '#264653', '#e76f51')).toColourspace('rgb16').png().toBuffer()
}

/** The EXIF of any picture sharp reads, as exifr parses it (every block: GPS, thumbnail and all). */
export async function exifTags(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const meta = await sharp(bytes).metadata()
  if (!meta.exif) return {}
  // sharp hands EXIF over as it sits in the file: "Exif\0\0" and then a TIFF structure, which exifr reads.
  const at = meta.exif.indexOf('Exif\0\0', 0, 'latin1')
  const tiff = at === 0 ? meta.exif.subarray(6) : meta.exif
  const parsed = (await exifr.parse(tiff, { tiff: true, exif: true, gps: true, ifd1: true, interop: true })) as
    Record<string, unknown> | undefined
  return parsed ?? {}
}

/** The colour of one pixel, as [r, g, b]. */
export async function pixel(bytes: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes)
    .flatten({ background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [data[at]!, data[at + 1]!, data[at + 2]!]
}

/** True when two colours are alike (within JPEG's wobble). */
export function near(actual: number[], expected: [number, number, number], tolerance = 24): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance)
}

/**
 * A camera original of about 20 MB (7,000 x 4,700, fine grain that JPEG cannot squeeze), with the
 * GPS position, serial number and rights of cameraOriginal(). Takes a few seconds to make.
 */
export async function twentyMegabytePhoto(): Promise<Buffer> {
  const grain = await sharp({
    create: {
      width: 1024,
      height: 1024,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer()
  return sharp({ create: { width: 7000, height: 4700, channels: 3, background: '#808080' } })
    .composite([{ input: grain, tile: true, blend: 'over' }])
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R5', Software: SOFTWARE },
      IFD2: { BodySerialNumber: SERIAL },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 57/1 36/1', GPSLongitudeRef: 'W', GPSLongitude: '1/1 4/1 48/1' },
    })
    .withXmp(RIGHTS_XMP)
    .jpeg({ quality: 92 })
    .toBuffer()
}
