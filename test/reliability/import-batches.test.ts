import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api'
import { runCli } from '../../src/main/cli/run'
import type { Reply } from '../../src/shared/contract'
import type { WireImportResult } from '../../src/shared/wire'
import { useTempLibraries } from '../library-fixture'

/**
 * #22 (import) and #24.2/#24.5: wire copy is filed a batch at a time, main keeps answering while a
 * large batch is read, a bad file fails alone with its name and reason, and one call cannot carry
 * more than the batch limit.
 */

const libraries = useTempLibraries()

function ninjs(headline: string, paragraphs = 3): string {
  return JSON.stringify({
    uri: `urn:example:${headline}`,
    type: 'text',
    headline,
    body_text: Array.from(
      { length: paragraphs },
      (_, i) => `Paragraph ${i} of ${headline}, with the council vote.`,
    ).join('\n\n'),
  })
}

const base64 = (text: string) => Buffer.from(text).toString('base64')

type Imported = Reply<{ results: WireImportResult[] }>

describe('wire:import of a batch', () => {
  it('main answers other calls while a large batch is read', async () => {
    const library = libraries.open()
    const story = (await dispatch(library, 'story:create', { headline: 'Typed while importing' })) as Reply<{
      id: number
    }>
    if (!story.ok) throw new Error(story.error.message)
    // Twelve files: the call pauses after reading each.
    const files = Array.from({ length: 40 }, (_, i) => ({
      name: `big-${i}.json`,
      data: base64(ninjs(`Big ${i}`, 4000)),
    }))
    const order: string[] = []
    const importing = dispatch(library, 'wire:import', { files }).then((reply) => {
      order.push('import')
      return reply as Imported
    })
    const got = dispatch(library, 'story:get', { id: story.value.id }).then(() => order.push('get'))
    const [imported] = await Promise.all([importing, got])
    expect(order).toEqual(['get', 'import'])
    expect(imported.ok && imported.value.results.every((r) => r.ok)).toBe(true)
  })

  it('a file the library refuses in the middle of a batch fails alone, named, and the rest are filed', async () => {
    const library = libraries.open()
    // The library refuses one story, as a full disk or a broken row would: the file it came from fails alone.
    library.db.exec(`CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON stories WHEN new.headline = 'Poisoned'
      BEGIN SELECT RAISE(ABORT, 'the test refuses this story'); END`)
    const names = ['a.json', 'b.json', 'poison.json', 'broken.json', 'c.json']
    const texts = [ninjs('Alpha'), ninjs('Bravo'), ninjs('Poisoned'), '{"uri": "x", "headline": "Cut', ninjs('Charlie')]
    const reply = (await dispatch(library, 'wire:import', {
      files: names.map((name, i) => ({ name, data: base64(texts[i]!) })),
    })) as Imported
    if (!reply.ok) throw new Error(reply.error.message)
    expect(reply.value.results.map((r) => [r.file, r.ok])).toEqual([
      ['a.json', true],
      ['b.json', true],
      ['poison.json', false],
      ['broken.json', false],
      ['c.json', true],
    ])
    expect(reply.value.results[2]!.error).toMatch(/the test refuses this story/)
    expect(reply.value.results[3]!.error).toMatch(/not valid JSON/)
    const headlines = library.db.prepare('SELECT headline FROM stories ORDER BY id').pluck().all()
    expect(headlines).toEqual(['Alpha', 'Bravo', 'Charlie'])
    expect(library.db.prepare('SELECT count(*) FROM wire_files').pluck().get()).toBe(3)
  })

  it('refuses more than 64 MB in one call, in words, storing nothing', async () => {
    const library = libraries.open()
    const big = base64(ninjs('Big', 1) + ' '.repeat(17 * 1024 * 1024))
    const reply = await dispatch(library, 'wire:import', {
      files: [0, 1, 2, 3].map((i) => ({ name: `big-${i}.json`, data: big })),
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(!reply.ok && reply.error.message).toMatch(/more than 64 MB in one import; import them in smaller batches/)
    expect(library.db.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(0)
  })
})

describe('copydesk import in batches', () => {
  it('names each result by the path given, also for files of the same name in different folders', async () => {
    const dir = libraries.dir()
    const paths: string[] = []
    for (const desk of ['sport', 'news', 'business']) {
      mkdirSync(join(dir, desk))
      for (const name of ['lead.json', 'second.json']) {
        const path = join(dir, desk, name)
        writeFileSync(path, ninjs(`${desk} ${name}`))
        paths.push(path)
      }
    }
    writeFileSync(join(dir, 'news', 'cut.json'), '{"uri": "x"')
    paths.splice(3, 0, join(dir, 'news', 'cut.json'))
    let stdout = ''
    let stderr = ''
    const code = await runCli(['--library', join(dir, 'desk.sqlite'), 'import', ...paths, '--json'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: {},
    })
    expect(code).toBe(1)
    const results = JSON.parse(stdout) as WireImportResult[]
    expect(results.map((r) => [r.file, r.ok, r.headline ?? null])).toEqual(
      paths.map((path) =>
        path.endsWith('cut.json')
          ? [path, false, null]
          : [path, true, `${path.split('/').at(-2)} ${path.split('/').at(-1)}`],
      ),
    )
    expect(stderr).toContain(`${join(dir, 'news', 'cut.json')}: this is not valid JSON`)
  })
})
