import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { iim, makeAvif, makeGif, makeJpeg, makePng, makeWebp, padJpeg, xmpPacket } from '@test/fixtures/pictures/images'
import { MAX_PICTURE_BYTES } from '../../shared/media'
import { sniffImage } from '../media/sniff-image'
import Database from 'better-sqlite3'
import { dispatch } from '../api'
import { noteInput } from '../input-quiet'
import { openLibrary } from '.'
import { migrations } from './migrations'
import { createStory } from './stories'
import {
  addMedia,
  addPicture,
  findMedia,
  mediaInfo,
  PART_BYTES,
  readMedia,
  storeMedia,
  sweepInterruptedPictures,
} from './media'

const count = (db: { prepare(sql: string): { get(): unknown } }) =>
  (db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n

describe('the media store', () => {
  const libraries = useTempLibraries()

  it('stores the same picture once, under the SHA-256 of its bytes, and gives the bytes back whole', () => {
    const { db } = libraries.open()
    const png = makePng(40, 30)
    const first = addMedia(db, png, { name: 'harbour.png' })
    const again = addMedia(db, Buffer.from(png), { name: 'harbour copy.png' })
    expect(again).toEqual(first)
    expect(first).toEqual({
      id: createHash('sha256').update(png).digest('hex'),
      type: 'image/png',
      size: png.length,
      width: 40,
      height: 30,
    })
    expect(count(db)).toBe(1)
    addMedia(db, makePng(40, 31))
    expect(count(db)).toBe(2)
    const stored = readMedia(db, first.id)
    expect(Buffer.compare(stored.bytes, png)).toBe(0)
    expect(mediaInfo(db, first.id)).toEqual(first)
  })

  it('keeps pictures when the library is closed and opened again', () => {
    const dir = libraries.dir()
    const file = resolve(dir, 'library.sqlite')
    const { id } = addMedia(libraries.open(file).db, makeGif(7, 5))
    expect(readMedia(libraries.open(file).db, id)).toMatchObject({ type: 'image/gif', width: 7, height: 5 })
  })

  it('says plainly when a picture is not in the library', () => {
    const { db } = libraries.open()
    expect(() => readMedia(db, 'a'.repeat(64))).toThrow(/there is no picture a{64} in the library/)
  })

  it.each([
    ['JPEG', makeJpeg({ width: 33, height: 17 }), 'image/jpeg', 33, 17],
    ['PNG', makePng(5, 9), 'image/png', 5, 9],
    ['GIF', makeGif(12, 4), 'image/gif', 12, 4],
    ['WebP', makeWebp(300, 200), 'image/webp', 300, 200],
    ['AVIF', makeAvif(1920, 1080), 'image/avif', 1920, 1080],
  ])('recognises a %s from its bytes and reads its size', (_kind, bytes, type, width, height) => {
    const { db } = libraries.open()
    expect(addMedia(db, bytes, { name: 'no-extension' })).toMatchObject({ type, width, height, size: bytes.length })
  })

  it('reads the size of an extended WebP from its canvas header', () => {
    const vp8x = Buffer.alloc(10)
    vp8x.writeUIntLE(4000 - 1, 4, 3)
    vp8x.writeUIntLE(3000 - 1, 7, 3)
    const plain = makeWebp(10, 10)
    const body = Buffer.concat([
      Buffer.from('WEBP'),
      Buffer.from('VP8X'),
      Buffer.from([10, 0, 0, 0]),
      vp8x,
      plain.subarray(12),
    ])
    const file = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), body])
    file.writeUInt32LE(body.length, 4)
    expect(sniffImage(file)).toEqual({ ok: true, image: { type: 'image/webp', width: 4000, height: 3000 } })
  })

  it.each([
    [
      'plain text',
      Buffer.from('Council meeting notes, not a picture'),
      /notes.txt was not added: it is not a picture Copydesk can use \(JPEG, PNG, WebP, GIF or AVIF\)/,
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3'), /it is a PDF document, not a picture Copydesk can use/],
    [
      'an SVG drawing',
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      /it is an SVG drawing/,
    ],
    ['a TIFF', Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), /it is a TIFF image/],
    ['an empty file', Buffer.alloc(0), /the file is empty/],
  ])('refuses %s, naming the file and what is wrong', (_what, bytes, message) => {
    const { db } = libraries.open()
    expect(() => addMedia(db, bytes, { name: 'notes.txt' })).toThrow(message)
    expect(count(db)).toBe(0)
  })

  it.each([
    [
      'a JPEG cut short in its image data',
      () => makeJpeg({ width: 640, height: 480 }).subarray(0, -2),
      /looks like a JPEG but is broken: its image data stops short/,
    ],
    [
      'a JPEG cut short in its headers',
      () => makeJpeg().subarray(0, 30),
      /looks like a JPEG but is broken: it ends in the middle of its headers/,
    ],
    ['a PNG cut short', () => makePng(20, 20).subarray(0, 60), /looks like a PNG but is broken: .*cut short/],
    [
      'a PNG with a damaged header',
      () => {
        const png = makePng(4, 4)
        png[18] = 0x7f
        return png
      },
      /looks like a PNG but is broken: its header chunk is damaged \(checksum\)/,
    ],
    ['a GIF without its frames', () => makeGif().subarray(0, 19), /looks like a GIF but is broken/],
    ['a WebP cut short', () => makeWebp().subarray(0, 24), /looks like a WebP but is broken: .*cut short/],
    [
      'an AVIF whose image data was cut off',
      () => makeAvif().subarray(0, -10),
      /looks like an AVIF but is broken: its mdat box runs past the end/,
    ],
  ])('refuses %s as broken', (_what, make, message) => {
    const { db } = libraries.open()
    expect(() => addMedia(db, make(), { name: 'photo' })).toThrow(message)
    expect(count(db)).toBe(0)
  })

  it(`refuses a picture over ${MAX_PICTURE_BYTES / 1024 / 1024} MB with its size in the message`, () => {
    const { db } = libraries.open()
    const huge = Buffer.alloc(MAX_PICTURE_BYTES + 1)
    makeJpeg().copy(huge)
    expect(() => addMedia(db, huge, { name: 'scan.jpg' })).toThrow(
      'scan.jpg was not added: it is 40.0 MB; a picture can be at most 40.0 MB',
    )
    expect(count(db)).toBe(0)
  })

  it('refuses a picture too large in pixels to show', () => {
    const { db } = libraries.open()
    expect(() => addMedia(db, makeAvif(30000, 30000), { name: 'panorama.avif' })).toThrow(
      /panorama.avif was not added: it is 30000 × 30000 pixels, more than the 250 million pixels/,
    )
  })
})

