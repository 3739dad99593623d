import exifr from 'exifr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { DEFAULT_HOUSE_STYLE } from '../../shared/settings'
import { cropBox } from './crop'
import { embedWidth, makeCrop, makeRenditions, renditionWidths, SOCIAL_CARD, type Rendition } from './renditions'
import { rightsFrom, type PictureRights } from './rights'
import {
  cameraOriginal,
  cmykJpeg,
  exifTags,
  near,
  pixel,
  SERIAL,
  sidewaysPhoto,
  sixteenBitPng,
  SOFTWARE,
  stripes,
  transparentPng,
} from './test-pictures'

const plan = { widths: DEFAULT_HOUSE_STYLE.pictureWidths, format: DEFAULT_HOUSE_STYLE.pictureFormat }
const RIGHTS: PictureRights = {
  creator: 'Zoë Ångström',
  credit: 'Zoë Ångström/PA',
  copyright: '© 2026 PA Media',
  caption: 'Flood barriers in York',
}

/** Nothing that locates the photographer or identifies the camera, in any block of the file. */
async function expectNothingLeaked(rendition: Rendition): Promise<void> {
  const tags = await exifTags(rendition.bytes)
  const leaked = Object.keys(tags).filter((key) =>
    /gps|latitude|longitude|serial|make|model|software|thumbnail/i.test(key),
  )
  expect(leaked, `${rendition.type} ${rendition.width}`).toEqual([])
  const meta = await sharp(rendition.bytes).metadata()
  const xmp = meta.xmp?.toString('utf8') ?? ''
  expect(xmp).not.toMatch(/GPS|Serial|tiff:Make|Software/)
  expect(meta.iptc).toBeUndefined()
  // The words themselves, wherever they might hide (a comment, a maker note, an uncompressed block).
  const raw = rendition.bytes.toString('latin1')
  expect(raw).not.toContain(SERIAL)
  expect(raw).not.toContain(SOFTWARE)
}

async function expectRights(rendition: Rendition): Promise<void> {
  const xmp = (await sharp(rendition.bytes).metadata()).xmp?.toString('utf8') ?? ''
  expect(xmp).toContain('<photoshop:Credit>Zoë Ångström/PA</photoshop:Credit>')
  expect(xmp).toContain('© 2026 PA Media')
  expect(xmp).toContain('<rdf:li>Zoë Ångström</rdf:li>')
}

