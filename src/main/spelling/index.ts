import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { loadModule, type Hunspell, type HunspellFactory } from 'hunspell-asm'
import { ApiError } from '../../shared/errors'
import type { Finding } from '../../shared/checks'
import type { SpeltStory } from '../../shared/spelling/findings'
import { SpellChecker, type Dictionary } from '../../shared/spelling/checker'
import { houseFindings } from '../../shared/spelling/findings'
import { HouseWords } from '../../shared/spelling/house-words'
import {
  DictionaryFileError,
  readDictionaryFile,
  writeDictionaryLines,
  writeHunspellDic,
  type DictionaryFileFormat,
  type HouseDictionary,
} from '../../shared/spelling/house-dictionary'
import { dictionaryFor, dictionaryPackages, type DictionaryId } from '../../shared/spelling/languages'

// The main bundle is CommonJS (__filename); tests and the bench run it as ESM from the repo.
const requireHere = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'))

/** A bundled dictionary's two files, read from its npm package where `npm install` put it. */
export function dictionaryFiles(id: DictionaryId): { aff: Buffer; dic: Buffer } {
  const folder = dirname(requireHere.resolve(dictionaryPackages[id]))
  return { aff: readFileSync(join(folder, 'index.aff')), dic: readFileSync(join(folder, 'index.dic')) }
}

let factory: Promise<HunspellFactory> | null = null
const loaded = new Map<DictionaryId, Promise<Dictionary>>()

/** Hunspell (the WebAssembly build) answering as a Dictionary. */
export function hunspellDictionary(hunspell: Hunspell): Dictionary {
  return { correct: (word) => hunspell.spell(word), suggest: (word) => hunspell.suggest(word) }
}

/** Hunspell with a bundled dictionary, read once per process. */
export function nodeDictionary(id: DictionaryId): Promise<Dictionary> {
  let dictionary = loaded.get(id)
  if (!dictionary) {
    factory ??= loadModule()
    dictionary = factory.then((hunspell) => {
      const { aff, dic } = dictionaryFiles(id)
      return hunspellDictionary(
        hunspell.create(hunspell.mountBuffer(aff, `${id}.aff`), hunspell.mountBuffer(dic, `${id}.dic`)),
      )
    })
    loaded.set(id, dictionary)
  }
  return dictionary
}

export async function nodeSpellChecker(language: string, house: Iterable<string>): Promise<SpellChecker | null> {
  const id = dictionaryFor(language)
  return id ? new SpellChecker(await nodeDictionary(id), new HouseWords(house)) : null
}

/** How many misspellings `copydesk check` names suggestions for: each costs a walk of the dictionary. */
const CLI_SUGGESTIONS = 25

/** The style book's and the dictionary's findings on a story, as the Checks panel shows them. */
export async function houseChecks(
  story: SpeltStory,
  dictionary: HouseDictionary,
  spelling: { language: string; ignored: readonly string[]; names?: readonly string[] },
): Promise<Finding[]> {
  const checker = await nodeSpellChecker(
    spelling.language,
    dictionary.words.map((w) => w.word),
  )
  return houseFindings(story, checker, dictionary.styleBook, {
    ignored: new Set(spelling.ignored),
    suggestFor: CLI_SUGGESTIONS,
    names: spelling.names,
  })
}

export function readDictionaryUpload(name: string, text: string, format?: DictionaryFileFormat): HouseDictionary {
  try {
    return readDictionaryFile(text, name, format)
  } catch (error) {
    if (error instanceof DictionaryFileError) throw new ApiError('invalid-input', error.message)
    throw error
  }
}

export function exportDictionaryFile(dictionary: HouseDictionary, format: DictionaryFileFormat): string {
  return format === 'dic' ? writeHunspellDic(dictionary) : writeDictionaryLines(dictionary)
}
