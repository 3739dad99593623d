import { runChecks, type Finding } from '../../shared/checks'
import type { CheckOptions } from '../../shared/checks/options'
import type { HouseDictionary } from '../../shared/spelling/house-dictionary'
import type { Story } from '../../shared/story'
import { houseChecks } from '../spelling'

/**
 * Everything the checks of one story need, read from the library on main's thread
 * (check-story.ts) and handed whole to the check thread (check-thread.ts), which never opens the
 * library: plain data that survives a structured clone. Nothing here may import the library (the
 * thread's bundle would load SQLite's addon for nothing).
 */
export interface CheckRequest {
  story: Story
  options: CheckOptions
  dictionary: HouseDictionary
  spelling: { language: string; ignored: string[]; names: string[] }
}

/**
 * The copy-desk checks (pure, src/shared/checks/, the same code the editor runs live), then the
 * story's spelling and the house style book (Hunspell's WebAssembly: asynchronous the first time).
 * Bounded by the body limits and the linear rules, but seconds for the largest story: the app runs
 * this on the check thread, never on main's.
 */
export async function findingsFor({ story, options, dictionary, spelling }: CheckRequest): Promise<Finding[]> {
  const house = await houseChecks(story, dictionary, spelling)
  return [...runChecks(story, options), ...house]
}
