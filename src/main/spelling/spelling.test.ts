import { describe, expect, it } from 'vitest'
import { SpellChecker } from '../../shared/spelling/checker'
import { HouseWords } from '../../shared/spelling/house-words'
import { dictionaryIds, type DictionaryId } from '../../shared/spelling/languages'
import { nodeDictionary, nodeSpellChecker } from '.'

/** A paragraph of plain copy in each bundled language, with the words slipped in it. */
const paragraphs: Record<DictionaryId, { text: string; wrong: string[] }> = {
  'en-GB': {
    text: 'The defence secretary travelled to the capital by train, where he recieved a warm welcome and discused the programme of support.',
    wrong: ['recieved', 'discused'],
  },
  'en-US': {
    text: 'The defense secretary traveled to the capital by train, where he recieved a warm welcome and discused the program of support.',
    wrong: ['recieved', 'discused'],
  },
  de: {
    text: 'Der Verteidigungsminister reiste mit dem Zug in die Hauptstadt, wo er herzlich empfangen wurde und über die Unterstüzung sprach, die er versprochn hatte.',
    wrong: ['Unterstüzung', 'versprochn'],
  },
  fr: {
    text: 'Le ministre de la Défense est arrivé en train dans la capitale, où il a été accueilli chaleureusement et a discuté du soutein promis par le gouvernment.',
    wrong: ['soutein', 'gouvernment'],
  },
  es: {
    text: 'El ministro de Defensa llegó en tren a la capital, donde fue recibido con calidez y habló del apollo prometido por el gobierrno.',
    wrong: ['apollo', 'gobierrno'],
  },
  sv: {
    text: 'Försvarsministern reste med tåg till huvudstaden, där han togs emot varmt och talade om stödet som regerningen har lovat att fortsäta.',
    wrong: ['regerningen', 'fortsäta'],
  },
}

describe('spelling in each bundled language', () => {
  for (const id of dictionaryIds) {
    it(`finds exactly the slips in a ${id} paragraph, and suggests the right word`, { timeout: 60_000 }, async () => {
      const checker = (await nodeSpellChecker(id, []))!
      const { text, wrong } = paragraphs[id]
      const found = checker.misspellings(text)
      expect(found.map((m) => m.word)).toEqual(wrong)
      for (const m of found) expect(text.slice(m.offset, m.offset + m.length)).toBe(m.word)
    })
  }

  it('a name is not split into two words, nor given a sure fix', async () => {
    const checker = (await nodeSpellChecker('en-GB', []))!
    expect(checker.suggest('Kyiv').filter((s) => /[\s-]/.test(s))).toEqual([])
    const { spellingFindings } = await import('../../shared/spelling/findings')
    const runs = [{ where: { field: 'headline' as const }, text: 'Kyiv recieved aid' }]
    expect(spellingFindings(runs, checker, { suggestFor: 5 }).map((f) => [f.excerpt, f.fix?.replacement])).toEqual([
      ['Kyiv', undefined],
      ['recieved', 'received'],
    ])
  })

  it('suggests the word meant', async () => {
    const checker = (await nodeSpellChecker('en-GB', []))!
    expect(checker.suggest('recieved')).toContain('received')
    expect(checker.suggest('gouvernment')).not.toContain('gouvernment')
  })

  it('the British dictionary is used for British English, and the American one for en-US', async () => {
    expect((await nodeSpellChecker('en-GB', []))!.misspellings('The colour of the defence.')).toEqual([])
    expect(
      (await nodeSpellChecker('en-US', []))!.misspellings('The colour of the defence.').map((m) => m.word),
    ).toEqual(['colour', 'defence'])
    expect(await nodeSpellChecker('ja', [])).toBeNull()
  })
})

describe('house words', () => {
  const text =
    'Zelenskyy met Umerov and Zaluzhnyi; ZELENSKYY spoke first. Sportswashing was raised, and sportswashing again.'

  it('flags names the dictionary cannot know, and accepts them once the desk adds them', async () => {
    const bare = (await nodeSpellChecker('en-GB', []))!
    expect(bare.misspellings(text).map((m) => m.word)).toEqual(
      expect.arrayContaining(['Zelenskyy', 'Umerov', 'Zaluzhnyi', 'Sportswashing', 'sportswashing']),
    )
    const house = (await nodeSpellChecker('en-GB', ['Zelenskyy', 'Umerov', 'Zaluzhnyi', 'sportswashing']))!
    expect(house.misspellings(text)).toEqual([])
  })

  it('a name added with its capital is not accepted in lower case', async () => {
    const house = (await nodeSpellChecker('en-GB', ['Umerov']))!
    expect(house.misspellings('umerov').map((m) => m.word)).toEqual(['umerov'])
  })

  it('house words are suggested first for a near miss', async () => {
    const checker = new SpellChecker(await nodeDictionary('en-GB'), new HouseWords(['Zelenskyy']))
    expect(checker.suggest('Zelenskky')[0]).toBe('Zelenskyy')
    expect(checker.suggest('Zaluzhny', ['Zaluzhnyi'])[0]).toBe('Zaluzhnyi')
  })

  it('words let stand in a story are not flagged there', async () => {
    const checker = (await nodeSpellChecker('en-GB', []))!
    expect(checker.misspellings('Umerov and Zaluzhnyi', new Set(['Umerov'])).map((m) => m.word)).toEqual(['Zaluzhnyi'])
  })

  it('passes over numbers, addresses, abbreviations and curly apostrophes', async () => {
    const checker = (await nodeSpellChecker('en-GB', []))!
    const copy =
      'The A380 and 4G masts, see www.example.com or desk@example.com, said the UNHCR; it’s the minister’s view, London-bound.'
    expect(checker.misspellings(copy)).toEqual([])
  })
})
