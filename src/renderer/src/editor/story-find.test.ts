import { describe, expect, it } from 'vitest'
import { countPlain, describeCounts, queryPattern, replacePlain, type PlainFields } from './story-find'

const fields: PlainFields = {
  headline: 'Zelensky meets Biden',
  standfirst: 'President Zelensky said zelensky-era reforms would go on',
  bylines: [{ name: 'Ann Zelensky', kind: 'person' }],
  leadPicture: { caption: 'Volodymyr Zelensky in Kyiv', credit: 'AP', alt: 'Zelensky at a lectern' },
}

describe('find and replace across the story', () => {
  it('counts per part, with match case, whole word and scope', () => {
    const any = queryPattern('zelensky', { matchCase: false, wholeWord: false })
    expect(countPlain(fields, any, 'story')).toEqual({ headline: 1, standfirst: 2, bylines: 1, pictures: 2 })
    const cased = queryPattern('zelensky', { matchCase: true, wholeWord: false })
    expect(countPlain(fields, cased, 'story')).toEqual({ headline: 0, standfirst: 1, bylines: 0, pictures: 0 })
    const whole = queryPattern('Zelensk', { matchCase: false, wholeWord: true })
    expect(countPlain(fields, whole, 'story')).toEqual({ headline: 0, standfirst: 0, bylines: 0, pictures: 0 })
    expect(countPlain(fields, any, 'headline')).toEqual({ headline: 1 })
  })

  it('replaces in every plain field in scope, literally, and says how many where', () => {
    const pattern = queryPattern('Zelensky', { matchCase: true, wholeWord: true })
    const { changes, counts } = replacePlain(fields, pattern, 'Zelenskyy $1', 'story')
    expect(changes.headline).toBe('Zelenskyy $1 meets Biden')
    expect(changes.standfirst).toBe('President Zelenskyy $1 said zelensky-era reforms would go on')
    expect(changes.bylines).toEqual([{ name: 'Ann Zelenskyy $1', kind: 'person' }])
    expect(changes.leadPicture).toEqual({
      caption: 'Volodymyr Zelenskyy $1 in Kyiv',
      credit: 'AP',
      alt: 'Zelenskyy $1 at a lectern',
    })
    expect(describeCounts(counts)).toBe('headline 1, standfirst 1, bylines 1, captions 2')
    expect(replacePlain(fields, pattern, 'X', 'standfirst').changes).toEqual({
      standfirst: 'President X said zelensky-era reforms would go on',
    })
  })

  it('never empties a byline by replacing its whole name with nothing', () => {
    const pattern = queryPattern('Ann Zelensky', { matchCase: false, wholeWord: false })
    expect(replacePlain(fields, pattern, '', 'bylines').changes.bylines).toEqual(fields.bylines)
  })
})