describe('renditions', () => {
  it('publishes a camera original at the house widths, in WebP and JPEG, with no location, camera or software left in', async () => {
    const original = await cameraOriginal()
    // The test picture really does carry what must not leak (else this test could not fail).
    const before = await exifTags(original)
    expect(before.latitude).toBeCloseTo(53.96, 1)
    expect(before.SerialNumber ?? before.BodySerialNumber).toBe(SERIAL)
    expect(before.Software).toBe(SOFTWARE)

    const made = await makeRenditions(original, plan, RIGHTS)
    expect({ width: made.width, height: made.height, fallback: made.fallback }).toEqual({
      width: 3000,
      height: 2000,
      fallback: 'image/jpeg',
    })
    expect(made.renditions.map((r) => `${r.type} ${r.width}x${r.height}`)).toEqual([
      'image/webp 480x320',
      'image/webp 960x640',
      'image/webp 1440x960',
      'image/webp 1920x1280',
      'image/jpeg 480x320',
      'image/jpeg 960x640',
      'image/jpeg 1440x960',
      'image/jpeg 1920x1280',
    ])
    for (const rendition of made.renditions) {
      const meta = await sharp(rendition.bytes).metadata()
      expect(meta.format).toBe(rendition.type === 'image/webp' ? 'webp' : 'jpeg')
      expect([meta.width, meta.height]).toEqual([rendition.width, rendition.height])
      await expectNothingLeaked(rendition)
      await expectRights(rendition)
      // Still the picture it was: blue on the left, yellow on the right.
      expect(near(await pixel(rendition.bytes, 2, 2), [0x2a, 0x6f, 0x97])).toBe(true)
      expect(near(await pixel(rendition.bytes, rendition.width - 3, 2), [0xe9, 0xc4, 0x6a])).toBe(true)
    }
    // exifr reading the JPEG file itself finds the rights and nothing else worth hiding.
    const jpeg = made.renditions.find((r) => r.type === 'image/jpeg')!
    const read = (await exifr.parse(jpeg.bytes, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      iptc: true,
      ifd1: true,
    })) as Record<string, unknown>
    expect(read.Credit).toBe('Zoë Ångström/PA')
    expect(JSON.stringify(read.rights)).toContain('© 2026 PA Media')
    expect(read.latitude).toBeUndefined()
    expect(read.Make).toBeUndefined()
    // The library's original is untouched.
    expect((await exifTags(original)).Software).toBe(SOFTWARE)
  })

  it('offers AVIF instead of WebP when the house style says so, rights and all', async () => {
    const made = await makeRenditions(
      await cameraOriginal(1000, 700),
      { widths: [480, 960, 1440], format: 'avif' },
      RIGHTS,
    )
    expect(made.renditions.map((r) => `${r.type} ${r.width}`)).toEqual([
      'image/avif 480',
      'image/avif 960',
      'image/jpeg 480',
      'image/jpeg 960',
    ])
    const avif = made.renditions[1]!
    expect((await sharp(avif.bytes).metadata()).format).toBe('heif')
    await expectNothingLeaked(avif)
    await expectRights(avif)
  })

  it('keeps transparency: WebP and PNG, never a JPEG with a black background', async () => {
    const made = await makeRenditions(await transparentPng(), plan, {})
    expect(made.fallback).toBe('image/png')
    expect(made.renditions.map((r) => `${r.type} ${r.width}x${r.height}`)).toEqual([
      'image/webp 480x320',
      'image/webp 960x640',
      'image/png 480x320',
      'image/png 960x640',
    ])
    for (const rendition of made.renditions) {
      const meta = await sharp(rendition.bytes).metadata()
      expect(meta.hasAlpha).toBe(true)
      const { data, info } = await sharp(rendition.bytes).raw().toBuffer({ resolveWithObject: true })
      expect(data[(info.width - 2) * info.channels + 3]).toBe(0) // the right half is still see-through
      expect(data[3]).toBe(255)
    }
  })

  it('turns a photograph stored on its side upright, and tells no viewer to turn it again', async () => {
    const made = await makeRenditions(await sidewaysPhoto(), plan, {})
    expect([made.width, made.height]).toEqual([1200, 2000])
    expect(made.renditions.map((r) => `${r.type} ${r.width}x${r.height}`)).toEqual([
      'image/webp 480x800',
      'image/webp 960x1600',
      'image/jpeg 480x800',
      'image/jpeg 960x1600',
    ])
    for (const rendition of made.renditions) {
      expect((await sharp(rendition.bytes).metadata()).orientation ?? 1).toBe(1)
      expect(near(await pixel(rendition.bytes, rendition.width / 2, 5), [255, 0, 0])).toBe(true)
      expect(near(await pixel(rendition.bytes, rendition.width / 2, rendition.height - 5), [0, 0, 255])).toBe(true)
    }
  })

  it('converts print colours (CMYK) and 16-bit pictures to 8-bit sRGB', async () => {
    for (const original of [await cmykJpeg(), await sixteenBitPng()]) {
      const made = await makeRenditions(original, plan, {})
      expect(made.renditions.length).toBeGreaterThan(0)
      for (const rendition of made.renditions) {
        const meta = await sharp(rendition.bytes).metadata()
        expect(meta.space).toBe('srgb')
        expect(meta.depth).toBe('uchar')
        expect(meta.channels).toBe(3)
      }
    }
    const cmyk = await makeRenditions(await cmykJpeg(), plan, {})
    // Teal stays teal (CMYK read as RGB would come out as its inverse).
    const teal = await pixel(cmyk.renditions[0]!.bytes, 5, 5)
    expect(teal[1]! > teal[0]! + 60 && teal[2]! > teal[0]! + 40).toBe(true)
  })

  it('never enlarges: a picture narrower than every house width is published at its own width', async () => {
    const small = await sharp({ create: { width: 300, height: 180, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer()
    const made = await makeRenditions(small, plan, {})
    expect(made.renditions.map((r) => `${r.type} ${r.width}x${r.height}`)).toEqual([
      'image/webp 300x180',
      'image/jpeg 300x180',
    ])
    expect(renditionWidths(1500, [1920, 480, 960, 1440, 960])).toEqual([480, 960, 1440])
    expect(renditionWidths(200, [480, 960])).toEqual([200])
  })

  it('refuses a damaged picture rather than publish half of one', async () => {
    const whole = await cameraOriginal(800, 600)
    await expect(makeRenditions(whole.subarray(0, whole.length / 2), plan, {})).rejects.toThrow()
  })

  it('embeds one sensible width in a single file', () => {
    expect(embedWidth([480, 960, 1440, 1920])).toBe(960)
    expect(embedWidth([640, 1280])).toBe(640)
    expect(embedWidth([1200, 2400])).toBe(1200)
  })
})

describe('crops', () => {
  it('is the largest box of the shape, centred on the focal point and kept inside the picture', () => {
    const ratio = SOCIAL_CARD.width / SOCIAL_CARD.height
    expect(cropBox(4000, 3000, ratio)).toEqual({ left: 0, top: 450, width: 4000, height: 2100 })
    expect(cropBox(4000, 3000, ratio, { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 4000, height: 2100 })
    expect(cropBox(4000, 3000, ratio, { x: 0.5, y: 0.9 })).toEqual({ left: 0, top: 900, width: 4000, height: 2100 })
    // A wide panorama is cut at the sides instead.
    expect(cropBox(6000, 1000, ratio, { x: 0.1, y: 0.5 })).toEqual({ left: 0, top: 0, width: 1905, height: 1000 })
    expect(cropBox(6000, 1000, ratio, { x: 0.75, y: 0.5 })).toEqual({ left: 3548, top: 0, width: 1905, height: 1000 })
  })

  it('makes a 1200 x 630 social card of the part the editor chose, with the rights and no location', async () => {
    // Tall: red above, blue below. A card from the top is red, from the bottom blue.
    const tall = await stripes(1400, 2400, '#ff0000', '#0000ff')
    const top = await makeCrop(tall, SOCIAL_CARD, { x: 0.5, y: 0.1 }, RIGHTS)
    const bottom = await makeCrop(tall, SOCIAL_CARD, { x: 0.5, y: 0.95 }, RIGHTS)
    expect([top.width, top.height, top.type]).toEqual([1200, 630, 'image/jpeg'])
    expect(near(await pixel(top.bytes, 600, 315), [255, 0, 0])).toBe(true)
    expect(near(await pixel(bottom.bytes, 600, 315), [0, 0, 255])).toBe(true)
    await expectRights(top)

    const camera = await makeCrop(await cameraOriginal(), SOCIAL_CARD, undefined, RIGHTS)
    await expectNothingLeaked(camera)
  })

  it('cuts the card from the picture as shown, upright', async () => {
    // Upright the sideways photo is red above blue: a card at its foot is blue.
    const card = await makeCrop(await sidewaysPhoto(), SOCIAL_CARD, { x: 0.5, y: 1 })
    expect([card.width, card.height]).toEqual([1200, 630])
    expect(near(await pixel(card.bytes, 600, 315), [0, 0, 255])).toBe(true)
  })

  it('never enlarges a small picture to fill the card', async () => {
    const small = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer()
    const card = await makeCrop(small, SOCIAL_CARD, undefined)
    expect([card.width, card.height]).toEqual([600, 315])
  })
})

describe('rights', () => {
  it('are the creator, credit, copyright and caption of the original, nothing else', () => {
    expect(rightsFrom({ ...RIGHTS, alt: 'Not a right' })).toEqual(RIGHTS)
    expect(rightsFrom({ credit: '' })).toEqual({})
  })
})
