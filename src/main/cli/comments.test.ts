import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { commentedBody } from '@test/fixtures/comments/stories'
import { bodyFromParagraphs } from '../../shared/body'
import { openLibrary } from '../library'
import { createStory } from '../library/stories'
import { commentsReport } from './comments'
import { runCli } from './run'

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env })
  return { code, stdout, stderr }
}

describe('copydesk comments', () => {
  const libraries = useTempLibraries()

  it('lists a story’s comments, open first, with the words they are on and every reply', async () => {
    const file = join(libraries.dir(), 'desk.sqlite')
    const library = openLibrary(file)
    const story = createStory(library.db, { headline: 'Harbour shop', body: commentedBody() })
    const plain = createStory(library.db, { headline: 'Plain', body: bodyFromParagraphs(['No notes.']) })
    library.close()
    const env = { COPYDESK_LIBRARY: file }

    const text = await run(['comments', String(story.id)], env)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^open {6}“fell 3 per cent”\n {2}Quillfeather \(2026-11-30 09:00\): Check the figure/)
    expect(text.stdout).toContain('  ↳ Obsidian-llama Desk (2026-11-30 09:01): Done: it is 3.1')
    expect(text.stdout).toMatch(/resolved by Quillfeather {2}“Schools reopen on Monday”/)
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('3 open, 1 resolved')

    const json = JSON.parse((await run(['comments', String(story.id), '--json'], env)).stdout) as ReturnType<
      typeof commentsReport
    >
    expect(json.open).toBe(3)
    expect(json.threads.map((t) => t.words)).toEqual([
      'fell 3 per cent',
      'council',
      'Schools reopen on Monday',
      'Monday',
    ])
    expect((await run(['comments', String(plain.id)], env)).stdout).toBe('No comments.\n')
    expect((await run(['comments'], env)).code).toBe(2)
  })
})
