import type { StoryPreview } from '../../shared/export'
import type { StoryId } from '../../shared/story'
import { exportBaseName } from '../export/file-names'
import { renderStoryHtml } from '../export/page'
import type { Db } from '../library/open'
import { readHouseStyle } from '../library/settings'
import { getStory } from '../library/stories'
import { prepareStoryPictures, socialCardPreview } from './story-pictures'

/**
 * What the Preview panel shows: the page as the export would write it, pictures embedded (one width
 * each, as a single file has them), and the lead picture's social card.
 */
export async function previewStory(db: Db, id: StoryId): Promise<StoryPreview> {
  const story = getStory(db, id)
  const style = readHouseStyle(db)
  const pictures = await prepareStoryPictures(db, story, style, { base: exportBaseName(story), embed: true })
  const html = renderStoryHtml(story, pictures.media, style)
  // A card that cannot be made (a damaged picture) leaves the page preview as it is.
  const card = await socialCardPreview(db, story).catch(() => undefined)
  return { html, ...(card ? { card } : {}) }
}
