import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, dispatch } from '../../src/main/api'
import { previewStory } from '../../src/main/publish/preview'
import type { Library } from '../../src/main/library'
import { storySchema, type Story } from '../../src/shared/story'
import { useTempLibraries } from '../library-fixture'
import { bundleChild } from './bundle'
import { GuardedWire } from './guarded-wire'
import { generatedHostileFiles, hostileFiles, hostileStoryFields, pageProblems } from './hostile'

const MARKERS = /__pwned|alert\(|attacker\.invalid|javascript:|vbscript:|data:text/i

/** Every address a stored story carries (links in the body, related stories, pictures). */
function addressesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => addressesIn(v, found))
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (['url', 'href', 'uri', 'src'].includes(key) && typeof v === 'string') found.push(v)
      else addressesIn(v, found)
    }
  }
  return found
}

/** Text nodes carry no styling from outside: Lexical would apply it as inline CSS in the editor. */
function stylesIn(story: Story): string[] {
  const styles: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { style?: unknown; children?: unknown[] }
    if (typeof n.style === 'string' && n.style) styles.push(n.style)
    n.children?.forEach(walk)
  }
  walk(story.body.root)
  return styles
}

let tried = 0
const workDir = mkdtempSync(join(tmpdir(), 'copydesk-hostile-'))
const exportDir = join(workDir, 'export')
let wire: GuardedWire
beforeAll(async () => {
  // The bombs are megabytes: a loaded machine may take many seconds over an honest one, while a
  // quadratic or looping reader takes hours. The bound sits between the two.
  wire = new GuardedWire(await bundleChild('test/reliability/children/wire-worker.ts', workDir), 90_000)
})
afterAll(() => {
  wire.close()
  rmSync(workDir, { recursive: true, force: true })
  console.log(`hostile corpus: ${tried} hostile inputs tried through import, store and export`)
})

/** Export a story every way the app can, and return every page and file written. */
async function exportEveryWay(library: Library, id: number): Promise<{ name: string; text: string }[]> {
  const outputs: { name: string; text: string }[] = [
    { name: 'preview', text: (await previewStory(library.db, id)).html },
  ]
  for (const [format, singleFile] of [
    ['html', true],
    ['html', false],
    ['ninjs', false],
  ] as const) {
    const outDir = join(exportDir, `${id}-${format}-${singleFile}-${tried}`)
    const { results } = await call(library, 'story:export', { ids: [id], outDir, format, singleFile })
    expect(results[0], `export ${format}`).toMatchObject({ ok: true })
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .map((file) => join(outDir, file))
      .filter((file) => statSync(file).isFile())
    for (const file of files)
      outputs.push({ name: `${format}${singleFile ? ' single-file' : ''}: ${file}`, text: readFileSync(file, 'utf8') })
  }
  return outputs
}

function checkOutputs(outputs: { name: string; text: string }[]): void {
  for (const { name, text } of outputs) {
    if (name.endsWith('.json')) {
      // ninjs: addresses a syndication partner would follow must be web addresses.
      const addresses = addressesIn(JSON.parse(text))
      expect(
        addresses.filter((a) => !/^(https?:|urn:|mailto:|data:image\/)/i.test(a)),
        name,
      ).toEqual([])
      continue
    }
    expect(pageProblems(text), name).toEqual([])
  }
}

