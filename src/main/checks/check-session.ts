import type { Finding } from '../../shared/checks'
import { ApiError } from '../../shared/errors'
import type { Story } from '../../shared/story'
import { readHouseDictionary, readStoriesSpelling } from '../library/dictionary'
import type { Db } from '../library/open'
import { checkThread, type CheckThread } from './check-thread'
import { speltPart, type SessionShared } from './house-session'

let sessions = 0

/**
 * The spelling and style-book checks of many stories in a row (an export's preflight), main's
 * side: the house dictionary read once and sent to the check thread once, where the session keeps
 * one spell checker per language for every batch (house-session.ts). Each story's own language and
 * the words let stand in it are read per batch, in one query. Made for one export and ended with
 * it: a session sees the dictionary as it was when the export began.
 *
 * Only spelling and the style book: they are the preflight's only use of the checks' findings
 * (src/shared/preflight/rules/spelling-style.ts); the preflight's own rules read the story itself.
 * Still bounded like every check (issue 24): on the check thread, each story under its time limit.
 */
export class CheckSession {
  private readonly id = ++sessions
  private readonly shared: SessionShared

  constructor(
    private readonly db: Db,
    private readonly houseLanguage: string,
    private readonly thread: CheckThread = checkThread,
  ) {
    this.shared = { dictionary: readHouseDictionary(db) }
  }

  /** Each story's findings, or the error that stopped its checks (the others are checked all the same). */
  async check(stories: readonly Story[]): Promise<(Finding[] | ApiError)[]> {
    if (!stories.length) return []
    const spelling = readStoriesSpelling(this.db, stories, this.houseLanguage)
    const outcomes = await this.thread.runSession(
      { id: this.id, shared: this.shared },
      stories.map((story, i) => ({
        what: `story ${story.id}`,
        story: speltPart(story),
        language: spelling[i]!.language,
        ignored: spelling[i]!.ignored,
      })),
    )
    return outcomes.map((outcome) => ('findings' in outcome ? outcome.findings : outcome.stopped))
  }

  /** The thread lets the session's checkers go. */
  end(): Promise<void> {
    return this.thread.endSession(this.id)
  }
}
