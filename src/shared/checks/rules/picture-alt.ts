import { pictureLabel, picturesOf } from '../pictures'
import { finding, type Rule } from '../rule'

/** Alt text says what the picture shows, for readers who cannot see it; a caption is no substitute. */
export const pictureAlt: Rule = {
  id: 'picture-alt',
  describe: 'A picture with no alt text.',
  check: ({ story }) =>
    picturesOf(story)
      .filter((placed) => !placed.picture.alt.trim())
      .map((placed) =>
        finding(
          'picture-alt',
          'error',
          `${placed.name} has no alt text (what it shows).`,
          pictureLabel(placed),
          placed.where,
        ),
      ),
}
