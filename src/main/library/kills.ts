import type { Kill } from '../../shared/kill'
import type { Story, StoryFields, StorySource } from '../../shared/story'
import { prepared, type Db } from './open'
import { getStory, saveStory } from './stories'

/** What a kill notice from the wire says, and how to find the story it refers to. */
export interface WireKill {
  kind: Kill['kind']
  notice: string
  /** The notice's own guid (NewsML-G2, ninjs, NITF: the same item, now canceled or withheld). */
  guid?: string
  /** The slug it refers to (its keyword without the kill word), from the same agency. */
  slug?: string
  agency?: string
}

/**
 * The stories a notice refers to: those with the same guid, or the same slug from the same agency
 * (ANPA and 7901 have no guid). Never the notice itself, and never another notice.
 */
export function storiesNoticed(db: Db, kill: WireKill, noticeId: number): number[] {
  const rows = prepared(
    db,
    `SELECT id FROM stories
      WHERE id != @noticeId
        AND coalesce(json_extract(kill, '$.isNotice'), 0) = 0
        AND ((@guid IS NOT NULL AND json_extract(source, '$.guid') = @guid)
          OR (@slug IS NOT NULL AND @slug != '' AND slug = @slug AND agency IS @agency))
      ORDER BY id`,
  ).all({ noticeId, guid: kill.guid ?? null, slug: kill.slug ?? null, agency: kill.agency ?? null }) as {
    id: number
  }[]
  return rows.map((r) => r.id)
}

/**
 * File a kill notice, in the caller's transaction: the notice's own story is marked as the notice
 * (it must not run either), and every story it refers to is marked killed, each as a revision of
 * its own (reason "kill", the notice's words in the note) so the history says when and why.
 */
export function fileKill(db: Db, notice: Story, kill: WireKill, at: Date): number[] {
  const base = {
    kind: kill.kind,
    at: at.toISOString(),
    notice: kill.notice,
    ...(kill.agency ? { agency: kill.agency } : {}),
  }
  const targets = storiesNoticed(db, kill, notice.id)
  for (const id of targets) {
    const story = getStory(db, id)
    saveStory(db, {
      id,
      expectedRevision: story.revision,
      changes: { kill: { ...base, noticeStoryId: notice.id } },
      reason: 'kill',
      note: `${kill.kind === 'kill' ? 'Killed' : 'Withdrawn'} by the notice in story ${notice.id}: ${kill.notice}`.slice(
        0,
        4000,
      ),
      now: at,
    })
  }
  const own: Partial<StoryFields> = { kill: { ...base, isNotice: true } }
  saveStory(db, {
    id: notice.id,
    expectedRevision: notice.revision,
    changes: own,
    reason: 'kill',
    note: targets.length
      ? `The agency's ${kill.kind} notice for ${targets.map((t) => `story ${t}`).join(', ')}`
      : `The agency's ${kill.kind} notice; no story in the library matched it`,
    now: at,
  })
  return targets
}

/** The kill facts of a filed story's source. */
export function wireKillOf(kill: { kind: Kill['kind']; notice: string }, source: StorySource, slug: string): WireKill {
  return {
    ...kill,
    ...(source.guid ? { guid: source.guid } : {}),
    ...(source.agency ? { agency: source.agency } : {}),
    slug,
  }
}
