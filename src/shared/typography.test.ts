import { describe, expect, it } from 'vitest'
import {
  afterTyping,
  applyEdits,
  NARROW_NBSP,
  quoteStyleFor,
  smarten,
  smartenEdits,
  typographyRules,
  type TypographyRules,
} from './typography'

const en = typographyRules('en-GB', 'en')
const us = typographyRules('en-US', 'em')
const de = typographyRules('de', 'en')
const fr = typographyRules('fr', 'en')
const n = NARROW_NBSP

/** Type `text` a character at a time, the caret at the end, as the editor does: what stands at the end. */
function typed(text: string, rules: TypographyRules): string {
  let out = ''
  for (const c of text) {
    out += c
    const r = afterTyping(out, '', rules)
    if (r) out = out.slice(0, out.length - r.remove) + r.insert
  }
  return out
}

/** Both ways an editor meets the rules: typing, and the check's fix over text already there. */
function both(text: string, rules: TypographyRules): string {
  const a = typed(text, rules)
  expect(smarten(text, rules), `smarten and typing agree on ${text}`).toBe(a)
  return a
}

describe('quotes in English', () => {
  it.each([
    ['"Yes," she said.', '“Yes,” she said.'],
    ["He said 'no'.", 'He said ‘no’.'],
    ['"He said \'no\'," she wrote.', '“He said ‘no’,” she wrote.'],
    ['\'"Hi," he said\'', '‘“Hi,” he said’'],
    ['("Quoted")', '(“Quoted”)'],
    ['[“Bracketed"]', '[“Bracketed”]'],
    ['a dash—"and a quote"', 'a dash—“and a quote”'],
    ['a dash – "and a quote"', 'a dash – “and a quote”'],
    ['"Why?" "Because!"', '“Why?” “Because!”'],
    ['"Wait…"', '“Wait…”'],
    ['"The toll rose to 45"', '“The toll rose to 45”'],
  ])('%s', (text, want) => {
    expect(both(text, en)).toBe(want)
  })

  it.each([
    ["don't", 'don’t'],
    ["O'Neill's", 'O’Neill’s'],
    ["rock 'n' roll", 'rock ’n’ roll'],
    ["the '90s", 'the ’90s'],
    ["in '05 the", 'in ’05 the'],
    ["the 1990s' end", 'the 1990s’ end'],
    ["the boys' school", 'the boys’ school'],
    ["'Tis the season", '’Tis the season'],
    ["tell 'em now", 'tell ’em now'],
    ["2024's budget", '2024’s budget'],
    ["'It's mine,' he said", '‘It’s mine,’ he said'],
  ])('apostrophe: %s', (text, want) => {
    expect(both(text, en)).toBe(want)
  })

  it('leaves feet and inches as typed: 5\'10" reads as a height, not a quotation', () => {
    expect(both('He is 5\'10" tall.', en)).toBe('He is 5\'10" tall.')
    expect(smartenEdits('He is 5\'10" tall.', en)).toEqual([])
  })

  it('a quotation open across a number still closes after it', () => {
    expect(both('"It was 5"', en)).toBe('“It was 5”')
    expect(both("'won 3-1' he said", en)).toBe('‘won 3-1’ he said')
  })

  it('sets the same marks in American English', () => {
    expect(both('"Don\'t," he said.', us)).toBe('“Don’t,” he said.')
  })
})

describe('quotes in German', () => {
  it.each([
    ['"Ja", sagte sie.', '„Ja“, sagte sie.'],
    ['Er sagte: "Das ist \'gut\'."', 'Er sagte: „Das ist ‚gut‘.“'],
    ["Peter's Buch", 'Peter’s Buch'],
    ["geht's", 'geht’s'],
  ])('%s', (text, want) => {
    expect(both(text, de)).toBe(want)
  })

  it('Swiss German quotes with guillemets', () => {
    expect(both('"Grüezi"', typographyRules('de-CH', 'en'))).toBe('«Grüezi»')
  })
})

describe('quotes in French', () => {
  it.each([
    ['Il a dit "oui".', `Il a dit «${n}oui${n}».`],
    ['Il a dit " oui ".', `Il a dit «${n}oui${n}».`],
    ["l'homme", 'l’homme'],
    ['"C\'est fini", dit-il.', `«${n}C’est fini${n}», dit-il.`],
  ])('%s', (text, want) => {
    expect(both(text, fr)).toBe(want)
  })
})

describe('other languages and the house fallback', () => {
  it('chooses by the first language with known marks, English when none', () => {
    expect(quoteStyleFor('fr-CA').open).toBe('«')
    expect(quoteStyleFor('de-AT').open).toBe('„')
    expect(quoteStyleFor('', 'de').open).toBe('„')
    expect(quoteStyleFor('ja', 'fr').open).toBe('«')
    expect(quoteStyleFor('ja', 'pl').open).toBe('“')
    expect(both('"hola"', typographyRules('es', 'en'))).toBe('«hola»')
    expect(both('"hej" sa han', typographyRules('sv', 'en'))).toBe('”hej” sa han')
  })
})

describe('dashes and the ellipsis', () => {
  it.each([
    ['one -- two', 'one – two', en],
    ['one -- two', 'one — two', us],
    ['one - two', 'one – two', en],
    ['one - two', 'one — two', us],
    ['one---two', 'one—two', en],
    ['wait...', 'wait…', en],
    ['wait....', 'wait….', en],
  ])('%s', (text, want, rules) => {
    expect(both(text, rules)).toBe(want)
  })

  it('leaves hyphens in words and ranges, and the list shortcut at the start of a line', () => {
    for (const text of ['well-known', '10-12', '- a list item', 'pages 3-5 - no', 'a-b'])
      expect(both(text, en)).toBe(text.replace(' - no', ' – no'))
  })
})

describe('each change typed is its own step', () => {
  it('says how much to take back: only what the last key started', () => {
    expect(afterTyping('He said "', '', en)).toEqual({ remove: 1, insert: '“' })
    expect(afterTyping('one --', '', en)).toEqual({ remove: 2, insert: '–' })
    expect(afterTyping('one - ', '', en)).toEqual({ remove: 2, insert: '– ' })
    expect(afterTyping('wait...', '', en)).toEqual({ remove: 3, insert: '…' })
    expect(afterTyping('plain text', '', en)).toBeNull()
  })

  it('decides by the words after the caret too, when typing in the middle of a line', () => {
    expect(afterTyping("the '", '90s were', en)).toEqual({ remove: 1, insert: '’' })
    expect(afterTyping('said "', 'yes', en)).toEqual({ remove: 1, insert: '“' })
  })
})

describe('the edits, for the check and its fix', () => {
  it('places each change in the text as it stands', () => {
    const text = 'He said "no" -- twice.'
    const edits = smartenEdits(text, en)
    expect(edits).toEqual([
      { start: 8, end: 9, insert: '“' },
      { start: 11, end: 12, insert: '”' },
      { start: 13, end: 15, insert: '–' },
    ])
    expect(applyEdits(text, edits)).toBe('He said “no” – twice.')
  })

  it('changes nothing that is already set', () => {
    for (const text of ['“Yes,” she said.', 'don’t', 'one – two', 'wait…', ''])
      expect(smartenEdits(text, en)).toEqual([])
    expect(smartenEdits(`Il a dit «${n}oui${n}».`, fr)).toEqual([])
    expect(smartenEdits('Er sagte: „Ja“.', de)).toEqual([])
  })
})
