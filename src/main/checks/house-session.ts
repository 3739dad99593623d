import type { Finding } from '../../shared/checks'
import type { SpellChecker } from '../../shared/spelling/checker'
import { houseFindings, type SpeltStory } from '../../shared/spelling/findings'
import type { HouseDictionary } from '../../shared/spelling/house-dictionary'
import { nodeSpellChecker } from '../spelling'

/*
 * An export's spelling and style-book checks, as the check thread keeps them for the whole export
 * (check-session.ts is main's side). Each story's export preflight used to read the house settings,
 * the dictionary and the library's names again and build a new spell checker, then walk the
 * dictionary for up to 25 suggestions: about 2 s a story under load. Here the dictionary arrives
 * once, one checker per language is kept (with its answers per word), and nothing is suggested:
 * the export report names each word not in the dictionary, without a "Perhaps". Nothing here may
 * import the library (the thread's bundle would load SQLite's addon for nothing).
 */

/** What every story of one export is checked against, sent to the thread once. */
export interface SessionShared {
  dictionary: HouseDictionary
}

/**
 * One story as the session checks it: only what spelling and the style book read (the other
 * checks' findings are not part of the preflight), its language and the words let stand in it.
 */
export interface SessionItem {
  story: SpeltStory
  language: string
  ignored: string[]
}

export class HouseSession {
  private readonly checkers = new Map<string, Promise<SpellChecker | null>>()
  private readonly houseWords: string[]

  constructor(private readonly shared: SessionShared) {
    this.houseWords = shared.dictionary.words.map((w) => w.word)
  }

  /** The story's spelling and style-book findings, as the Checks panel lists them (without suggestions). */
  async findings({ story, language, ignored }: SessionItem): Promise<Finding[]> {
    let checker = this.checkers.get(language)
    if (!checker) {
      checker = nodeSpellChecker(language, this.houseWords)
      this.checkers.set(language, checker)
    }
    return houseFindings(story, await checker, this.shared.dictionary.styleBook, { ignored: new Set(ignored) })
  }
}

/** The part of a story spelling reads: what crosses to the thread (a structured clone) and no more. */
export function speltPart(story: SpeltStory): SpeltStory {
  return { headline: story.headline, standfirst: story.standfirst, leadPicture: story.leadPicture, body: story.body }
}
