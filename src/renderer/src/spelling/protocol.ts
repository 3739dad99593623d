import type { Misspelling } from '@shared/spelling/checker'
import type { DictionaryId } from '@shared/spelling/languages'

/** One stretch of copy to check, named by its owner (a body block, a field). */
export interface CheckRun {
  key: string
  text: string
}

export type ToWorker =
  | { type: 'house'; words: string[] }
  | {
      type: 'check'
      seq: number
      dictionary: DictionaryId
      urls: { aff: string; dic: string }
      runs: CheckRun[]
      ignored: string[]
    }
  | {
      type: 'suggest'
      seq: number
      dictionary: DictionaryId
      urls: { aff: string; dic: string }
      word: string
      names: string[]
    }

export type FromWorker =
  | { type: 'checked'; seq: number; results: { key: string; misspellings: Misspelling[] }[] }
  | { type: 'suggested'; seq: number; suggestions: string[] }
  | { type: 'failed'; seq: number; message: string }
