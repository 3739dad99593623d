import { checkOptionsSchema, defaultCheckOptions, type CheckOptions } from '../../shared/checks/options'
import type { Db } from './open'
import { readHouseStyle, readSetting } from './settings'

/**
 * The house's headline length sits beside the house style, under the key house.headlineMaxLength
 * (a JSON number). A missing or unusable value leaves the default rather than stopping the checks.
 */
export const HEADLINE_MAX_LENGTH_KEY = 'house.headlineMaxLength'

/** The house's settings for the copy-desk checks: the headline length, typography and the house language. */
export function readCheckOptions(db: Db): CheckOptions {
  const stored = checkOptionsSchema.shape.headlineMaxLength.safeParse(readSetting(db, HEADLINE_MAX_LENGTH_KEY))
  const house = readHouseStyle(db)
  // The placeholder words are part of the house style (settings:set changes them).
  const words = checkOptionsSchema.shape.placeholderWords.safeParse(house.placeholderWords)
  return {
    ...defaultCheckOptions,
    ...(stored.success ? { headlineMaxLength: stored.data } : {}),
    typography: house.typography,
    dash: house.dash,
    language: house.language,
    ...(words.success ? { placeholderWords: words.data } : {}),
  }
}
