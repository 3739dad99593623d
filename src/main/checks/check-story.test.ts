import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import { call, dispatch } from '../api'
import { HEADLINE_MAX_LENGTH_KEY } from '../library/check-options'
import { runCli } from '../cli/run'
import { openLibrary } from '../library'
import { writeSetting } from '../library/settings'
import { createStory } from '../library/stories'
import { addHouseWords } from '../library/dictionary'

const slipped = {
  headline: 'Ukraine gets more 44 billion dollars in aid from US',
  bylines: [{ name: 'Press Association', kind: 'agency' as const }],
  dateline: { place: 'KYIV' },
  body: bodyFromParagraphs([
    'Mr posted on X that support would continue.',
    '“We count on your support,“ Mr Zelensky said.',
  ]),
}

describe('copy-desk checks through the api and the CLI', () => {
  const libraries = useTempLibraries()

  it('story:check finds the slips in the saved story, with the house headline length from settings', async () => {
    const library = libraries.open()
    const story = call(library, 'story:create', slipped)
    // The desk's own name for the president: spelling has nothing to say about this story.
    addHouseWords(library.db, [{ word: 'Zelensky', note: '' }])
    const rules = async () => (await call(library, 'story:check', { id: story.id })).findings.map((f) => f.rule)
    expect(await rules()).toEqual(['comparison-without-than', 'honorific-without-name', 'unpaired-quote'])
    expect(call(library, 'checks:options', {})).toEqual({
      headlineMaxLength: 80,
      typography: true,
      dash: 'en',
      language: 'en-GB',
      placeholderWords: ['TK', 'TKTK', 'TKTKTK'],
    })

    writeSetting(library.db, HEADLINE_MAX_LENGTH_KEY, 40)
    expect(call(library, 'checks:options', {})).toMatchObject({ headlineMaxLength: 40 })
    expect(await rules()).toEqual([
      'comparison-without-than',
      'headline-length',
      'honorific-without-name',
      'unpaired-quote',
    ])
    writeSetting(library.db, HEADLINE_MAX_LENGTH_KEY, 'very long')
    expect(call(library, 'checks:options', {})).toMatchObject({ headlineMaxLength: 80 })
    expect(await dispatch(library, 'story:check', { id: 404 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('story:check sets straight quotes right in the story language, and not at all when the house says so', async () => {
    const library = libraries.open()
    const quoted = { headline: 'Streik', bylines: slipped.bylines, dateline: slipped.dateline }
    const german = call(library, 'story:create', {
      ...quoted,
      language: 'de',
      body: bodyFromParagraphs(['Er sagte "ja".']),
    })
    const english = call(library, 'story:create', { ...quoted, body: bodyFromParagraphs(['He said "yes".']) })
    const fixes = async (id: number) =>
      (await call(library, 'story:check', { id })).findings
        .filter((f) => f.rule === 'straight-quotes')
        .map((f) => f.fix?.replacement)
    expect(await fixes(german.id)).toEqual(['„ja“.'])
    expect(await fixes(english.id)).toEqual(['“yes”.'])
    // The editor's spelling language is the story's language for the quotes too.
    call(library, 'spelling:story-set', { id: english.id, language: 'fr' })
    expect(await fixes(english.id)).toEqual(['«\u202Fyes\u202F».'])
    call(library, 'settings:set', { typography: false })
    expect(await fixes(german.id)).toEqual([])
    expect(call(library, 'checks:options', {})).toMatchObject({ typography: false })
  })

  it('the revision channels validate their input and name what is missing', async () => {
    const library = libraries.open()
    const story = call(library, 'story:create', slipped)
    expect(call(library, 'story:revisions', { id: story.id }).revisions).toMatchObject([
      { revision: 1, reason: 'create', current: true },
    ])
    const reply = await dispatch(library, 'story:restore', { id: story.id, revision: 1 })
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'expectedRevision' }] } })
    expect(call(library, 'story:revision-diff', { id: story.id, revision: 1 }).fields).toEqual([])
  })

  it('copydesk check ID prints the findings, as JSON with --json, and exits 0 whatever they are', async () => {
    const file = join(libraries.dir(), 'desk.sqlite')
    const library = openLibrary(file)
    addHouseWords(library.db, [{ word: 'Zelensky', note: '' }])
    const story = createStory(library.db, slipped)
    const clean = createStory(library.db, {
      ...slipped,
      headline: 'Aid for Ukraine',
      body: bodyFromParagraphs(['Support will continue.']),
    })
    library.close()
    const run = async (...argv: string[]) => {
      let stdout = ''
      let stderr = ''
      const code = await runCli(['--library', file, ...argv], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: {},
      })
      return { code, stdout, stderr }
    }

    const json = await run('check', String(story.id), '--json')
    expect(json.code).toBe(0)
    const printed = JSON.parse(json.stdout) as { findings: { rule: string; excerpt: string; where: object }[] }
    expect(printed.findings.map((f) => [f.rule, f.excerpt])).toEqual([
      ['comparison-without-than', 'more 44 billion'],
      ['honorific-without-name', 'Mr posted'],
      ['unpaired-quote', '“We count on your support,“'],
    ])
    expect(printed.findings[1]).toEqual({
      rule: 'honorific-without-name',
      severity: 'warning',
      message: '"Mr" is not followed by a name.',
      excerpt: 'Mr posted',
      where: { field: 'body', block: 0, offset: 0, length: 9 },
    })

    const text = await run('check', String(story.id))
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('body ¶1 @0')
    expect(text.stdout).toContain('«Mr posted»')
    expect(text.stdout).toMatch(/3 findings \(0 errors\)\n$/)
    expect((await run('check', String(clean.id))).stdout).toBe('No findings: the checks found nothing to fix.\n')
    expect((await run('check')).code).toBe(2)
    expect(await run('check', '999')).toMatchObject({
      code: 1,
      stderr: 'copydesk: there is no story 999 in the library\n',
    })
  })
})
