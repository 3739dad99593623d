import { runChecks, type Finding } from '../../shared/checks'
import type { StoryId } from '../../shared/story'
import type { Db } from '../library/open'
import { readCheckOptions } from '../library/check-options'
import { libraryNames, readHouseDictionary, readStorySpelling } from '../library/dictionary'
import { getStory } from '../library/stories'
import { houseChecks } from '../spelling'

/**
 * `story:check`: the copy-desk checks (pure, src/shared/checks/, the same code the editor runs
 * live) on the story as saved, with the house's settings, both loaded from the library; then its
 * spelling and the house style book (the findings the Checks panel shows, with the dictionaries
 * loaded in Node: asynchronous, as Hunspell's WebAssembly loads).
 */
export async function checkStory(db: Db, id: StoryId): Promise<{ findings: Finding[] }> {
  const story = getStory(db, id)
  const spelling = readStorySpelling(db, id)
  const house = await houseChecks(story, readHouseDictionary(db), { ...spelling, names: libraryNames(db) })
  return { findings: [...runChecks(story, { ...readCheckOptions(db), language: spelling.language }), ...house] }
}
