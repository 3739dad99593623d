import type { PreflightRule } from '../rule'

export const headlineLength: PreflightRule = {
  id: 'headline-length',
  describe: 'The headline is longer than the house allows.',
  level: 'warning',
  run: ({ story, options }) => {
    const length = [...story.headline.trim()].length
    return length > options.headlineMaxLength
      ? [
          {
            message: `the headline is ${length} characters, over the house's ${options.headlineMaxLength}`,
            where: { field: 'headline' },
          },
        ]
      : []
  },
}