describe('storing a large picture a part at a time', () => {
  const libraries = useTempLibraries()
  const parts = (db: { prepare(sql: string): { get(): unknown } }) =>
    (db.prepare('SELECT count(*) AS n FROM media_part').get() as { n: number }).n
  const photo = () => padJpeg(makeJpeg({ width: 64, height: 48 }), 3.5 * PART_BYTES)

  it('gives back every byte of a picture stored in several parts', async () => {
    const { db } = libraries.open()
    const bytes = photo()
    const info = await storeMedia(db, bytes, { name: 'stadium.jpg' })
    expect(info).toMatchObject({ type: 'image/jpeg', width: 64, height: 48, size: bytes.length })
    expect(parts(db)).toBe(4)
    expect(Buffer.compare(readMedia(db, info.id).bytes, bytes)).toBe(0)
  })

  it('answers an autosave made while a picture is being stored before the picture is done', async () => {
    const library = libraries.open()
    const story = createStory(library.db, { headline: 'Stadium roof collapses' })
    const finished: string[] = []
    const storing = storeMedia(library.db, padJpeg(makeJpeg(), 8 * PART_BYTES), { name: 'roof.jpg' }).then(() =>
      finished.push('picture'),
    )
    const saving = dispatch(library, 'story:save', {
      id: story.id,
      expectedRevision: story.revision,
      changes: { standfirst: 'Nobody was hurt, the club said.' },
    }).then((reply) => finished.push(reply.ok ? 'autosave' : 'autosave failed'))
    await Promise.all([storing, saving])
    expect(finished).toEqual(['autosave', 'picture'])
  })

  it('makes way for typing: while keys keep coming, the picture waits between parts, then finishes', async () => {
    const { db } = libraries.open()
    // Keys every 20 ms, as main sees them in the app (before-input-event).
    const typing = setInterval(noteInput, 20)
    try {
      noteInput()
      const storing = storeMedia(db, padJpeg(makeJpeg(), 8 * PART_BYTES), { name: 'quay.jpg' })
      await new Promise((wait) => setTimeout(wait, 500))
      // Seven more parts cannot all find a 150 ms gap in half a second of keys.
      expect(count(db)).toBe(0)
      clearInterval(typing)
      await storing
      expect([count(db), parts(db)]).toEqual([1, 9])
    } finally {
      clearInterval(typing)
    }
  })

  it('stores a picture dropped twice at once a single time', async () => {
    const { db } = libraries.open()
    const bytes = photo()
    const [first, second] = await Promise.all([storeMedia(db, bytes), storeMedia(db, Buffer.from(bytes))])
    expect(second).toEqual(first)
    expect([count(db), parts(db)]).toEqual([1, 4])
  })

  it('leaves no picture, and says so, when its parts are swept away mid-store', async () => {
    const { db } = libraries.open()
    const storing = storeMedia(db, photo(), { name: 'stadium.jpg' })
    // What another Copydesk process (the CLI) does when it opens the library while this one stores.
    await new Promise((next) => setImmediate(next))
    sweepInterruptedPictures(db)
    await expect(storing).rejects.toThrow('stadium.jpg was not added: storing it was interrupted; add it again')
    expect(count(db)).toBe(0)
  })

  it('removes the parts of a store that never finished when the library opens, and can store it again', async () => {
    const file = resolve(libraries.dir(), 'library.sqlite')
    const killed = openLibrary(file)
    const insert = killed.db.prepare('INSERT INTO media_part (media_id, seq, bytes) VALUES (?, ?, ?)')
    insert.run('f'.repeat(64), 0, Buffer.alloc(PART_BYTES))
    insert.run('f'.repeat(64), 1, Buffer.alloc(PART_BYTES))
    killed.close()
    const { db } = libraries.open(file)
    expect(parts(db)).toBe(0)
    const info = await storeMedia(db, photo())
    expect(parts(db)).toBe(4)
    expect(mediaInfo(db, info.id)).toEqual(info)
  })

  it('moves the pictures of a version-4 library into parts, byte for byte', () => {
    const file = resolve(libraries.dir(), 'v4.sqlite')
    const old = new Database(file)
    for (const migration of migrations.slice(0, 4)) old.exec(migration)
    old.pragma('user_version = 4')
    const png = makePng(9, 7)
    old
      .prepare(
        `INSERT INTO media (id, type, size, width, height, bytes, created_at)
         VALUES ('${'a'.repeat(64)}', 'image/png', ?, 9, 7, ?, '2026-01-01T00:00:00.000Z')`,
      )
      .run(png.length, png)
    old.close()
    const { db } = libraries.open(file)
    expect(readMedia(db, 'a'.repeat(64))).toMatchObject({ type: 'image/png', width: 9, height: 7, bytes: png })
  })
})

