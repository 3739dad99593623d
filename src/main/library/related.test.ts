import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { bodyFromParagraphs } from '../../shared/body'
import { ApiError } from '../../shared/errors'
import type { StoryFields } from '../../shared/story'
import { call } from '../api'
import { runCli } from '../cli/run'
import type { Db } from './open'
import { distinctiveTerms, documentCounts, lookupRelated, matchRelatedHeadline, suggestRelated } from './related'
import { restoreRevision } from './revisions'
import { createStory, deleteStory, getStory, saveStory } from './stories'
import { contentTerms, countTerms, type TermCount } from './terms'
import { readSnapshot } from './revision-log'

const samples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/samples')
const seedSample = resolve(samples, '000_30a9b267f3936a89.txt')

const story = (headline: string, standfirst: string, ...paragraphs: string[]): Partial<StoryFields> => ({
  headline,
  standfirst,
  body: bodyFromParagraphs(paragraphs),
})

/** A small desk's library: two stories on the Kyiv visit's people and places, and the day's other news. */
function kyivDesk(db: Db) {
  const visit = createStory(
    db,
    story(
      'Defence secretary Lloyd Austin visits Kyiv to pledge more air defence',
      'The Pentagon chief met Volodymyr Zelensky and Rustem Umerov on an unannounced trip.',
      'Lloyd Austin arrived in Kyiv by overnight train from Poland, his second visit since the invasion began.',
      'He met President Volodymyr Zelensky and the defence minister, Rustem Umerov, and promised more air defence systems before winter.',
      'Mr Zelensky called the visit an important signal. Mr Umerov said Ukraine needed shells as much as missiles.',
    ),
  )
  const umerov = createStory(
    db,
    story(
      'Umerov presses allies for shells at Brussels meeting',
      'Ukraine’s defence minister says Kyiv cannot wait for spring deliveries.',
      'Rustem Umerov told allied ministers in Brussels that Kyiv needs artillery shells and air defence now.',
      'Lloyd Austin, chairing the meeting, said the coalition would keep supplies flowing to Ukraine.',
    ),
  )
  const zelensky = createStory(
    db,
    story(
      'Zelensky warns of winter strikes on the power grid',
      'The Ukrainian president asks partners to protect Kyiv’s power stations.',
      'Volodymyr Zelensky said Russia would again target Ukraine’s power grid as temperatures fall.',
      'In Kyiv, engineers are building concrete shelters around substations.',
    ),
  )
  const others = [
    story(
      'Flood barriers hold as the Ouse peaks in York',
      'Residents return home after the river crested overnight.',
      'The Environment Agency said the barriers in York held as the river reached 4.9 metres.',
      'Sandbags will stay in place until Friday, the council said, and schools reopen on Monday.',
    ),
    story(
      'Leeds council approves free school meals for all primary pupils',
      'The scheme will cost the city £9m a year.',
      'Councillors in Leeds voted to extend free meals to every primary school pupil from September.',
      'The council leader said the plan was paid for by savings in transport and a new business levy.',
    ),
    story(
      'Treasury defends winter fuel payment cuts',
      'Ministers say the savings will protect pensioners on the lowest incomes.',
      'The Chancellor told MPs the winter fuel payment would now go only to pensioners on pension credit.',
      'Charities warned that older people would choose between heating and eating this winter.',
    ),
    story(
      'Secretary of the sailing club visits every harbour on the coast',
      'A charity walk of 300 miles in aid of the lifeboats.',
      'The club secretary set off from Whitby on Monday and plans to reach Dover by the end of the month.',
    ),
  ].map((fields) => createStory(db, fields))
  return { visit, umerov, zelensky, others }
}

