import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { wireFormatIdSchema } from '@shared/story'
import { wireFormatById, wireFormatLabel, wireFormats } from '.'
import { detectionsOf } from './format'

/** Format files are every .ts here but the registry, the shared type and tests. */
const formatFiles = readdirSync(__dirname)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts' && name !== 'format.ts')
  .map((name) => name.replace(/\.ts$/, ''))
  .sort()

describe('the wire-format registry', () => {
  it('lists every format file, once, under the file name as its id', () => {
    expect(wireFormats.map((f) => f.id).sort()).toEqual(formatFiles)
  })

  it('gives each format an id the story model accepts and a label of its own', () => {
    for (const format of wireFormats) expect(wireFormatIdSchema.safeParse(format.id).success, format.id).toBe(true)
    const labels = wireFormats.map((f) => f.label)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels.every((label) => label.trim().length > 0)).toBe(true)
  })

  it('tries plain text last, since it takes whatever no other format claims', () => {
    const text = wireFormats.flatMap((f) =>
      detectionsOf(f).flatMap((d) => (d.by === 'text' ? [{ id: f.id, test: d.test }] : [])),
    )
    expect(text.at(-1)!.id).toBe('scraped-text')
    expect(text.slice(0, -1).every((f) => !f.test('Storm closes ports'))).toBe(true)
  })

  it('names an id this build does not know by the id itself', () => {
    expect(wireFormatById('teletype-2030')).toBeUndefined()
    expect(wireFormatLabel('teletype-2030')).toBe('teletype-2030')
    expect(wireFormatLabel('iptc7901')).toBe('IPTC 7901')
  })
})
