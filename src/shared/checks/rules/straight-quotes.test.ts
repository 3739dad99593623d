import { describe, expect, it } from 'vitest'
import { bodyFromParagraphs } from '../../body'
import { blankStoryFields } from '../../story'
import { NARROW_NBSP } from '../../typography'
import { runChecks, type CheckableStory, type CheckOptions } from '../index'

function story(paragraphs: string[], fields: Partial<CheckableStory> = {}): CheckableStory {
  return {
    ...blankStoryFields(),
    headline: 'Storm closes ports',
    standfirst: 'Ferries are cancelled.',
    bylines: [{ name: 'Jane Doe', kind: 'person' }],
    dateline: { place: 'DOVER' },
    body: bodyFromParagraphs(paragraphs),
    ...fields,
  }
}

const straight = (paragraphs: string[], options: Partial<CheckOptions> = {}, fields?: Partial<CheckableStory>) =>
  runChecks(story(paragraphs, fields), options).filter((f) => f.rule === 'straight-quotes')

describe('straight quotes and double hyphens', () => {
  it('flags each word with a straight mark, and fixes it as typing would have', () => {
    const text = 'He said "we don\'t stop" -- and left.'
    const found = straight([text])
    expect(found.map((f) => [f.excerpt, f.fix?.replacement])).toEqual([
      ['"we', '“we'],
      ["don't", 'don’t'],
      ['stop"', 'stop”'],
      ['--', '–'],
    ])
    expect(found[0]!.where).toEqual({ field: 'body', block: 0, offset: text.indexOf('"we'), length: 3 })
    expect(found[3]!.message).toMatch(/double hyphen/)
  })

  it('makes marks in one word one finding: ‘no’, rock ’n’ roll', () => {
    expect(straight(["She said 'no'.", "rock 'n' roll"]).map((f) => [f.excerpt, f.fix?.replacement])).toEqual([
      ["'no'.", '‘no’.'],
      ["'n'", '’n’'],
    ])
  })

  it('sets the fix in the story language', () => {
    const [german] = straight(['Er sagte "ja".'], { language: 'de' })
    expect(german!.fix?.replacement).toBe('„ja“.')
    expect(german!.message).toContain('„“')
    const french = straight(['Il a dit "oui".'], { language: 'fr-FR' })
    expect(french.map((f) => f.fix?.replacement)).toEqual([`«${NARROW_NBSP}oui${NARROW_NBSP}».`])
    expect(straight(['one -- two'], { dash: 'em' })[0]!.fix?.replacement).toBe('—')
  })

  it('reads the headline and standfirst too', () => {
    const found = straight(['Body.'], {}, { headline: 'PM: "We will act"', standfirst: "It's over" })
    expect(found.map((f) => [f.where.field, f.excerpt])).toEqual([
      ['headline', '"We'],
      ['headline', 'act"'],
      ['standfirst', "It's"],
    ])
  })

  it('leaves curly marks, measures, single hyphens and spaced hyphens alone', () => {
    expect(straight(['“We don’t stop” – she said.', 'He is 5\'10" tall.', 'well-known', 'LONDON - The'])).toEqual([])
  })

  it('is off when the house turns typography off', () => {
    expect(straight(['He said "no".'], { typography: false })).toEqual([])
  })
})
