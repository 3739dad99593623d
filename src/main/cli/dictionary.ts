import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { call } from '../api'
import type { Library } from '../library'
import { readDictionaryUpload } from '../spelling'
import {
  dictionaryFileFormats,
  type DictionaryFileFormat,
  type HouseDictionary,
} from '../../shared/spelling/house-dictionary'

export interface DictionaryIo {
  stdout: (text: string) => void
}

function formatOf(value: string | undefined): { format?: DictionaryFileFormat; complaint?: string } {
  if (value === undefined) return {}
  return (dictionaryFileFormats as readonly string[]).includes(value)
    ? { format: value as DictionaryFileFormat }
    : { complaint: `--format must be lines or dic, not "${value}"` }
}

function formatList({ words, styleBook }: HouseDictionary): string {
  const note = (text: string) => (text ? `  (${text})` : '')
  const lines = [
    `House words (${words.length}):`,
    ...words.map((w) => `  ${w.word}${note(w.note)}`),
    `Style book (${styleBook.length}):`,
    ...styleBook.map((e) => `  ${e.form} -> ${e.preferred || '(do not use)'}${note(e.note)}`),
  ]
  return lines.join('\n') + '\n'
}

/** `copydesk dictionary ...`: returns a usage complaint as a string, or writes its output. */
export function runDictionary(
  library: Library,
  args: string[],
  flags: { json: boolean; note?: string; format?: string },
  io: DictionaryIo,
): string | undefined {
  const [action, ...rest] = args
  const { format: fileFormat, complaint } = formatOf(flags.format)
  if (complaint) return complaint
  switch (action) {
    case 'add': {
      if (!rest.length) return 'dictionary add needs at least one WORD'
      // Each argument is a line of the plain file: a word, or "Kiev -> Kyiv".
      const note = flags.note ? ` # ${flags.note}` : ''
      const parsed = readDictionaryUpload('the command line', rest.map((arg) => arg + note).join('\n'), 'lines')
      const words = parsed.words.length
        ? call(library, 'dictionary:add', { words: parsed.words.map((w) => w.word), note: flags.note }).added
        : 0
      const entries = parsed.styleBook.length ? call(library, 'style-book:put', { entries: parsed.styleBook }).added : 0
      io.stdout(
        flags.json
          ? JSON.stringify({ words, entries }) + '\n'
          : `added ${words} ${words === 1 ? 'word' : 'words'} and ${entries} style-book ${entries === 1 ? 'entry' : 'entries'}\n`,
      )
      return undefined
    }
    case 'remove': {
      if (rest.length !== 1) return 'dictionary remove needs exactly one WORD or FORM'
      const word = rest[0]!
      const removed =
        call(library, 'dictionary:remove', { word }).removed ||
        call(library, 'style-book:remove', { form: word }).removed
      io.stdout(
        flags.json
          ? JSON.stringify({ removed }) + '\n'
          : removed
            ? `removed ${word}\n`
            : `${word} was not in the list\n`,
      )
      return undefined
    }
    case 'list': {
      const list = call(library, 'dictionary:list', {})
      io.stdout(flags.json ? JSON.stringify(list, null, 2) + '\n' : formatList(list))
      return undefined
    }
    case 'import': {
      if (rest.length !== 1) return 'dictionary import needs exactly one FILE'
      const file = rest[0]!
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (error) {
        const why =
          (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message
        throw new Error(`${file} could not be read: ${why}`)
      }
      const result = call(library, 'dictionary:import', { name: basename(file), text, format: fileFormat })
      io.stdout(
        flags.json
          ? JSON.stringify(result) + '\n'
          : `imported ${file}: ${result.words} new ${result.words === 1 ? 'word' : 'words'}, ${result.entries} new style-book ${result.entries === 1 ? 'entry' : 'entries'}\n`,
      )
      return undefined
    }
    case 'export': {
      if (rest.length > 1) return 'dictionary export takes at most one FILE'
      const { text } = call(library, 'dictionary:export', { format: fileFormat ?? 'lines' })
      try {
        if (rest[0]) writeFileSync(rest[0], text, { flag: 'wx' })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new Error(`${rest[0]} already exists; nothing was written (name a new file)`)
        throw error
      }
      if (!rest[0]) io.stdout(text)
      return undefined
    }
    default:
      return action
        ? `unknown dictionary action "${action}"`
        : 'dictionary needs an action: add, remove, list, import or export'
  }
}