describe('a picture’s preview (what the app shows of a large photograph)', () => {
  const libraries = useTempLibraries()
  const photo = () => padJpeg(makeJpeg({ width: 64, height: 48 }), 2 * PART_BYTES)

  it('is served in place of the picture, while the picture itself stays whole', async () => {
    const { db } = libraries.open()
    const bytes = photo()
    const preview = makeWebp(48, 36)
    const { id } = await storeMedia(db, bytes, { preview })
    expect(findMedia(db, id, { preview: true })).toMatchObject({ type: 'image/webp', bytes: preview })
    expect(Buffer.compare(findMedia(db, id)!.bytes, bytes)).toBe(0)
    // A JPEG's preview is a JPEG, served as one.
    const other = padJpeg(makeJpeg({ width: 80, height: 60 }), 2 * PART_BYTES)
    const jpegPreview = makeJpeg({ width: 40, height: 30 })
    const stored = await storeMedia(db, other, { preview: jpegPreview })
    expect(findMedia(db, stored.id, { preview: true })).toMatchObject({ type: 'image/jpeg', bytes: jpegPreview })
  })

  it.each([
    ['a PNG (neither JPEG nor WebP)', () => makePng(48, 36)],
    ['not an image at all', () => Buffer.from('a preview, supposedly')],
    ['bigger than the picture', () => Buffer.concat([makeWebp(48, 36), Buffer.alloc(3 * PART_BYTES)])],
  ])('is left out when it is %s, and the picture is stored and shown as it is', async (_what, make) => {
    const { db } = libraries.open()
    const bytes = photo()
    const { id } = await storeMedia(db, bytes, { name: 'quay.jpg', preview: make() })
    const shown = findMedia(db, id, { preview: true })!
    // Buffer.compare: a deep equality over a megabyte takes the test runner seconds.
    expect([shown.type, Buffer.compare(shown.bytes, bytes)]).toEqual(['image/jpeg', 0])
  })

  it('is added when a picture already stored without one is added again with one', async () => {
    const { db } = libraries.open()
    const bytes = photo()
    const { id } = addMedia(db, bytes)
    await storeMedia(db, bytes, { preview: makeWebp(48, 36) })
    expect(findMedia(db, id, { preview: true })?.type).toBe('image/webp')
  })
})

