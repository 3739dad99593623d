import { finding, type Rule } from '../rule'

const ID = 'headline-length'

/** A headline longer than the house allows (the setting checks.headlineMaxLength). */
export const headlineLength: Rule = {
  id: ID,
  describe: 'A headline longer than the house length.',
  check({ story, options }) {
    const max = options.headlineMaxLength
    const headline = story.headline
    const length = [...headline.trimEnd()].length
    if (length <= max) return []
    // Offsets count UTF-16 units, as the text field does; the excerpt is what runs over.
    const cut = [...headline].slice(0, max).join('').length
    const over = headline.trimEnd().slice(cut)
    return [
      finding(
        ID,
        'warning',
        `The headline is ${length} characters; the house length is ${max} (${length - max} over).`,
        over,
        { field: 'headline', offset: cut, length: over.length },
      ),
    ]
  },
}
