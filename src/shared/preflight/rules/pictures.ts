import { picturesOf } from '../../checks/pictures'
import type { Picture } from '../../story'
import type { PreflightContext, PreflightRule } from '../rule'

/** The lead picture and the body's, with their media ids (picturesOf keeps the fields the checks read). */
function pictures({ story }: PreflightContext) {
  const body = story.body.root.children.filter((b) => b.type === 'picture') as unknown as Picture[]
  const all = [...(story.leadPicture ? [story.leadPicture] : []), ...body]
  return picturesOf(story).map((placed, i) => ({ ...placed, mediaId: all[i]?.mediaId }))
}

const lower = (name: string) => name[0]!.toLowerCase() + name.slice(1)

/**
 * A warning, not a hold: wire copy often describes a picture it does not carry, and the page then
 * prints its caption and credit alone (docs/export.md); the desk sees it before the story goes.
 */
export const pictureImage: PreflightRule = {
  id: 'picture-image',
  describe: 'A picture with no image (none chosen, or its bytes are not in the library).',
  level: 'warning',
  run: (context) =>
    pictures(context)
      .filter((p) => !p.mediaId || !context.lookups.hasPicture(p.mediaId))
      .map((p) => ({ message: `${lower(p.name)} has no image`, where: p.where })),
}

export const pictureCredit: PreflightRule = {
  id: 'picture-credit',
  describe: 'A picture with no credit.',
  level: 'warning',
  run: (context) =>
    pictures(context)
      .filter((p) => !p.picture.credit.trim())
      .map((p) => ({ message: `${lower(p.name)} has no credit`, where: p.where })),
}

export const pictureAlt: PreflightRule = {
  id: 'picture-alt',
  describe: 'A picture with no alt text (a reader who cannot see it is told nothing).',
  level: 'warning',
  run: (context) =>
    pictures(context)
      .filter((p) => !p.picture.alt.trim())
      .map((p) => ({ message: `${lower(p.name)} has no alt text`, where: p.where })),
}
