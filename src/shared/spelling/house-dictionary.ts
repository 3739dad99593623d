import { z } from 'zod'
import { styleEntrySchema, type StyleEntry } from './style-book'

/** A word the desk adds: one word, as it is printed (a name keeps its capital). */
export const houseWordSchema = z
  .string()
  .trim()
  .min(1, 'a word cannot be empty')
  .max(100, 'a word is at most 100 characters')
  .refine((w) => !/\s/.test(w), 'a house word is one word, with no spaces (a phrase belongs in the style book)')
  .transform((w) => w.replace(/’/g, "'"))

export const houseWordEntrySchema = z.strictObject({
  word: houseWordSchema,
  note: z.string().trim().max(500),
})
export type HouseWordEntry = z.infer<typeof houseWordEntrySchema>

/** The house dictionary and style book as the library keeps them, and as a file carries them. */
export const houseDictionarySchema = z.strictObject({
  words: z.array(houseWordEntrySchema),
  styleBook: z.array(styleEntrySchema),
})
export type HouseDictionary = z.infer<typeof houseDictionarySchema>

export const dictionaryFileFormats = ['lines', 'dic'] as const
export type DictionaryFileFormat = (typeof dictionaryFileFormats)[number]

export class DictionaryFileError extends Error {}

const NOTE = /\s+#\s?/
const ARROW = /\s*(?:->|→)\s*/

/**
 * The plain file a desk shares: one entry a line. A word alone is a house word; "form -> preferred"
 * is a style-book entry ("Kiev -> Kyiv"; nothing after the arrow bans the form); " # " starts the
 * entry's note. Lines starting with # are comments.
 */
export function writeDictionaryLines(dictionary: HouseDictionary): string {
  const note = (text: string) => (text ? `  # ${text.replace(/\s+/g, ' ')}` : '')
  return [
    '# Copydesk house dictionary: one word a line; "form -> preferred" is a style-book entry; " # " starts a note.',
    ...dictionary.words.map((w) => `${w.word}${note(w.note)}`),
    ...dictionary.styleBook.map((e) => `${e.form} -> ${e.preferred}${note(e.note)}`.trimEnd()),
    '',
  ].join('\n')
}

/** Hunspell's .dic: the number of words, then one a line. The style book has no place in it. */
export function writeHunspellDic(dictionary: HouseDictionary): string {
  return [String(dictionary.words.length), ...dictionary.words.map((w) => w.word), ''].join('\n')
}

function problem(name: string, line: number, message: string): DictionaryFileError {
  return new DictionaryFileError(`${name}, line ${line}: ${message}`)
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'not a usable entry'
}

export function readDictionaryLines(text: string, name = 'the file'): HouseDictionary {
  const out: HouseDictionary = { words: [], styleBook: [] }
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim()
    if (!line || line.startsWith('#')) return
    const cut = NOTE.exec(line)
    const entry = cut ? line.slice(0, cut.index) : line
    const note = cut ? line.slice(cut.index + cut[0].length) : ''
    const arrow = ARROW.exec(entry)
    if (arrow) {
      const parsed = styleEntrySchema.safeParse({
        form: entry.slice(0, arrow.index),
        preferred: entry.slice(arrow.index + arrow[0].length),
        note,
      })
      if (!parsed.success) throw problem(name, i + 1, firstIssue(parsed.error))
      out.styleBook.push(parsed.data)
    } else {
      const parsed = houseWordEntrySchema.safeParse({ word: entry, note })
      if (!parsed.success) throw problem(name, i + 1, `“${entry}”: ${firstIssue(parsed.error)}`)
      out.words.push(parsed.data)
    }
  })
  return out
}

/** A Hunspell .dic: the count line, then words with their affix flags (after /) and fields (after a tab), which are dropped. */
export function readHunspellDic(text: string, name = 'the file'): HouseDictionary {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/)
  if (!/^\s*\d+\s*$/.test(lines[0] ?? ''))
    throw problem(name, 1, 'a Hunspell .dic file starts with the number of words it holds')
  const words: HouseWordEntry[] = []
  lines.slice(1).forEach((raw, i) => {
    const word = raw
      .split(/\t/)[0]!
      .replace(/(?<!\\)\/.*$/, '')
      .replace(/\\\//g, '/')
      .trim()
    if (!word) return
    const parsed = houseWordEntrySchema.safeParse({ word, note: '' })
    if (!parsed.success) throw problem(name, i + 2, `“${word}”: ${firstIssue(parsed.error)}`)
    words.push(parsed.data)
  })
  return { words, styleBook: [] }
}

/** A file as it comes: a Hunspell .dic when it starts with a count, else one entry a line. */
export function readDictionaryFile(text: string, name = 'the file', format?: DictionaryFileFormat): HouseDictionary {
  const dic = format ? format === 'dic' : /^\uFEFF?\s*\d+\s*(\r?\n|$)/.test(text)
  return dic ? readHunspellDic(text, name) : readDictionaryLines(text, name)
}

export type { StyleEntry }
