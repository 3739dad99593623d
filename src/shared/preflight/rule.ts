import { countWords } from '../body'
import { bodyToText } from '../body-text'
import type { Finding } from '../checks/finding'
import type { CheckOptions } from '../checks/options'
import type { StoryFields, StoryId, StoryStatus } from '../story'
import type { PreflightItem, PreflightLevel } from './item'

/** What the preflight needs from the library, looked up by the caller (main), so the rules stay pure. */
export interface PreflightLookups {
  /** Whether the library holds a picture's bytes. */
  hasPicture: (mediaId: string) => boolean
  /** A related story as it now is, or null when it is no longer in the library. */
  linkedStory: (id: StoryId) => { headline: string; status: StoryStatus } | null
}

export interface PreflightContext {
  story: StoryFields
  now: Date
  options: CheckOptions
  /** The Checks findings (spelling and the style book among them) the story has now. */
  findings: readonly Finding[]
  lookups: PreflightLookups
  /**
   * The body's word count when the caller has it already: a saved story's, counted by the library at
   * its save with the same `countWords` (an export passes it). Without it the rules count the body.
   */
  bodyWords?: number
  /** The body's plain text when the caller has it already (a saved story's, made at its save by `bodyToText`). */
  bodyText?: string
  /** How many unresolved inline comments a story has; rules/unresolved-comments.ts has the default (the hook). */
  countComments?: (story: StoryFields) => number
}

/** A rule is one small file in rules/, listed once in index.ts: its id, what it looks for, its level, and the look. */
export interface PreflightRule {
  id: string
  describe: string
  level: PreflightLevel
  run(context: PreflightContext): Omit<PreflightItem, 'rule' | 'level'>[]
}

const counted = new WeakMap<object, number>()

/**
 * The body's words for the rules that ask (empty body, short body): the caller's count, else
 * counted once per body (a walk and a Unicode word match of the whole text).
 */
export function bodyWords({ story, bodyWords: given }: PreflightContext): number {
  if (given !== undefined) return given
  let words = counted.get(story.body)
  if (words === undefined) {
    words = countWords(bodyToText(story.body))
    counted.set(story.body, words)
  }
  return words
}
