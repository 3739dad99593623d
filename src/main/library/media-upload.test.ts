import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { iim, makeJpeg, makePng, padJpeg } from '@test/fixtures/pictures/images'
import { MAX_PICTURE_BYTES, PART_BYTES, QUIET_PART_BYTES } from '../../shared/media'
import { call } from '../api'
import type { Library } from '.'
import { findMedia } from './media'
import { MOST_UPLOADS, UPLOAD_IDLE_MS } from './media-upload'
import { closePictureWriter } from './picture-writer'

/** Long enough for the picture thread to start under tsx on a loaded machine (a wait, not a time asserted). */
const THREAD_START_MS = 30_000

const rows = (library: Library, table: 'media' | 'media_part') =>
  (library.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

/** What the renderer does for a large picture: begin, every part in turn, finish. */
async function handOver(library: Library, name: string, bytes: Buffer, partBytes = PART_BYTES) {
  const { upload } = call(library, 'media:begin', { name, size: bytes.length })
  for (let seq = 0; seq * partBytes < bytes.length; seq++) {
    call(library, 'media:part', { upload, seq, data: bytes.subarray(seq * partBytes, (seq + 1) * partBytes) })
  }
  return call(library, 'media:finish', { upload })
}

describe('a large picture handed over in parts', () => {
  const libraries = useTempLibraries()
  afterEach(() => vi.useRealTimers())

  it('is stored byte for byte under its SHA-256, with the words its metadata offers, as media:add would', async () => {
    const library = libraries.open()
    const photo = padJpeg(
      makeJpeg({ width: 640, height: 480, iim: iim({ 110: 'Harbour Pictures' }) }),
      3.3 * PART_BYTES,
    )
    const added = await handOver(library, 'harbour.jpg', photo)
    expect(added).toEqual({
      mediaId: createHash('sha256').update(photo).digest('hex'),
      type: 'image/jpeg',
      width: 640,
      height: 480,
      size: photo.length,
      suggested: { credit: 'Harbour Pictures' },
    })
    expect(Buffer.compare(findMedia(library.db, added.mediaId)!.bytes, photo)).toBe(0)
    // Parts of any size up to PART_BYTES are taken; the same picture again is stored once.
    expect(await handOver(library, 'harbour again.jpg', photo, 100_000)).toEqual(added)
    expect(await call(library, 'media:add', { name: 'harbour.jpg', data: photo })).toEqual(added)
    expect(rows(library, 'media')).toBe(1)
  })

  it('is in the library part by part as it arrives, so finishing writes only the picture row', async () => {
    const library = libraries.open()
    const photo = padJpeg(makeJpeg({ width: 800, height: 600 }), 4.5 * PART_BYTES)
    const { upload } = call(library, 'media:begin', { name: 'flood.jpg', size: photo.length })
    for (let seq = 0; seq < 5; seq++) {
      call(library, 'media:part', { upload, seq, data: photo.subarray(seq * PART_BYTES, (seq + 1) * PART_BYTES) })
      // Written by the picture thread in the next moment with no keys (here, at once): before the next part comes.
      await vi.waitFor(() => expect([rows(library, 'media'), rows(library, 'media_part')]).toEqual([0, seq + 1]), {
        timeout: THREAD_START_MS,
      })
    }
    const added = await call(library, 'media:finish', { upload })
    expect([rows(library, 'media'), rows(library, 'media_part')]).toEqual([1, 5])
    // Read back after the library is closed and opened again (the sweep keeps adopted parts).
    const file = library.file
    library.close()
    const again = libraries.open(file)
    expect(Buffer.compare(findMedia(again.db, added.mediaId)!.bytes, photo)).toBe(0)
    // The same picture handed over again keeps one copy of its bytes.
    expect(await handOver(again, 'flood copy.jpg', photo)).toEqual(added)
    expect([rows(again, 'media'), rows(again, 'media_part')]).toEqual([1, 5])
  })

  it('takes parts of up to 4 MiB (no one typing) and keeps them as rows of PART_BYTES, whole after a reopen', async () => {
    const library = libraries.open()
    const photo = padJpeg(makeJpeg({ width: 1024, height: 768 }), 2.6 * QUIET_PART_BYTES)
    const added = await handOver(library, 'crowd.jpg', photo, QUIET_PART_BYTES)
    // Each row its own transaction, so an autosave never waits long for the library's write lock.
    expect(rows(library, 'media_part')).toBe(Math.ceil(photo.length / PART_BYTES))
    const file = library.file
    library.close()
    expect(Buffer.compare(findMedia(libraries.open(file).db, added.mediaId)!.bytes, photo)).toBe(0)
  })

  it('leaves the WAL checkpoints to the picture thread while it writes, so a save on main never copies the picture', async () => {
    const library = libraries.open()
    const autocheckpoint = () => library.db.pragma('wal_autocheckpoint', { simple: true })
    const before = autocheckpoint()
    expect(before).toBeGreaterThan(0)
    const photo = padJpeg(makeJpeg({ width: 1024, height: 768 }), 2.6 * QUIET_PART_BYTES)
    const { upload } = call(library, 'media:begin', { name: 'quay.jpg', size: photo.length })
    for (let seq = 0; seq * QUIET_PART_BYTES < photo.length; seq++) {
      call(library, 'media:part', {
        upload,
        seq,
        data: photo.subarray(seq * QUIET_PART_BYTES, (seq + 1) * QUIET_PART_BYTES),
      })
      // Main's commits while the picture's rows fill the WAL (an autosave) run no checkpoint on main.
      expect(autocheckpoint()).toBe(0)
    }
    await vi.waitFor(() => expect(rows(library, 'media_part')).toBe(Math.ceil(photo.length / PART_BYTES)), {
      timeout: THREAD_START_MS,
    })
    const story = call(library, 'story:create', { headline: 'Quay' })
    expect(story.headline).toBe('Quay')
    const added = await call(library, 'media:finish', { upload })
    // Once the picture is in, main checkpoints its own commits again.
    await vi.waitFor(() => expect(autocheckpoint()).toBe(before), { timeout: THREAD_START_MS })
    expect(Buffer.compare(findMedia(library.db, added.mediaId)!.bytes, photo)).toBe(0)
    // A picture given up on gives them back too.
    const given = call(library, 'media:begin', { name: 'quay 2.jpg', size: photo.length })
    expect(autocheckpoint()).toBe(0)
    expect(() => call(library, 'media:part', { upload: given.upload, seq: 5, data: photo.subarray(0, 10) })).toThrow(
      'came out of turn',
    )
    await vi.waitFor(() => expect(autocheckpoint()).toBe(before), { timeout: THREAD_START_MS })
  })

  it('leaves no parts behind when the app stops mid-way: the next open sweeps them', async () => {
    const library = libraries.open()
    const photo = padJpeg(makeJpeg(), 2.5 * PART_BYTES)
    const { upload } = call(library, 'media:begin', { name: 'storm.jpg', size: photo.length })
    call(library, 'media:part', { upload, seq: 0, data: photo.subarray(0, PART_BYTES) })
    await vi.waitFor(() => expect(rows(library, 'media_part')).toBe(1), { timeout: THREAD_START_MS })
    const file = library.file
    library.close()
    expect(rows(libraries.open(file), 'media_part')).toBe(0)
  })

  it('is refused whole, nothing half-stored, when the picture thread goes mid-way; added again, it is stored', async () => {
    const library = libraries.open()
    const photo = padJpeg(makeJpeg({ width: 640, height: 480 }), 2.5 * PART_BYTES)
    const part = (seq: number) => photo.subarray(seq * PART_BYTES, (seq + 1) * PART_BYTES)
    const { upload } = call(library, 'media:begin', { name: 'gale.jpg', size: photo.length })
    call(library, 'media:part', { upload, seq: 0, data: part(0) })
    await vi.waitFor(() => expect(rows(library, 'media_part')).toBe(1), { timeout: THREAD_START_MS })
    // The thread ends (as when it fails); what comes next is done on main, which never saw this upload.
    closePictureWriter(library.db)
    call(library, 'media:part', { upload, seq: 1, data: part(1) })
    call(library, 'media:part', { upload, seq: 2, data: part(2) })
    await expect(call(library, 'media:finish', { upload })).rejects.toThrow('add it again')
    expect([rows(library, 'media'), rows(library, 'media_part')]).toEqual([0, 0])
    const added = await handOver(library, 'gale.jpg', photo)
    expect(Buffer.compare(findMedia(library.db, added.mediaId)!.bytes, photo)).toBe(0)
  })

  it('is refused at its first part when the file is no picture, and nothing more is taken', () => {
    const library = libraries.open()
    const minutes = Buffer.concat([Buffer.from('PK\u0003\u0004word/document.xml'), Buffer.alloc(2 * PART_BYTES, 7)])
    const { upload } = call(library, 'media:begin', { name: 'minutes.jpg', size: minutes.length })
    expect(() => call(library, 'media:part', { upload, seq: 0, data: minutes.subarray(0, PART_BYTES) })).toThrow(
      'minutes.jpg was not added: it is a zip archive (perhaps a Word document), not a picture Copydesk can use (JPEG, PNG, WebP, GIF or AVIF)',
    )
    expect(() =>
      call(library, 'media:part', { upload, seq: 1, data: minutes.subarray(PART_BYTES, 2 * PART_BYTES) }),
    ).toThrow('its upload was given up; add it again')
    expect([rows(library, 'media'), rows(library, 'media_part')]).toEqual([0, 0])
  })

  it('is refused, naming the file, when parts come out of turn, overrun its size, or stop short', async () => {
    const library = libraries.open()
    const photo = padJpeg(makeJpeg(), 2.5 * PART_BYTES)
    const part = (seq: number) => photo.subarray(seq * PART_BYTES, (seq + 1) * PART_BYTES)

    const skipped = call(library, 'media:begin', { name: 'quay.jpg', size: photo.length }).upload
    call(library, 'media:part', { upload: skipped, seq: 0, data: part(0) })
    expect(() => call(library, 'media:part', { upload: skipped, seq: 2, data: part(2) })).toThrow(
      'quay.jpg was not added: part 2 came out of turn',
    )

    const overrun = call(library, 'media:begin', { name: 'pier.jpg', size: PART_BYTES + 10 }).upload
    call(library, 'media:part', { upload: overrun, seq: 0, data: part(0) })
    expect(() => call(library, 'media:part', { upload: overrun, seq: 1, data: part(1) })).toThrow(
      'pier.jpg was not added: more than its announced 512 KB arrived',
    )

    const short = call(library, 'media:begin', { name: 'slip.jpg', size: photo.length }).upload
    call(library, 'media:part', { upload: short, seq: 0, data: part(0) })
    await expect(call(library, 'media:finish', { upload: short })).rejects.toThrow(
      'slip.jpg was not added: only 512 KB of its 1.3 MB arrived; add it again',
    )
    expect([rows(library, 'media'), rows(library, 'media_part')]).toEqual([0, 0])
  })

  it('is refused before any bytes are sent when it is over the limit, and parts over QUIET_PART_BYTES are refused', () => {
    const library = libraries.open()
    expect(() => call(library, 'media:begin', { name: 'scan.jpg', size: MAX_PICTURE_BYTES + 1 })).toThrow(
      'media:begin was given bad input: size: the picture is over 40.0 MB, the most Copydesk takes',
    )
    const { upload } = call(library, 'media:begin', { name: 'scan.jpg', size: 2 * QUIET_PART_BYTES })
    expect(() => call(library, 'media:part', { upload, seq: 0, data: Buffer.alloc(QUIET_PART_BYTES + 1) })).toThrow(
      /media:part was given bad input: data: a part is 1 to 4194304 bytes/,
    )
    expect(() => call(library, 'media:part', { upload: 'not-an-upload', seq: 0, data: makePng(2, 2) })).toThrow(
      /upload must be the id media:begin gave/,
    )
  })

  it('is forgotten when nothing arrives for a while, and only a few can be open at once', () => {
    const library = libraries.open()
    vi.useFakeTimers()
    const opened = Array.from({ length: MOST_UPLOADS }, (_, i) =>
      call(library, 'media:begin', { name: `photo-${i}.jpg`, size: 2 * PART_BYTES }),
    )
    expect(() => call(library, 'media:begin', { name: 'one-more.jpg', size: 2 * PART_BYTES })).toThrow(
      `one-more.jpg was not added: ${MOST_UPLOADS} pictures are being added already; wait for them`,
    )
    vi.advanceTimersByTime(UPLOAD_IDLE_MS + 1)
    expect(() => call(library, 'media:part', { upload: opened[0]!.upload, seq: 0, data: makeJpeg() })).toThrow(
      'the picture was not added: its upload was given up; add it again',
    )
    expect(call(library, 'media:begin', { name: 'one-more.jpg', size: 2 * PART_BYTES }).upload).toMatch(
      /^[0-9a-f-]{36}$/,
    )
  })
})
