import { runChecks, type Finding } from '../shared/checks'
import { checkOptionsSchema, defaultCheckOptions, type CheckOptions } from '../shared/checks/options'
import type { StoryId } from '../shared/story'
import type { Db } from './library/open'
import { readSetting } from './library/settings'
import { getStory } from './library/stories'

/**
 * The house's headline length sits beside the house style, under the key house.headlineMaxLength
 * (a JSON number). A missing or unusable value leaves the default rather than stopping the checks.
 */
export const HEADLINE_MAX_LENGTH_KEY = 'house.headlineMaxLength'

export function readCheckOptions(db: Db): CheckOptions {
  const stored = checkOptionsSchema.shape.headlineMaxLength.safeParse(readSetting(db, HEADLINE_MAX_LENGTH_KEY))
  return stored.success ? { ...defaultCheckOptions, headlineMaxLength: stored.data } : defaultCheckOptions
}

/** The copy-desk checks on a story as saved, with the house's settings. */
export function checkStory(db: Db, id: StoryId): { findings: Finding[] } {
  return { findings: runChecks(getStory(db, id), readCheckOptions(db)) }
}
