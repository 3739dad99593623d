import type { Finding } from '../../shared/checks'
import type { StoryId } from '../../shared/story'
import type { Db } from '../library/open'
import { readCheckOptions } from '../library/check-options'
import { libraryNames, readHouseDictionary, readStorySpelling } from '../library/dictionary'
import { getStory } from '../library/stories'
import { checkThread } from './check-thread'
import type { CheckRequest } from './story-checks'

/** What the checks of story `id` need, read from the library: a few quick queries on main's thread. */
export function checkRequest(db: Db, id: StoryId): CheckRequest {
  const story = getStory(db, id)
  const spelling = readStorySpelling(db, id)
  return {
    story,
    options: { ...readCheckOptions(db), language: spelling.language },
    dictionary: readHouseDictionary(db),
    spelling: { language: spelling.language, ignored: [...spelling.ignored], names: libraryNames(db) },
  }
}

/**
 * `story:check`: the story as saved, with the house's settings, dictionary and style book; the
 * checks themselves run on the check thread (check-thread.ts), so main keeps answering (and, in
 * Electron, keeps passing key presses on) while a long story is checked. Findings as the Checks
 * panel shows them.
 */
export async function checkStory(db: Db, id: StoryId): Promise<{ findings: Finding[] }> {
  return { findings: await checkThread.run(`story ${id}`, checkRequest(db, id)) }
}
