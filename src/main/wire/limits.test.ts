import { describe, expect, it, vi } from 'vitest'
import { parseWire } from './parse'
import { decodeBytes } from './decode'

/** Wire files at the edges of what Copydesk reads: refused or read in words, never a crash. */

function outcome(bytes: Uint8Array): string {
  try {
    const parsed = parseWire(bytes)
    return `drafts ${parsed.drafts.length}`
  } catch (error) {
    return (error as Error).message
  }
}

describe('large plain-text files', () => {
  it('a text file of 200,000 short lines is refused with a reason, not a stack overflow', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `Line ${i}`)
    const said = outcome(new TextEncoder().encode(`FLOOD WARNING\n\n${lines.join('\n')}\n`))
    expect(said).not.toMatch(/call stack/i)
    // Counted as read (read-budget.ts): refused at the limit, before the other 179,000 lines are made paragraphs.
    expect(said).toMatch(/the story has more than 21,000 paragraphs; a story holds at most 20,000 blocks/)
  })
})

describe('invalid UTF-8', () => {
  it('reads each stray byte as windows-1252 and keeps the UTF-8 around it, however many there are', () => {
    const good = new TextEncoder().encode('café “quoted” ')
    const bytes = new Uint8Array((good.length + 2) * 50_000)
    for (let i = 0; i < 50_000; i++) {
      bytes.set(good, i * (good.length + 2))
      bytes[i * (good.length + 2) + good.length] = 0x93 // windows-1252 left double quote
      bytes[i * (good.length + 2) + good.length + 1] = 0x20
    }
    const { text, encoding } = decodeBytes(bytes)
    expect(encoding).toBe('utf-8+windows-1252')
    expect(text).toBe('café “quoted” “ '.repeat(50_000))
  })

  /**
   * Decoding work that grows with each stray byte: the decoder called once per stray byte (the first
   * code: half a second a megabyte), then a buffer made and a callback run for each run of stray
   * bytes in the mojibake repair (still about half a second a megabyte on a file of them). Counted,
   * not timed: every buffer made with `new Uint8Array` and every call of a TextDecoder while 100,000
   * stray bytes are read must be a handful, not one per stray byte.
   */
  it.each([
    ['a stray byte before each curly quote', [0xe9, 0x93, 0x20]],
    ['a stray byte before each UTF-8 ©, which reads as mojibake', [0xc3, 0xc2, 0xa9]],
  ])('reads %s with work that does not grow with the stray bytes', (_name, pattern) => {
    const bytes = new Uint8Array(pattern.length * 100_000).map((_, i) => pattern[i % pattern.length]!)
    const decodes = vi.spyOn(TextDecoder.prototype, 'decode')
    const RealUint8Array = globalThis.Uint8Array
    let buffers = 0
    globalThis.Uint8Array = class extends RealUint8Array {
      constructor(...args: ConstructorParameters<typeof Uint8Array>) {
        super(...args)
        buffers++
      }
    }
    let decoded: ReturnType<typeof decodeBytes>
    try {
      decoded = decodeBytes(bytes)
    } finally {
      globalThis.Uint8Array = RealUint8Array
      decodes.mockRestore()
    }
    expect(decoded.encoding).toBe('utf-8+windows-1252')
    expect(decoded.text.length).toBeGreaterThanOrEqual(100_000)
    expect(buffers).toBeLessThan(10)
    expect(decodes.mock.calls.length).toBeLessThan(10)
  })
})
