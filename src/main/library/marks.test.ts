import { describe, expect, it } from 'vitest'
import { MARK_END, MARK_START } from '../../shared/contract'
import { markText, snippetOf, termMatcher } from './marks'

const show = (text: string) => text.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']')

describe('marking matched words', () => {
  it('marks every word the query matches, by prefix for search and whole words for suggestions', () => {
    const prefix = termMatcher(['zelen', 'KYIV'], true)
    expect(show(markText('Zelensky and Zelenska in Kyiv; kyivan views', prefix))).toBe(
      '[Zelensky] and [Zelenska] in [Kyiv]; [kyivan] views',
    )
    expect(show(markText('Plan B for the bypass', termMatcher(['b'], true)))).toBe('Plan [B] for the bypass')
    const whole = termMatcher(['kyiv'], false)
    expect(show(markText('Kyiv, not Kyivan', whole))).toBe('[Kyiv], not Kyivan')
  })

  it('matches accents and case the way the index does', () => {
    expect(show(markText('Café owners in Kraków', termMatcher(['cafe', 'krakow'], false)))).toBe(
      '[Café] owners in [Kraków]',
    )
  })

  it('snips about twenty words from just before the first match, with ellipses where text was cut', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`)
    words[30] = 'harbour'
    words[33] = 'Harbour'
    const snippet = show(snippetOf(words.join(' '), termMatcher(['harbour'], false)))
    expect(snippet).toBe(`…w26 w27 w28 w29 [harbour] w31 w32 [Harbour] ${words.slice(34, 46).join(' ')}…`)
    expect(show(snippetOf('The new flood barrier held.', termMatcher(['flood'], true)))).toBe(
      'The new [flood] barrier held.',
    )
  })

  it('gives the opening words when the body does not contain a match', () => {
    const text = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')
    expect(snippetOf(text, termMatcher(['absent'], false))).toBe(
      `${Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')}…`,
    )
    expect(snippetOf('“Short text.” ', termMatcher(['absent'], false))).toBe('“Short text.”')
    expect(snippetOf('', termMatcher(['absent'], false))).toBe('')
  })
})
