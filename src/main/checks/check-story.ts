import { runChecks, type Finding } from '../../shared/checks'
import type { StoryId } from '../../shared/story'
import type { Db } from '../library/open'
import { readCheckOptions } from '../library/check-options'
import { getStory } from '../library/stories'

/**
 * `story:check`: the copy-desk checks (pure, src/shared/checks/, the same code the editor runs
 * live) on the story as saved, with the house's settings, both loaded from the library.
 */
export function checkStory(db: Db, id: StoryId): { findings: Finding[] } {
  return { findings: runChecks(getStory(db, id), readCheckOptions(db)) }
}
