/// <reference lib="webworker" />
import type { HunspellFactory } from 'hunspell-asm'
// The CommonJS build: its ES build imports the Emscripten runtime as a namespace, which bundles to
// an object where the loader expects the runtime's function ("t is not a function").
import { loadModule } from 'hunspell-asm/dist/cjs/loadModule.js'
import { SpellChecker, type Misspelling } from '@shared/spelling/checker'
import { HouseWords } from '@shared/spelling/house-words'
import type { DictionaryId } from '@shared/spelling/languages'
import type { FromWorker, ToWorker } from './protocol'

/**
 * Spelling off the page's thread: Hunspell (WebAssembly) with the bundled dictionaries, loaded
 * when a story in that language first asks. Each block's answer is kept by its text, so checking a
 * story again after a keystroke costs the changed block alone.
 */
declare const self: DedicatedWorkerGlobalScope

let factory: Promise<HunspellFactory> | null = null
const checkers = new Map<DictionaryId, Promise<SpellChecker>>()
let house = new HouseWords()
/** Per dictionary: a block's text -> its misspellings (ignored words filtered after). */
const answers = new Map<DictionaryId, Map<string, Misspelling[]>>()
const ANSWERS_KEPT = 20_000

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`the dictionary file ${url} could not be read (${response.status})`)
  return new Uint8Array(await response.arrayBuffer())
}

function checkerFor(id: DictionaryId, urls: { aff: string; dic: string }): Promise<SpellChecker> {
  let checker = checkers.get(id)
  if (!checker) {
    factory ??= loadModule()
    checker = Promise.all([factory, fetchBytes(urls.aff), fetchBytes(urls.dic)]).then(([hunspell, aff, dic]) => {
      const speller = hunspell.create(hunspell.mountBuffer(aff, `${id}.aff`), hunspell.mountBuffer(dic, `${id}.dic`))
      return new SpellChecker({ correct: (w) => speller.spell(w), suggest: (w) => speller.suggest(w) }, house)
    })
    checker.catch(() => checkers.delete(id))
    checkers.set(id, checker)
  }
  return checker
}

function cacheFor(id: DictionaryId): Map<string, Misspelling[]> {
  let cache = answers.get(id)
  if (!cache || cache.size > ANSWERS_KEPT) answers.set(id, (cache = new Map<string, Misspelling[]>()))
  return cache
}

const post = (message: FromWorker) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data
  if (message.type === 'house') {
    house = new HouseWords(message.words)
    answers.clear()
    for (const checker of checkers.values()) void checker.then((c) => c.setHouseWords(house))
    return
  }
  try {
    const checker = await checkerFor(message.dictionary, message.urls)
    if (message.type === 'check') {
      const cache = cacheFor(message.dictionary)
      const ignored = new Set(message.ignored)
      const results = message.runs.map(({ key, text }) => {
        let found = cache.get(text)
        if (!found) cache.set(text, (found = checker.misspellings(text)))
        return { key, misspellings: ignored.size ? found.filter((m) => !ignored.has(m.word)) : found }
      })
      post({ type: 'checked', seq: message.seq, results })
    } else {
      post({ type: 'suggested', seq: message.seq, suggestions: checker.suggest(message.word, message.names) })
    }
  } catch (error) {
    post({ type: 'failed', seq: message.seq, message: (error as Error).message })
  }
}