describe('the hostile corpus through import, the library and export', () => {
  const libraries = useTempLibraries()

  /** Import in the guarded worker (a file that hangs the importer is stopped and reported), then look. */
  async function importGuarded(name: string, bytes: Uint8Array) {
    const file = join(libraries.dir(), 'library.sqlite')
    const reply = await wire.read(name, bytes, file)
    tried++
    const { outcome } = reply
    expect(outcome.kind, `${name}: ${outcome.kind === 'draft' ? '' : outcome.message}`).not.toMatch(/hang|crash/)
    return { library: libraries.open(file), results: 'results' in reply ? reply.results! : [] }
  }

  it.each(hostileFiles().map((file) => [file.name, file] as const))(
    '%s',
    async (_name, file) => {
      const { library, results } = await importGuarded(file.name, file.bytes)
      expect(({} as { polluted?: unknown; isAdmin?: unknown }).polluted).toBeUndefined()
      expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined()
      if (file.expect !== 'imported') {
        expect(results).toHaveLength(1)
        expect(results[0]!.ok).toBe(false)
        expect(results[0]!.error).toMatch(file.expect.refused)
        // A clear reason, not a crash's message.
        expect(results[0]!.error).not.toMatch(/^it could not be imported/)
        return
      }
      expect(results.length).toBeGreaterThan(0)
      for (const result of results) {
        expect(result, JSON.stringify(result)).toMatchObject({ ok: true })
        const story = call(library, 'story:get', { id: result.id! })
        // What was stored is a story and nothing else: known node types, safe links only.
        expect(storySchema.safeParse(story).success).toBe(true)
        expect(addressesIn(story).filter((a) => !/^(https?:|mailto:)/i.test(a))).toEqual([])
        expect(stylesIn(story)).toEqual([])
        checkOutputs(await exportEveryWay(library, story.id))
      }
    },
    120_000,
  )

  it.each(generatedHostileFiles().map((file) => [file.name, file] as const))(
    '%s (built on the spot)',
    async (_name, file) => {
      const { library, results } = await importGuarded(file.name, file.bytes)
      for (const result of results) {
        if (!result.ok) {
          // Refused is fine, for a reason an editor can read; a crash's message is not.
          expect(result.error, result.error).not.toMatch(
            /^it could not be imported|Maximum call stack|undefined|\[object /,
          )
          continue
        }
        const story = call(library, 'story:get', { id: result.id! })
        expect(addressesIn(story).filter((a) => !/^(https?:|mailto:)/i.test(a))).toEqual([])
        expect(pageProblems((await previewStory(library.db, story.id)).html)).toEqual([])
      }
    },
    180_000,
  )

  it('a story typed or pasted full of markup exports as words', async () => {
    const library = libraries.open()
    const reply = await dispatch(library, 'story:create', hostileStoryFields())
    tried++
    expect(reply.ok, JSON.stringify(reply)).toBe(true)
    const story = (reply as { value: Story }).value
    const outputs = await exportEveryWay(library, story.id)
    checkOutputs(outputs)
    // The words survive, as words: the page shows "<script>" to the reader rather than running it.
    const preview = outputs[0]!.text
    expect(preview).toContain('&lt;script&gt;window.__pwned=')
    expect(preview).not.toMatch(/<script>window\.__pwned/)
  })

  it('refuses links, pictures and related addresses that are not web addresses, whoever sends them', async () => {
    const library = libraries.open()
    const link = (url: string) => ({
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'x' }] }] }],
      },
    })
    const refused = [
      { body: link('javascript:alert(1)') },
      { body: link(' javascript:alert(1)') },
      { body: link('data:text/html,<script>alert(1)</script>') },
      { body: link('vbscript:msgbox(1)') },
      { body: link('file:///etc/passwd') },
      { related: [{ headline: 'x', url: 'javascript:alert(1)' }] },
      { related: [{ headline: 'x', url: 'data:text/html,x' }] },
      { body: { root: { type: 'root', children: [{ type: 'html', html: '<script>alert(1)</script>' }] } } },
      {
        body: {
          root: {
            type: 'root',
            children: [{ type: 'paragraph', children: [{ type: 'iframe', src: 'https://attacker.invalid' }] }],
          },
        },
      },
    ]
    for (const fields of refused) {
      tried++
      const reply = await dispatch(library, 'story:create', fields)
      expect(reply, JSON.stringify(fields)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
  })

  it('refuses an SVG (it can carry script) as a picture', async () => {
    const library = libraries.open()
    const svg = hostileFiles().find((file) => file.name.endsWith('.svg'))!
    tried++
    const reply = await dispatch(library, 'media:add', { name: 'logo.svg', data: svg.bytes })
    expect(JSON.stringify(reply)).toMatch(/"ok":false.*"message":"logo\.svg was not added: it is an SVG drawing/)
    expect(library.db.prepare('SELECT count(*) AS n FROM media_part').get()).toEqual({ n: 0 })
  })

  it('the page inspection itself finds what it is meant to find', () => {
    const bad = [
      '<p onclick="x()">a</p>',
      '<a href="javascript:alert(1)">a</a>',
      '<a href=" java\tscript:alert(1)">a</a>',
      '<img src="data:text/html,<script>">',
      '<script>alert(1)</script>',
      '<iframe src="https://example.org"></iframe>',
      '<div style="background:url(https://attacker.invalid/x)">a</div>',
      '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>',
      '<svg><script>alert(1)</script></svg>',
      '<meta http-equiv="refresh" content="0;url=https://attacker.invalid">',
    ]
    for (const html of bad) expect(pageProblems(html), html).not.toEqual([])
    expect(
      pageProblems(
        '<p>A <a href="https://example.org/x">link</a> <img src="images/a.jpg" alt="&lt;script&gt;"> <img src="data:image/png;base64,iVBORw0KGgo="></p><script type="application/ld+json">{"headline":"\\u003cscript\\u003e"}</script>',
      ),
    ).toEqual([])
    expect(MARKERS.test('javascript:')).toBe(true)
  })
})
