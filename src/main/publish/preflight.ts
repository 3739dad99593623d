import { ApiError } from '../../shared/errors'
import { runChecks } from '../../shared/checks'
import {
  blockingItems,
  overrideNote,
  overrideProblem,
  runPreflight,
  type Override,
  type Preflight,
  type PreflightItem,
} from '../../shared/preflight'
import type { Story, StoryFields, StoryId } from '../../shared/story'
import { checkStory } from '../checks/check-story'
import { readCheckOptions } from '../library/check-options'
import { mediaInfo } from '../library/media'
import type { Db } from '../library/open'
import { findLinkedStory } from '../library/publishing'
import { getStory, saveStory, type SaveRequest } from '../library/stories'

/*
 * The publish preflight as main runs it: the pure rules (src/shared/preflight/) with what they need
 * from the library looked up here. Export and the status "published" both go through it, so the
 * window, the CLI and the e2e bridge hold a story for the same reasons (docs/preflight.md).
 */

function lookups(db: Db) {
  return {
    hasPicture: (mediaId: string) => mediaInfo(db, mediaId) !== null,
    linkedStory: (id: StoryId) => findLinkedStory(db, id),
  }
}

/** The whole list, spelling and the style book included (they load Hunspell: asynchronous). */
export async function preflightStory(db: Db, story: Story, now = new Date()): Promise<PreflightItem[]> {
  const { findings } = await checkStory(db, story.id)
  return runPreflight({ story, now, options: readCheckOptions(db), findings, lookups: lookups(db) })
}

/** `story:preflight`. */
export async function storyPreflight(db: Db, id: StoryId, now = new Date()): Promise<Preflight> {
  return { id, items: await preflightStory(db, getStory(db, id), now) }
}

/**
 * The blocking items alone, without spelling (every blocking rule is synchronous): what a save that
 * sets "published" is held by, answered at once on main's thread.
 */
export function blockingPreflight(db: Db, story: StoryFields, now = new Date()): PreflightItem[] {
  const options = readCheckOptions(db)
  return blockingItems(runPreflight({ story, now, options, findings: runChecks(story, options), lookups: lookups(db) }))
}

/**
 * `story:save` when it sets the status "published": refused while the preflight holds the story,
 * unless overridden with a reason, which the revision keeps (reason "override", the note says what
 * it let through, why and who). Every other save goes straight through.
 */
export function saveWithPreflight(
  db: Db,
  request: SaveRequest & { override?: Override },
  save: (request: SaveRequest) => Story = (r) => saveStory(db, r),
): Story {
  const { override, ...rest } = request
  if (request.changes.status !== 'published') return save(rest)
  const current = getStory(db, request.id)
  if (current.status === 'published') return save(rest)
  const items = blockingPreflight(db, { ...current, ...request.changes }, request.now)
  const problem = overrideProblem(items, override)
  if (problem) throw new ApiError('invalid-input', `story ${request.id} cannot be marked published: ${problem}`)
  if (!items.length || !override) return save(rest)
  return save({ ...rest, reason: 'override', note: overrideNote(items, override) })
}
