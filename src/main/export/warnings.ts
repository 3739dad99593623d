import type { Story, StoryId, StoryStatus } from '../../shared/story'
import { UNTITLED } from './page'

/** What the warnings need to know from the library, looked up by the caller. */
export interface WarningLookups {
  /** Whether the library holds a picture's bytes. */
  hasPicture: (mediaId: string) => boolean
  /** A related story as it now is, or null when it is no longer in the library. */
  linkedStory: (id: StoryId) => { headline: string; status: StoryStatus } | null
}

/** What an editor should know about a story that was exported anyway. Pure. */
export function exportWarnings(story: Story, lookups: WarningLookups): string[] {
  const warnings: string[] = []
  if (!story.headline.trim()) warnings.push(`it has no headline (the page says "${UNTITLED}")`)
  const pictures = [
    ...(story.leadPicture ? [{ where: 'the lead picture', p: story.leadPicture }] : []),
    ...story.body.root.children
      .filter((b) => b.type === 'picture')
      .map((p, i) => ({ where: `picture ${i + 1} in the body`, p })),
  ]
  for (const { where, p } of pictures) {
    if (p.mediaId && !lookups.hasPicture(p.mediaId)) {
      warnings.push(`${where}: its image is not in the library; the page has its caption and credit only`)
    } else if (p.mediaId && !p.alt.trim()) {
      warnings.push(`${where} has no alt text`)
    }
    if ((p.mediaId || p.caption.trim()) && !p.credit.trim()) warnings.push(`${where} has no credit`)
  }
  for (const entry of story.related) {
    if (entry.storyId === undefined) continue
    const other = lookups.linkedStory(entry.storyId)
    if (!other && !entry.url)
      warnings.push(`related story "${entry.headline}" is no longer in the library; listed without a link`)
    else if (other && other.status !== 'published')
      warnings.push(`related story "${other.headline || entry.headline}" is not published yet`)
  }
  return warnings
}
