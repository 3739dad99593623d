import type { Picture } from '../story'
import type { FindingWhere } from './finding'
import { clip, type CheckableStory } from './rule'

export interface PlacedPicture {
  picture: Pick<Picture, 'alt' | 'caption' | 'credit'>
  where: FindingWhere
  name: string
}

/** The lead picture, then each picture in the body with its block. */
export function picturesOf(story: CheckableStory): PlacedPicture[] {
  const placed: PlacedPicture[] = []
  if (story.leadPicture)
    placed.push({ picture: story.leadPicture, where: { field: 'picture' }, name: 'The lead picture' })
  story.body.root.children.forEach((block, index) => {
    if (block.type === 'picture') {
      placed.push({ picture: block, where: { field: 'picture', block: index }, name: 'A picture in the body' })
    }
  })
  return placed
}

/** How a finding names a picture: its caption, else its alt text. */
export const pictureLabel = ({ picture }: PlacedPicture) => clip(picture.caption || picture.alt || '(no caption)', 50)