describe('words from a JPEG’s own metadata', () => {
  const libraries = useTempLibraries()

  it('suggests caption and credit from IPTC, read as UTF-8 when the file says so', async () => {
    const { db } = libraries.open()
    const jpeg = makeJpeg({
      iim: iim({
        120: 'Crowds gather in Zürich’s Paradeplatz as the vote is counted',
        110: 'Keystone',
        80: 'Anna Müller',
      }),
    })
    expect(await addPicture(db, jpeg, { name: 'vote.jpg' })).toMatchObject({
      type: 'image/jpeg',
      suggested: { caption: 'Crowds gather in Zürich’s Paradeplatz as the vote is counted', credit: 'Keystone' },
    })
  })

  it('reads Latin-1 IPTC, and falls back to the photographer for the credit when there is no credit line', async () => {
    const { db } = libraries.open()
    const jpeg = makeJpeg({
      iim: iim({ 120: 'Café terraces reopen in Lyon', 80: ['Éric Dupont', 'Léa Martin'] }, 'latin1'),
    })
    expect((await addPicture(db, jpeg, { name: 'lyon.jpg' })).suggested).toEqual({
      caption: 'Café terraces reopen in Lyon',
      credit: 'Éric Dupont, Léa Martin',
    })
  })

  it('prefers XMP, decodes its character references, and takes alt text from the accessibility field', async () => {
    const { db } = libraries.open()
    const xmp = xmpPacket(`
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">O&#39;Neill lifts the cup &amp; the crowd roars</rdf:li></rdf:Alt></dc:description>
      <dc:creator><rdf:Seq><rdf:li>Sam O&#39;Neill</rdf:li></rdf:Seq></dc:creator>
      <photoshop:Credit>Picture: PA Wire</photoshop:Credit>
      <Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">A footballer holds a silver trophy above his head</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>`)
    const jpeg = makeJpeg({ xmp, iim: iim({ 120: 'older IIM caption', 110: 'older IIM credit' }) })
    expect((await addPicture(db, jpeg, { name: 'final.jpg' })).suggested).toEqual({
      caption: "O'Neill lifts the cup & the crowd roars",
      credit: 'PA Wire',
      alt: 'A footballer holds a silver trophy above his head',
    })
  })

  it('takes the copyright holder as the credit when nothing better is given, without the © and year', async () => {
    const { db } = libraries.open()
    const jpeg = makeJpeg({ iim: iim({ 116: '© 2025 Northern Camera Co-operative. All rights reserved.' }) })
    expect((await addPicture(db, jpeg, { name: 'pier.jpg' })).suggested).toEqual({
      credit: 'Northern Camera Co-operative',
    })
  })

  it('suggests nothing for a picture without metadata, and for other kinds', async () => {
    const { db } = libraries.open()
    expect((await addPicture(db, makeJpeg(), { name: 'plain.jpg' })).suggested).toEqual({})
    expect((await addPicture(db, makePng(2, 2), { name: 'plain.png' })).suggested).toEqual({})
  })

  const reference = resolve(__dirname, '../../../../shared/pictures/IPTC-PhotometadataRef-Std2017.1.jpg')
  it.skipIf(!existsSync(reference))(
    'reads the IPTC reference photo (skipped when ../shared/pictures is absent)',
    async () => {
      const { db } = libraries.open()
      const added = await addPicture(db, readFileSync(reference), { name: 'IPTC-PhotometadataRef-Std2017.1.jpg' })
      expect(added).toMatchObject({
        type: 'image/jpeg',
        suggested: { caption: 'The description aka caption (ref2017.1)', credit: 'Credit Line (ref2017.1)' },
      })
      expect(added.width).toBeGreaterThan(0)
    },
  )
})
