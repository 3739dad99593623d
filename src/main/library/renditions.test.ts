import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { cameraOriginal, exifTags, SOFTWARE } from '../media/test-pictures'
import { addMedia, findMedia } from './media'
import { cachedSet, clearRenditions, CROPS_KEPT, ensureCrop, ensureRenditions, renditionBytes } from './renditions'

const plan = { widths: [480, 960], format: 'webp' as const }
const sets = (db: { prepare(sql: string): { get(): unknown } }) =>
  (db.prepare('SELECT count(*) AS n FROM rendition_set').get() as { n: number }).n

describe('the rendition cache', () => {
  const libraries = useTempLibraries()

  it('makes a picture’s renditions once and reads them back afterwards, even after the library is reopened', async () => {
    const dir = libraries.dir()
    const file = `${dir}/library.sqlite`
    const first = libraries.open(file)
    const { id } = addMedia(first.db, await cameraOriginal(1200, 800))
    const made = await ensureRenditions(first.db, id, plan, new Date('2026-11-24T09:00:00Z'))
    expect(made?.renditions.map((r) => `${r.type} ${r.width}x${r.height}`)).toEqual([
      'image/webp 480x320',
      'image/webp 960x640',
      'image/jpeg 480x320',
      'image/jpeg 960x640',
    ])
    first.close()

    const again = libraries.open(file)
    const cached = await ensureRenditions(again.db, id, plan, new Date('2026-12-01T09:00:00Z'))
    expect(cached).toEqual(made)
    const madeAt = again.db.prepare('SELECT made_at AS at FROM rendition_set').all() as { at: string }[]
    expect(madeAt).toEqual([{ at: '2026-11-24T09:00:00.000Z' }])
    const bytes = renditionBytes(again.db, cached!.key, 3)!
    expect((await sharp(bytes).metadata()).width).toBe(960)
    expect(bytes.length).toBe(cached!.renditions[3]!.size)
    // The original stays as it was added, metadata and all.
    expect((await exifTags(findMedia(again.db, id)!.bytes)).Software).toBe(SOFTWARE)
  })

  it('makes new renditions when the house widths or format or the focal point change, not for another story', async () => {
    const { db } = libraries.open()
    const { id } = addMedia(db, await cameraOriginal(1200, 800))
    const a = await ensureRenditions(db, id, plan)
    const b = await ensureRenditions(db, id, { ...plan, format: 'avif' })
    const c = await ensureRenditions(db, id, { ...plan, widths: [960, 480] })
    const d = await ensureRenditions(db, id, { ...plan, widths: [480, 1200] })
    expect(c!.key).toBe(a!.key) // the same widths in another order are the same renditions
    expect(new Set([a!.key, b!.key, d!.key]).size).toBe(3)
    const centre = await ensureCrop(db, id, { width: 1200, height: 630 }, undefined)
    const left = await ensureCrop(db, id, { width: 1200, height: 630 }, { x: 0, y: 0.5 })
    expect(centre!.key).not.toBe(left!.key)
    expect(sets(db)).toBe(5)
    expect(clearRenditions(db)).toBe(5)
    expect(db.prepare('SELECT count(*) AS n FROM rendition').get()).toEqual({ n: 0 })
  })

  it('keeps only the latest few crops of a picture (an editor dragging the focal point makes many)', async () => {
    const { db } = libraries.open()
    const { id } = addMedia(db, await cameraOriginal(1200, 800))
    const widths = await ensureRenditions(db, id, plan)
    const crops = []
    for (let i = 0; i <= 10; i++)
      crops.push(await ensureCrop(db, id, { width: 1200, height: 630 }, { x: i / 10, y: 0.5 }))
    expect(sets(db)).toBe(1 + CROPS_KEPT)
    expect(cachedSet(db, crops[10]!.key)).not.toBeNull()
    expect(cachedSet(db, crops[0]!.key)).toBeNull()
    expect(cachedSet(db, widths!.key)).not.toBeNull()
  })

  it('makes the same set once when two exports ask for it at once', async () => {
    const { db } = libraries.open()
    const { id } = addMedia(db, await cameraOriginal(1200, 800))
    const [x, y] = await Promise.all([ensureRenditions(db, id, plan), ensureRenditions(db, id, plan)])
    expect(x).toEqual(y)
    expect(sets(db)).toBe(1)
  })

  it('answers null for a picture the library does not have, and keeps nothing of a picture it cannot read', async () => {
    const { db } = libraries.open()
    expect(await ensureRenditions(db, 'ab'.repeat(32), plan)).toBeNull()
    // A picture cut short, stored by hand as an older Copydesk (which checked less) could have kept it.
    const whole = await cameraOriginal(800, 600)
    const id = 'cd'.repeat(32)
    db.prepare(
      "INSERT INTO media (id, type, size, width, height, created_at) VALUES (?, 'image/jpeg', ?, 800, 600, '')",
    ).run(id, whole.length / 2)
    db.prepare('INSERT INTO media_part (media_id, seq, bytes) VALUES (?, 0, ?)').run(
      id,
      whole.subarray(0, whole.length / 2),
    )
    await expect(ensureRenditions(db, id, plan)).rejects.toThrow()
    expect(cachedSet(db, 'x')).toBeNull()
    expect(sets(db)).toBe(0)
  })
})
