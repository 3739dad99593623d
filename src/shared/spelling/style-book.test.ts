import { describe, expect, it } from 'vitest'
import { bodyFromParagraphs } from '../body'
import { houseFindings } from './findings'
import { styleBreaches, type StyleEntry } from './style-book'

const book: StyleEntry[] = [
  { form: 'Kiev', preferred: 'Kyiv', note: 'The Ukrainian spelling, since 2019.' },
  { form: 'focussed', preferred: 'focused', note: '' },
  { form: 'percent', preferred: 'per cent', note: 'Two words.' },
  { form: 'Zelensky', preferred: 'Zelenskyy', note: '' },
  { form: 'NATO', preferred: 'Nato', note: 'An acronym said as a word.' },
  { form: 'slammed', preferred: '', note: 'Say criticised.' },
]

/** Apply every fix, last first, so earlier offsets hold. */
function fixAll(text: string): string {
  let out = text
  for (const b of styleBreaches(text, book).reverse())
    if (b.replacement !== null) out = out.slice(0, b.offset) + b.replacement + out.slice(b.offset + b.length)
  return out
}

describe('the style book', () => {
  it('finds each banned form as a whole word, in any case, and gives the preferred form', () => {
    const text =
      'In KIEV, Zelensky’s aides focussed on a 5 percent rise; Percent is up. NATO slammed it. Zelenskyy agreed.'
    expect(styleBreaches(text, book).map((b) => [b.found, b.replacement])).toEqual([
      ['KIEV', 'Kyiv'],
      ['Zelensky', 'Zelenskyy'],
      ['focussed', 'focused'],
      ['percent', 'per cent'],
      ['Percent', 'Per cent'],
      ['NATO', 'Nato'],
      ['slammed', null],
    ])
    expect(fixAll(text)).toBe(
      'In Kyiv, Zelenskyy’s aides focused on a 5 per cent rise; Per cent is up. Nato slammed it. Zelenskyy agreed.',
    )
  })

  it('leaves words that only contain a banned form, and text already in house style', () => {
    expect(styleBreaches('Kievan Rus, Zelenskyy, unfocussedness, Nato', book)).toEqual([])
  })

  it('matches a phrase across any spacing', () => {
    const phrases: StyleEntry[] = [{ form: 'per cent', preferred: '%', note: '' }]
    expect(styleBreaches('up 5 per\u00a0cent and 6 per  cent', phrases).map((b) => b.found)).toEqual([
      'per\u00a0cent',
      'per  cent',
    ])
  })

  it('reports a breach in every field where it appears, each with its fix', () => {
    const findings = houseFindings(
      {
        headline: 'Austin meets Zelensky in Kiev',
        standfirst: 'Zelensky asks for more',
        leadPicture: { alt: '', caption: 'Zelensky and Austin', credit: 'PA' },
        body: bodyFromParagraphs(['First.', 'Mr Zelensky said so.']),
      },
      null,
      book,
    )
    expect(findings.map((f) => [f.where, f.excerpt, f.fix?.replacement])).toEqual([
      [{ field: 'headline', offset: 13, length: 8 }, 'Zelensky', 'Zelenskyy'],
      [{ field: 'headline', offset: 25, length: 4 }, 'Kiev', 'Kyiv'],
      [{ field: 'standfirst', offset: 0, length: 8 }, 'Zelensky', 'Zelenskyy'],
      [{ field: 'body', block: 1, offset: 3, length: 8 }, 'Zelensky', 'Zelenskyy'],
      [{ field: 'picture' }, 'Zelensky', undefined],
    ])
    expect(findings[1]!.message).toBe('House style is “Kyiv”, not “Kiev”. The Ukrainian spelling, since 2019.')
    expect(findings[4]!.message).toContain('(in the caption)')
  })
})

describe('names among misspellings', () => {
  it('takes capitalised words where no sentence begins', async () => {
    const { namesAmong } = await import('./names')
    const text = 'Umerov met Zaluzhnyi and the recieved Budanov. Kyrylo spoke.'
    const m = (word: string) => ({ word, offset: text.indexOf(word), length: word.length })
    expect(namesAmong(text, [m('Umerov'), m('Zaluzhnyi'), m('recieved'), m('Budanov'), m('Kyrylo')])).toEqual([
      'Zaluzhnyi',
      'Budanov',
    ])
    expect(namesAmong(text, [m('Umerov'), m('recieved')], true)).toEqual(['Umerov'])
  })
})
