import type { StoryId } from '../../shared/story'
import { exportBaseName } from '../export/file-names'
import { renderStoryHtml } from '../export/page'
import type { Db } from '../library/open'
import { readHouseStyle } from '../library/settings'
import { getStory } from '../library/stories'
import { mediaFor } from './page-media'

/** The page as the export would write it, pictures embedded: what the Preview panel shows. */
export function previewStoryHtml(db: Db, id: StoryId): string {
  const story = getStory(db, id)
  const style = readHouseStyle(db)
  const media = mediaFor(db, exportBaseName(story), style, true, new Map())
  return renderStoryHtml(story, media, style)
}
