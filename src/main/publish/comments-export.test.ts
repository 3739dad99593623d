import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { commentedBody, LEAK_WORDS } from '@test/fixtures/comments/stories'
import { create } from '@test/fixtures/export/stories'
import { call } from '../api'
import { openComments } from '../../shared/comments'

const libraries = useTempLibraries()

/** Every file an export wrote, as bytes decoded (pages, ninjs, whatever else). */
function writtenText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('utf8'))
    .join('\n')
}

/** No word, author or id of any comment, and no mark element or class, in what left the app. */
function expectNoTrace(bytes: string) {
  for (const word of LEAK_WORDS) expect(bytes).not.toContain(word)
  expect(bytes).not.toContain('cmt-')
  expect(bytes).not.toMatch(/<mark\b/i)
  expect(bytes).not.toMatch(/\bcomment/i)
  // The words the comments were on are published as the story's own.
  expect(bytes).toContain('fell 3 per cent')
  expect(bytes).toContain('Schools reopen on Monday')
}

// Open comments hold a story at the preflight (docs/preflight.md): exported here on purpose, with the reason.
const HELD = { override: { reason: 'the test exports a story with open comments on purpose' } }

function story() {
  const library = libraries.open()
  const saved = create(library, { headline: 'Sales fall at the harbour shop', body: commentedBody() })
  // The comments were saved: the export test would prove nothing if they had been dropped at the door.
  expect(openComments(saved.body)).toBe(3)
  return { library, saved, out: join(libraries.dir(), 'export') }
}

describe('comments never publish', () => {
  it('an HTML export (folder and single file) carries no trace of them', async () => {
    const { library, saved, out } = story()
    for (const singleFile of [false, true]) {
      const dir = join(out, singleFile ? 'single' : 'folder')
      const { results } = await call(library, 'story:export', { ids: [saved.id], outDir: dir, singleFile, ...HELD })
      expect(results[0]!.ok).toBe(true)
      expectNoTrace(writtenText(dir))
    }
  })

  it('a ninjs export carries no trace of them', async () => {
    const { library, saved, out } = story()
    const { results } = await call(library, 'story:export', { ids: [saved.id], outDir: out, format: 'ninjs', ...HELD })
    expect(results[0]!.ok).toBe(true)
    const bytes = writtenText(out)
    expectNoTrace(bytes)
    // The plain-text body (ninjs bodies) keeps the words too.
    expect(bytes).toContain('Ask the council why.')
  })

  it('the preview carries no trace of them', async () => {
    const { library, saved } = story()
    expectNoTrace((await call(library, 'story:preview', { id: saved.id })).html)
  })
})
