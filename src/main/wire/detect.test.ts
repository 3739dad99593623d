import { describe, expect, it } from 'vitest'
import { detectFormat } from './detect'
import { fixture } from '@test/wire/fixtures'

describe('detecting the format from the bytes', () => {
  it.each([
    ['scraped-text/storm-ports.txt', 'scraped-text'],
    ['iptc7901/rail-strike.txt', 'iptc7901'],
    ['anpa1312/harbor-fire.tst', 'anpa1312'],
    ['nitf/council-vote.xml', 'nitf'],
    ['nitf/namespaced.xml', 'nitf'],
    ['newsml-g2/item-nitf.xml', 'newsml-g2'],
    ['newsml-g2/message-xhtml.xml', 'newsml-g2'],
    ['newsml1/item.xml', 'newsml1'],
    ['ninjs/v2.json', 'ninjs'],
    ['ninjs/envelope.json', 'ninjs'],
  ])('%s is %s', (path, format) => {
    expect(detectFormat(fixture(path))).toBe(format)
  })

  it('never trusts the file name: the same NITF bytes are NITF whatever they are called', () => {
    // detectFormat takes bytes only; a .txt of XML is XML, a .xml of plain text is plain text.
    expect(detectFormat(Buffer.from('<?xml version="1.0"?><nitf/>'))).toBe('nitf')
    expect(detectFormat(Buffer.from('Headline\n\nBody <b>not</b> markup.'))).toBe('scraped-text')
    expect(detectFormat(Buffer.from('[Updated] Storm closes ports\n\nFerries were halted.'))).toBe('scraped-text')
    expect(detectFormat(Buffer.from('[{"uri": "urn:x", "headline": "A"}]'))).toBe('ninjs')
  })

  it('tells ANPA from IPTC 7901 when the SYN bytes are missing, by the DC3/DC1 of its second line', () => {
    expect(
      detectFormat(Buffer.from('\u0001a0412\u001fregional\nu a\u0013\u0011 BC-Fire\n\u0002^Fire<\n\u0003', 'latin1')),
    ).toBe('anpa1312')
    expect(detectFormat(Buffer.from('\u0001abc017 3 i 152 bbbbb dpa\r\n\u0002Rail strike =\r\n\u0003', 'latin1'))).toBe(
      'iptc7901',
    )
  })

  it.each([
    ['broken/empty.txt', /the file is empty/],
    ['broken/blank.txt', /only blank space/],
    ['broken/image.png', /PNG image, not wire copy/],
    ['broken/binary.bin', /binary file/],
    ['broken/rtf.rtf', /RTF document/],
    ['broken/page.html', /web page \(HTML\), not wire copy/],
    ['broken/unknown-root.xml', /root element <rss>, which is not a wire format/],
  ])('refuses %s with a reason', (path, reason) => {
    expect(() => detectFormat(fixture(path))).toThrow(reason)
  })

  it('names PDFs, Word files and databases for what they are', () => {
    expect(() => detectFormat(Buffer.from('%PDF-1.7\n'))).toThrow(/a PDF document/)
    expect(() => detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toThrow(/Word\/OpenDocument/)
    expect(() => detectFormat(Buffer.from('SQLite format 3\0'))).toThrow(/SQLite database/)
  })
})
