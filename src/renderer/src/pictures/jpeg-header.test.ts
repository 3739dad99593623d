/** The renderer's JPEG header reader, tested in Node on the JPEG fixtures the picture tests share. */
import { describe, expect, it } from 'vitest'
import { makeJpeg, makePng, padJpeg } from '@test/fixtures/pictures/images'
import { readJpegHeader } from './jpeg-header'

describe('reading a JPEG header for its preview', () => {
  it('finds the frame size, upright when the photograph says nothing of its orientation', () => {
    expect(readJpegHeader(makeJpeg({ width: 2400, height: 1600 }))).toEqual({
      width: 2400,
      height: 1600,
      orientation: 1,
    })
    expect(readJpegHeader(padJpeg(makeJpeg({ width: 7120, height: 4747 }), 3 << 20, { afterFrame: true }))).toEqual({
      width: 7120,
      height: 4747,
      orientation: 1,
    })
  })

  it('reads the EXIF orientation of a photograph taken with the camera turned', () => {
    expect(readJpegHeader(makeJpeg({ width: 4000, height: 3000, orientation: 6 }))).toMatchObject({ orientation: 6 })
  })

  it('gives up where the header is not all in the bytes read, or is no JPEG', () => {
    const notesFirst = padJpeg(makeJpeg({ width: 800, height: 600 }), 1 << 20)
    expect(readJpegHeader(notesFirst.subarray(0, 256 * 1024))).toBeNull()
    expect(readJpegHeader(notesFirst)).toMatchObject({ width: 800, height: 600 })
    expect(readJpegHeader(makePng(4, 4))).toBeNull()
    expect(readJpegHeader(makeJpeg({ width: 0, height: 600 }))).toBeNull()
  })
})
