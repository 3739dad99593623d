import { describe, expect, it } from 'vitest'
import { cleanText, decodeBytes, decodeMixed, repairMojibake } from './decode'
import { fixture } from '@test/wire/fixtures'

describe('decoding wire bytes', () => {
  it('reads strict UTF-8 as UTF-8 and plain ASCII as ASCII', () => {
    expect(decodeBytes(Buffer.from('Zelensky’s “visit”', 'utf8'))).toEqual({
      text: 'Zelensky’s “visit”',
      encoding: 'utf-8',
    })
    expect(decodeBytes(Buffer.from('plain copy'))).toEqual({ text: 'plain copy', encoding: 'ascii' })
  })

  it('reads Latin-1 bytes as windows-1252: accents, pound sign, curly quotes and dashes all survive', () => {
    expect(decodeBytes(fixture('encodings/latin1.txt')).text).toContain(
      'café in Crèche Lane has won the right to keep six tables outside, after a naïve',
    )
    expect(decodeBytes(fixture('encodings/latin1.txt')).text).toContain('£400')
    const cp1252 = decodeBytes(fixture('encodings/cp1252.txt')).text
    expect(cp1252).toContain('Council leader quits over “broken promises”')
    expect(cp1252).toContain('on Monday – two days after a vote of no confidence — saying she had been ‘let down’')
  })

  it('decodes a file mixing UTF-8 quotes with a stray Latin-1 é byte by byte, garbling neither', () => {
    const { text, encoding } = decodeBytes(fixture('encodings/mixed.txt'))
    expect(encoding).toBe('utf-8+windows-1252')
    expect(text).toContain('Chef’s “farm to fork” menu wins award')
    expect(text).toContain('crème brûlée')
    expect(decodeMixed(Uint8Array.of(0x41, 0xe2, 0x80, 0x99, 0x93, 0x42))).toBe('A’“B')
  })

  it('repairs copy that was double-encoded upstream (â€™ -> ’) and leaves real accents alone', () => {
    expect(decodeBytes(fixture('encodings/mojibake.txt')).text).toContain('Mayor’s “clean air” plan approved')
    expect(repairMojibake('CafÃ© â€œopenâ€\u009d')).toBe('Café “open”')
    expect(repairMojibake('Ångström São Tomé')).toBe('Ångström São Tomé')
  })

  it('honours a BOM and UTF-16', () => {
    expect(decodeBytes(fixture('encodings/utf8-bom.txt')).text.startsWith('Bridge repairs')).toBe(true)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ciência', 'utf16le')])
    expect(decodeBytes(utf16)).toEqual({ text: 'Ciência', encoding: 'utf-16le' })
  })

  it('takes a declared ISO-8859-1 at its word unless the bytes are plainly UTF-8 (the usual mislabelling)', () => {
    expect(decodeBytes(Buffer.from([0xa3, 0x33, 0x6d]), 'iso-8859-1').text).toBe('£3m')
    expect(decodeBytes(Buffer.from('£3m', 'utf8'), 'ISO-8859-1').text).toBe('£3m')
    expect(() => decodeBytes(Buffer.from([0xa3]), 'x-klingon')).toThrow(/declares the character encoding "x-klingon"/)
  })

  it('cleans control characters, soft hyphens and zero-width spaces, and normalises line ends and NFC', () => {
    expect(cleanText('a\u0007b\u001bc\u007fd\u0085e\r\nf\rg')).toBe('abcde\nf\ng')
    expect(cleanText('co\u00adop\u200Beration\u00a0now')).toBe('cooperation now')
    expect(cleanText('Cafe\u0301')).toBe('Café')
  })
})
