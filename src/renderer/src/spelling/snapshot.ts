import { useSyncExternalStore } from 'react'
import type { Misspelling } from '@shared/spelling/checker'
import type { StorySpelling } from '@shared/spelling/contract'
import type { DictionaryId } from '@shared/spelling/languages'
import type { FindingWhere } from '@shared/checks'

/** The open story's spelling as the layer last saw it: what the Checks and Dictionary panels show. */
export interface SpellingSnapshot {
  storyId: number
  settings: StorySpelling | null
  dictionary: DictionaryId | null
  /** Body block -> its misspellings. */
  body: ReadonlyMap<number, readonly Misspelling[]>
  /** A field's label -> its text when checked and its misspellings. */
  fields: ReadonlyMap<string, { text: string; misspellings: readonly Misspelling[] }>
  /** The misspelt words that are names (capitalised where no sentence begins). */
  names: readonly string[]
}

export interface SpellingActions {
  /** Open the suggestions menu on a finding's word. */
  openAt(where: FindingWhere, word: string): void
  ignore(word: string): Promise<void>
  setLanguage(language: string | null): Promise<void>
}

let snapshot: SpellingSnapshot | null = null
let actions: SpellingActions | null = null
const listeners = new Set<() => void>()

export function publishSpelling(next: SpellingSnapshot | null, nextActions?: SpellingActions | null): void {
  snapshot = next
  if (nextActions !== undefined) actions = nextActions
  for (const listener of listeners) listener()
}

export function spellingActions(): SpellingActions | null {
  return actions
}

export function useSpellingSnapshot(): SpellingSnapshot | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => snapshot,
  )
}
