import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  readDictionaryFile,
  readDictionaryLines,
  readHunspellDic,
  writeDictionaryLines,
  writeHunspellDic,
  type HouseDictionary,
} from './house-dictionary'

const sample: HouseDictionary = {
  words: [
    { word: 'Zelenskyy', note: 'President of Ukraine' },
    { word: 'Umerov', note: '' },
    { word: "Mykolaiv's", note: '' },
    { word: 'sportswashing', note: 'one word # not hyphenated' },
  ],
  styleBook: [
    { form: 'Kiev', preferred: 'Kyiv', note: 'since 2019' },
    { form: 'per cent', preferred: 'per cent', note: '' },
    { form: 'slammed', preferred: '', note: 'say criticised' },
  ],
}

describe('the dictionary file', () => {
  it('round-trips the plain list: words, notes and style-book entries', () => {
    const text = writeDictionaryLines(sample)
    expect(text).toContain('Kiev -> Kyiv  # since 2019\n')
    expect(readDictionaryLines(text)).toEqual(sample)
    expect(readDictionaryFile(text)).toEqual(sample)
  })

  it('round-trips any words and notes', () => {
    const word = fc.stringMatching(/^[\p{L}'][\p{L}\p{M}'-]{0,20}$/u)
    const note = fc.stringMatching(/^[^\s#][^\n\r]{0,30}$/).map((n) => n.trim().replace(/\s+/g, ' '))
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ word, note }), { selector: (e) => e.word, maxLength: 20 }), (words) => {
        const dictionary = { words, styleBook: [] }
        expect(readDictionaryLines(writeDictionaryLines(dictionary))).toEqual(dictionary)
        expect(readHunspellDic(writeHunspellDic(dictionary)).words.map((w) => w.word)).toEqual(words.map((w) => w.word))
      }),
    )
  })

  it('reads a Hunspell .dic, dropping affix flags and morphology, and writes one back', () => {
    const dic = '3\nZelenskyy/M\nUmerov\tpo:noun\nAC\\/DC/S\n'
    expect(readDictionaryFile(dic).words.map((w) => w.word)).toEqual(['Zelenskyy', 'Umerov', 'AC/DC'])
    expect(writeHunspellDic(sample)).toBe("4\nZelenskyy\nUmerov\nMykolaiv's\nsportswashing\n")
  })

  it('names the file and line of an entry it cannot use', () => {
    expect(() => readDictionaryLines('Zelenskyy\nNew York\n', 'desk.txt')).toThrow(
      'desk.txt, line 2: “New York”: a house word is one word',
    )
    expect(() => readDictionaryLines(' -> Kyiv', 'desk.txt')).toThrow('desk.txt, line 1: say which form to flag')
    expect(() => readHunspellDic('Zelenskyy\n', 'x.dic')).toThrow('x.dic, line 1: a Hunspell .dic file starts')
  })
})