describe('related-story suggestions', () => {
  const libraries = useTempLibraries()

  it('rank stories about the same people and places above unrelated ones', () => {
    const { db } = libraries.open()
    const { visit, umerov, zelensky, others } = kyivDesk(db)

    const { items, terms } = suggestRelated(db, visit.id, 10)
    const ids = items.map((hit) => hit.id)
    expect(new Set(ids.slice(0, 2))).toEqual(new Set([umerov.id, zelensky.id]))
    for (const other of others) {
      const at = ids.indexOf(other.id)
      if (at >= 0) expect(at).toBeGreaterThan(1)
    }
    expect(ids).not.toContain(visit.id)
    // The words it was found by are the story's names, not its common words.
    expect(terms).toEqual(expect.arrayContaining(['umerov', 'kyiv', 'zelensky']))
    expect(terms).not.toContain('the')
    // Matched words are marked in the headline the panel shows.
    expect(items.find((hit) => hit.id === umerov.id)!.headlineMarked).toContain('\u0002Umerov\u0003')
  })

  it('leave out stories already in the related list', () => {
    const { db } = libraries.open()
    const { visit, umerov, zelensky } = kyivDesk(db)
    saveStory(db, {
      id: visit.id,
      expectedRevision: visit.revision,
      changes: { related: [{ headline: 'Umerov presses allies', storyId: umerov.id }] },
      reason: 'edit',
    })
    const ids = suggestRelated(db, visit.id, 10).items.map((hit) => hit.id)
    expect(ids).not.toContain(umerov.id)
    expect(ids[0]).toBe(zelensky.id)
  })

  it('pick each term by how rare it is in the library, not only by how often the story uses it', () => {
    const { db } = libraries.open()
    const target = createStory(
      db,
      story(
        'Minister meets minister',
        'The minister said the ministers agreed.',
        'The minister met Rustem Umerov. Another minister joined, and a third minister, and Umerov left.',
      ),
    )
    createStory(db, story('Umerov in Brussels', 'Talks on shells.', 'Rustem Umerov met allies.'))
    for (const town of ['Leeds', 'York', 'Hull', 'Derby', 'Bath']) {
      createStory(
        db,
        story(`Minister visits ${town}`, 'A minister on tour.', `The minister opened a school in ${town}.`),
      )
    }
    const picked = distinctiveTerms(db, getStory(db, target.id)).map((t) => t.term)
    // "minister": six times in the story, but in six stories of seven; "umerov": twice, in two.
    expect(picked[0]).toBe('umerov')
    expect(picked.indexOf('umerov')).toBeLessThan(picked.indexOf('minister'))
  })

  it('suggest nothing rather than noise for a story that shares no words with the library', () => {
    const { db } = libraries.open()
    kyivDesk(db)
    const lone = createStory(
      db,
      story('Quokka census', 'Rottnest rangers count marsupials.', 'Rangers tallied quokkas.'),
    )
    expect(suggestRelated(db, lone.id, 5)).toEqual({ terms: [], items: [] })
  })

  it('come through the api door, which refuses a story that does not exist', () => {
    const library = libraries.open()
    const { visit, umerov } = kyivDesk(library.db)
    expect(call(library, 'related:suggest', { id: visit.id, limit: 1 }).items.map((h) => h.id)).toEqual([
      expect.any(Number),
    ])
    expect(call(library, 'related:suggest', { id: visit.id }).items.map((h) => h.id)).toContain(umerov.id)
    expect(() => call(library, 'related:suggest', { id: 999 })).toThrow(/there is no story 999/)
    expect(() => call(library, 'related:suggest', { id: visit.id, limit: 0 })).toThrow(ApiError)
  })
})

describe('terms as the index sees them', () => {
  const libraries = useTempLibraries()

  it('fold case and accents the way the search index does, so every word of a story is found in it', () => {
    const { db } = libraries.open()
    const text = 'Café owners in Kraków and São Paulo quote Zelenskyy’s “straße” NATO-led Ærø 2026 résumé naïve'
    createStory(db, { headline: text })
    const terms = contentTerms(text)
    expect(terms).toEqual(
      expect.arrayContaining(['cafe', 'krakow', 'sao', 'paulo', 'zelenskyy', 'nato', 'resume', 'naive']),
    )
    const counts = documentCounts(db, terms)
    expect(terms.filter((term) => counts.get(term) !== 1)).toEqual([])
  })

  it('count a capitalised word in mid-sentence as a name, and not one that starts a sentence', () => {
    const counts = new Map<string, TermCount>()
    countTerms('Officials met Umerov. Officials left. “Talks went well,” Umerov said.', 1, counts)
    expect(counts.get('umerov')).toEqual({ weight: 4, name: true })
    expect(counts.get('officials')).toEqual({ weight: 2, name: false })
    expect(counts.get('talks')).toEqual({ weight: 1, name: false })
    expect(counts.has('said')).toBe(false)
  })
})

describe('matching a wire headline to a library story', () => {
  const libraries = useTempLibraries()

  it('offers the library story that shares the headline’s rare words, and not one that shares a single word', () => {
    const { db } = libraries.open()
    const { visit, umerov, others } = kyivDesk(db)
    const hits = matchRelatedHeadline(db, 'Ukraine’s defence minister Umerov asks Brussels allies for shells', {
      excludeId: visit.id,
      limit: 4,
    })
    expect(hits[0]!.id).toBe(umerov.id)
    expect(hits[0]!.headlineMarked).toContain('\u0002Umerov\u0003')
    expect(hits.map((h) => h.id)).not.toContain(visit.id)
    // "council" alone is in two stories: a shared common word is not a match.
    expect(matchRelatedHeadline(db, 'Council elections postponed in Belfast', { limit: 4 })).toEqual([])
    expect(others).toHaveLength(4)
  })

  it('offers the story for a related headline that came with the seed sample’s wire copy', async (context) => {
    if (!existsSync(seedSample)) return context.skip('the seed sample (../shared/samples) is not on this machine')
    const { importWireFiles } = await import('../intake/import-wire')
    const library = libraries.open()
    const { db } = library
    // Our own story about the subject of one of the sample's "Latest World News" headlines.
    const lePen = createStory(
      db,
      story(
        'Marine Le Pen to appeal against election ban',
        'The far-right leader says the embezzlement ruling will not end her campaign.',
        'Marine Le Pen told supporters in Paris she would fight the ban on standing for office.',
      ),
    )
    const [result] = importWireFiles(library, [{ name: 'seed.txt', bytes: readFileSync(seedSample) }])
    expect(result).toMatchObject({ ok: true })
    const imported = getStory(db, (result as { id: number }).id)
    const unresolved = imported.related.filter((entry) => entry.storyId === undefined && entry.url === undefined)
    expect(unresolved.length).toBeGreaterThan(3)
    const lePenHeadline = unresolved.find((entry) => /Le Pen/.test(entry.headline))
    expect(lePenHeadline).toBeDefined()
    const hits = call(library, 'related:match', { headline: lePenHeadline!.headline, excludeId: imported.id })
    expect(hits.items.map((h) => h.id)).toEqual([lePen.id])
  })
})

