import type { HouseDictionary } from '@shared/spelling/house-dictionary'
import type { Misspelling } from '@shared/spelling/checker'
import type { DictionaryId } from '@shared/spelling/languages'
import { invoke } from '../app/client'
import { dictionaryUrls } from './dictionaries'
import type { CheckRun, FromWorker, ToWorker } from './protocol'

/** Other windows on the same library hear of a changed house dictionary on this channel. */
const BROADCAST = 'copydesk-spelling'

type Waiting = { resolve: (value: FromWorker) => void }

/**
 * The window's spelling: one worker for every story, the house dictionary and style book as the
 * library holds them, and the library's names. Stories subscribe and check again when the house
 * list changes, here or in another window.
 */
class SpellingService {
  private worker: Worker | null = null
  private seq = 0
  private readonly waiting = new Map<number, Waiting>()
  private readonly listeners = new Set<() => void>()
  private broadcast: BroadcastChannel | null = null
  private started: Promise<void> | null = null
  house: HouseDictionary = { words: [], styleBook: [] }
  names: string[] = []
  /** Grows with every change of the house list, so a story knows its answers are stale. */
  version = 0

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./spelling.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const waiting = this.waiting.get(event.data.seq)
      this.waiting.delete(event.data.seq)
      waiting?.resolve(event.data)
    }
    // A worker that cannot start (a policy, a broken build) leaves spelling off; say why in the console.
    worker.onerror = (event) => console.error(`Spelling is off: ${event.message || 'its worker did not start'}`)
    this.worker = worker
    return worker
  }

  private send(message: ToWorker): void {
    this.ensureWorker().postMessage(message)
  }

  private ask(message: ToWorker & { seq: number }): Promise<FromWorker> {
    return new Promise((resolve) => {
      this.waiting.set(message.seq, { resolve })
      this.send(message)
    })
  }

  /** Read the house list and the library's names once; later changes arrive through reload(). */
  start(): Promise<void> {
    this.started ??= (async () => {
      if (typeof BroadcastChannel !== 'undefined') {
        this.broadcast = new BroadcastChannel(BROADCAST)
        this.broadcast.onmessage = () => void this.reload(false)
      }
      await this.reload(false)
      invoke('spelling:names', {})
        .then(({ names }) => (this.names = names))
        .catch(() => undefined)
    })()
    return this.started
  }

  /** The house list afresh from the library; `tell` lets the other windows know it changed. */
  async reload(tell = true): Promise<void> {
    this.house = await invoke('dictionary:list', {})
    this.send({ type: 'house', words: this.house.words.map((w) => w.word) })
    this.version++
    if (tell) this.broadcast?.postMessage('changed')
    for (const listener of this.listeners) listener()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async addWords(words: string[], note?: string): Promise<void> {
    if (!words.length) return
    await invoke('dictionary:add', { words, note })
    await this.reload()
  }

  async check(
    dictionary: DictionaryId,
    runs: CheckRun[],
    ignored: string[],
  ): Promise<{ key: string; misspellings: Misspelling[] }[]> {
    const seq = ++this.seq
    const answer = await this.ask({ type: 'check', seq, dictionary, urls: dictionaryUrls[dictionary], runs, ignored })
    if (answer.type === 'checked') return answer.results
    if (answer.type === 'failed') console.error(`Spelling is off: ${answer.message}`)
    throw new Error(answer.type === 'failed' ? answer.message : 'no answer from the spelling worker')
  }

  async suggest(dictionary: DictionaryId, word: string): Promise<string[]> {
    const seq = ++this.seq
    const answer = await this.ask({
      type: 'suggest',
      seq,
      dictionary,
      urls: dictionaryUrls[dictionary],
      word,
      names: this.names,
    })
    return answer.type === 'suggested' ? answer.suggestions : []
  }
}

export const spelling = new SpellingService()
