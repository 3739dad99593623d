import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_WIRE_FILE_BYTES } from '../../src/shared/wire'
import { bundleChild, childEnv, repoRoot } from './bundle'

/**
 * #24.5: "19 MB of 2.5 million paragraphs peaks at 1.65 GB before being refused". Each reader built
 * every paragraph (and the XML and HTML readers every element) of a file before the blocks limit
 * refused the story, so a file under the 20 MB limit ran a 512 MB heap out of memory. Each file here
 * is imported in a child process with a 256 MB heap: the import must answer, naming the file and
 * the limit, and store nothing. (Before the fix each child died with "JavaScript heap out of memory".)
 */

const HEAP_MB = 256
let dir: string
let child: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-import-heap-'))
  child = await bundleChild('test/reliability/children/import-one.ts', dir)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** As many paragraphs as fit in 19 MB, each a few characters: the most a file under the limit can carry. */
function fill(make: (paragraphs: string) => string, paragraph: (k: number) => string, separator: string): string {
  const target = 19 * 1024 * 1024
  const parts: string[] = []
  let size = make('').length
  for (let k = 0; size < target; k++) {
    const p = paragraph(k)
    parts.push(p)
    size += p.length + separator.length
  }
  return make(parts.join(separator))
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const g2 = readFileSync(join(repoRoot, 'test/fixtures/wire/newsml-g2/escaped-inline.xml'), 'utf8')

// prettier-ignore
const files: [name: string, text: () => string][] = [
  ['flood.txt', () => fill((p) => `FLOOD WARNING\n\n${p}`, (k) => `P${k % 10}.`, '\n\n')],
  ['flood.json', () => fill((p) => JSON.stringify({ uri: 'urn:x', type: 'text', headline: 'Flood', body_html: p }), (k) => `<p>P${k % 10}</p>`, '')],
  ['flood-nitf.xml', () => fill((p) => `<?xml version="1.0"?><nitf><head><title>Flood</title></head><body><body.content>${p}</body.content></body></nitf>`, (k) => `<p>P${k % 10}</p>`, '')],
  ['flood-g2.xml', () => fill((p) => g2.replace(/(<inlineXML[^>]*>)[\s\S]*?(<\/inlineXML>)/, (_m, open: string, close: string) => open + p + close), (k) => escape(`<p>P${k % 10}</p>`), '')],
  ['flood-7901.txt', () => fill((p) => `\x01abc017 3 i 152 bbbbb   dpa 042\r\n\r\nFlood/\r\n\x02Flood warning =\r\n\r\n${p}\r\n\x03`, (k) => `   P${k % 10}.`, '\r\n\r\n')],
]

describe('a wire file of millions of short paragraphs, read under a small heap', () => {
  it.each(files)(
    '%s is refused in words naming the file and the limit, not an out-of-memory crash',
    (name, text) => {
      const file = join(dir, name)
      const bytes = Buffer.from(text())
      expect(bytes.length).toBeGreaterThan(18 * 1024 * 1024)
      expect(bytes.length).toBeLessThanOrEqual(MAX_WIRE_FILE_BYTES)
      writeFileSync(file, bytes)
      const run = spawnSync(
        process.execPath,
        [`--max-old-space-size=${HEAP_MB}`, child, join(dir, `${name}.sqlite`), file],
        { env: childEnv, encoding: 'utf8', timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      )
      expect(run.stderr).not.toMatch(/heap out of memory/i)
      expect(run.status, run.stderr.slice(0, 2000)).toBe(0)
      const { results, stories } = JSON.parse(run.stdout) as {
        results: { file: string; ok: boolean; error?: string }[]
        stories: number
      }
      expect(results).toHaveLength(1)
      expect(results[0]).toMatchObject({ file: name, ok: false })
      expect(results[0]!.error).toMatch(/more than [\d,]+ (paragraphs|elements of markup|lines)/)
      expect(results[0]!.error).toMatch(/a story holds at most 20,000 blocks/)
      expect(results[0]!.error).not.toMatch(/internal|heap|stack/i)
      expect(stories).toBe(0)
      rmSync(file)
    },
    300_000,
  )
})