describe('related entries as stored', () => {
  const libraries = useTempLibraries()

  it('keep their order through saves, revisions and a restore', () => {
    const { db } = libraries.open()
    const { visit, umerov, zelensky } = kyivDesk(db)
    const first = [
      { headline: 'Umerov presses allies for shells', storyId: umerov.id },
      { headline: 'Explainer: what air defence Ukraine has', url: 'https://example.org/explainers/air-defence' },
      { headline: 'Latest world news from the wire' },
      { headline: 'Zelensky warns of winter strikes', storyId: zelensky.id },
    ]
    const saved = saveStory(db, { id: visit.id, expectedRevision: 1, changes: { related: first }, reason: 'edit' })
    const reordered = [first[3]!, first[0]!, first[2]!, first[1]!]
    const later = saveStory(db, {
      id: visit.id,
      expectedRevision: saved.revision,
      changes: { related: reordered },
      reason: 'edit',
    })

    expect(getStory(db, visit.id).related).toEqual(reordered)
    const snapshot = (revision: number) => readSnapshot(db, visit.id, revision)!
    expect(snapshot(saved.revision).related).toEqual(first)
    expect(snapshot(later.revision).related).toEqual(reordered)

    const restored = restoreRevision(db, { id: visit.id, revision: saved.revision, expectedRevision: later.revision })
    expect(restored.related).toEqual(first)
    expect(getStory(db, visit.id).related).toEqual(first)
  })

  it('are printed in order by `copydesk show --json`', () => {
    const library = libraries.open()
    const { visit, umerov } = kyivDesk(library.db)
    const related = [
      { headline: 'Background: the front line', url: 'https://example.org/front-line' },
      { headline: 'Umerov presses allies for shells', storyId: umerov.id },
    ]
    saveStory(library.db, { id: visit.id, expectedRevision: 1, changes: { related }, reason: 'edit' })
    const file = library.file
    library.close()
    let out = ''
    const code = runCli(['--library', file, 'show', String(visit.id), '--json'], {
      stdout: (text) => (out += text),
      stderr: () => {},
      env: {},
    })
    expect(code).toBe(0)
    expect((JSON.parse(out) as { related: unknown }).related).toEqual(related)
  })

  it('refuse a related link that is not http or https, naming the field', () => {
    const library = libraries.open()
    const { visit } = kyivDesk(library.db)
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<b>x</b>',
      'ftp://example.org/a',
      'not a url',
    ]) {
      let error: unknown
      try {
        call(library, 'story:save', {
          id: visit.id,
          expectedRevision: 1,
          changes: { related: [{ headline: 'Bad link', url }] },
        })
      } catch (e) {
        error = e
      }
      expect(error, url).toBeInstanceOf(ApiError)
      expect((error as ApiError).code).toBe('invalid-input')
      expect((error as ApiError).message).toMatch(/changes\.related\.0\.url: only http and https links are accepted/)
    }
    expect(getStory(library.db, visit.id).revision).toBe(1)
  })
})

describe('looking up linked stories', () => {
  const libraries = useTempLibraries()

  it('gives status and date, says when a story is gone or no longer published', () => {
    const { db } = libraries.open()
    const live = createStory(db, {
      headline: 'Published piece',
      status: 'published',
      dateline: { date: '2026-11-20T09:30' },
    })
    const pulled = createStory(db, { headline: 'Pulled piece', status: 'published' })
    saveStory(db, { id: pulled.id, expectedRevision: 1, changes: { status: 'editing' }, reason: 'status' })
    const draft = createStory(db, { headline: 'Draft piece' })
    const gone = createStory(db, { headline: 'Deleted piece' })
    deleteStory(db, gone.id)

    const items = lookupRelated(db, [gone.id, live.id, pulled.id, draft.id])
    expect(items.map((item) => item.id)).toEqual([gone.id, live.id, pulled.id, draft.id])
    expect(items[0]).toEqual({ id: gone.id, found: false })
    expect(items[1]).toMatchObject({ found: true, status: 'published', date: '2026-11-20T09:30', unpublished: false })
    expect(items[2]).toMatchObject({ found: true, status: 'editing', headline: 'Pulled piece', unpublished: true })
    // A draft that was never published is work in progress, not "unpublished".
    expect(items[3]).toMatchObject({ found: true, status: 'draft', date: null, unpublished: false })
  })
})
