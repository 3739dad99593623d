import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { makePng } from '@test/fixtures/pictures/images'
import { bodyOf, bodySchema, paragraphNode, type BlockNode } from '../../shared/body'
import { call } from '../api'
import { runCli } from '../cli/run'
import { listRevisions } from './stories'
import { readSnapshot } from './revision-log'

/** The picture node exactly as the renderer's PictureNode exports it. */
const picture = (fields: { mediaId?: string; alt: string; caption: string; credit: string }): BlockNode => ({
  type: 'picture',
  version: 1,
  ...fields,
})

describe('pictures in a story', () => {
  const libraries = useTempLibraries()

  it('keep their image, caption, credit and alt text through save, revisions and `copydesk show --json`', async () => {
    const library = libraries.open()
    const png = makePng(8, 6)
    const added = await call(library, 'media:add', { name: 'flood.png', data: png })
    expect(added).toMatchObject({ type: 'image/png', width: 8, height: 6, size: png.length, suggested: {} })

    const story = call(library, 'story:create', { headline: 'River bursts its banks' })
    const inBody = picture({
      mediaId: added.mediaId,
      alt: 'Cars half under brown water on a high street',
      caption: 'Flood water on Bridge Street, Tewkesbury, on Tuesday',
      credit: 'PA',
    })
    const missing = picture({ alt: '', caption: 'The river at dawn, from the wire', credit: 'Reuters' })
    const body = bodyOf([
      paragraphNode('The river rose overnight.'),
      inBody,
      paragraphNode('More rain is due.'),
      missing,
    ])
    const lead = {
      mediaId: added.mediaId,
      alt: 'A flooded street',
      caption: 'Bridge Street at noon',
      credit: 'Jo Hale/PA',
    }
    const saved = call(library, 'story:save', {
      id: story.id,
      expectedRevision: story.revision,
      changes: { body, leadPicture: lead },
    })

    // Picture words are not the story's words.
    expect(saved.wordCount).toBe(8)
    const again = call(library, 'story:get', { id: story.id })
    expect(again.body).toEqual(body)
    expect(again.leadPicture).toEqual(lead)

    expect(readSnapshot(library.db, story.id, saved.revision)).toMatchObject({ body, leadPicture: lead })
    expect(listRevisions(library.db, story.id)).toHaveLength(2)

    let out = ''
    const code = runCli(['--library', library.file, 'show', String(story.id), '--json'], {
      stdout: (text) => (out += text),
      stderr: (text) => {
        throw new Error(text)
      },
      env: {},
    })
    expect(code).toBe(0)
    const shown = JSON.parse(out) as { body: unknown; leadPicture: unknown }
    expect(shown.leadPicture).toEqual(lead)
    expect(bodySchema.parse(shown.body)).toEqual(body)
    expect((shown.body as typeof body).root.children.filter((b) => b.type === 'picture')).toEqual([inBody, missing])
  })

  it('give the library list the lead picture’s media id for its thumbnail', async () => {
    const library = libraries.open()
    const { mediaId } = await call(library, 'media:add', { name: 'a.png', data: makePng(2, 2) })
    const withPicture = call(library, 'story:create', {
      headline: 'With a picture',
      leadPicture: { mediaId, alt: '', caption: '', credit: '' },
    })
    const awaiting = call(library, 'story:create', {
      headline: 'Awaiting its image',
      leadPicture: { alt: '', caption: 'Wire said a picture would follow', credit: 'AP' },
    })
    const none = call(library, 'story:create', { headline: 'No picture' })
    const listed = call(library, 'story:list', {}).items
    const byId = new Map(listed.map((s) => [s.id, s.leadMediaId]))
    expect([byId.get(withPicture.id), byId.get(awaiting.id), byId.get(none.id)]).toEqual([mediaId, null, null])
    expect(
      call(library, 'story:search', { query: 'picture' }).items.find((s) => s.id === withPicture.id),
    ).toMatchObject({
      leadMediaId: mediaId,
    })
  })

  it('refuse a file that is not a picture through media:add, with its name, and store nothing', async () => {
    const library = libraries.open()
    await expect(
      call(library, 'media:add', { name: 'minutes.docx', data: Buffer.from('PK\u0003\u0004word') }),
    ).rejects.toThrow(
      'minutes.docx was not added: it is a zip archive (perhaps a Word document), not a picture Copydesk can use (JPEG, PNG, WebP, GIF or AVIF)',
    )
    // Bytes, not text: base64 (what earlier versions sent) is refused by the contract, naming the field.
    expect(() => call(library, 'media:add', { name: 'x.png', data: 'iVBORw0KGgo=' })).toThrow(
      /media:add was given bad input: data: data must be the picture file's bytes/,
    )
    expect((library.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n).toBe(0)
    expect((library.db.prepare('SELECT count(*) AS n FROM media_part').get() as { n: number }).n).toBe(0)
  })
})
