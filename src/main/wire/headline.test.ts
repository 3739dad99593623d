import { describe, expect, it } from 'vitest'
import { cleanHeadline, headlineFromText } from './headline'

describe('headlines', () => {
  it('takes the flags off', () => {
    expect(cleanHeadline('Parliament passed the Alcohol Act*** TRANSLATED ***')).toEqual({
      headline: 'Parliament passed the Alcohol Act',
      flags: ['TRANSLATED'],
    })
    expect(cleanHeadline('(Eil) Bahn streikt in Bayern =')).toEqual({
      headline: 'Bahn streikt in Bayern',
      flags: ['(Eil)'],
    })
    expect(cleanHeadline('URGENTE: Terremoto en el sur de Italia')).toEqual({
      headline: 'Terremoto en el sur de Italia',
      flags: ['URGENTE'],
    })
    expect(cleanHeadline('Mayor: “We will rebuild”')).toEqual({ headline: 'Mayor: “We will rebuild”', flags: [] })
  })

  it('makes one from the first sentence, past abbreviations', () => {
    expect(
      headlineFromText(
        'A magnitude 5.8 earthquake has struck near Los Angeles, the U.S. Geological Survey says. No damage.',
      ),
    ).toBe('A magnitude 5.8 earthquake has struck near Los Angeles, the U.S. Geological Survey says')
    expect(headlineFromText('Mr. Smith went to Washington on Tuesday. He met the president.')).toBe(
      'Mr. Smith went to Washington on Tuesday',
    )
    const long = headlineFromText(`${'word '.repeat(60)}end.`)
    expect(long.length).toBeLessThanOrEqual(121)
    expect(long.endsWith('…')).toBe(true)
  })
})
