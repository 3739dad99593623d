import type { PreflightRule } from '../rule'

/** Spelling and the house style book, as the Checks panel lists them: one line each, to look at, not to hold. */
export const spellingAndStyle: PreflightRule = {
  id: 'spelling-style',
  describe: 'Spelling and style-book findings.',
  level: 'warning',
  run: ({ findings }) =>
    findings
      .filter((f) => f.rule === 'spelling' || f.rule === 'style-book')
      .map((f) => ({
        message: `${f.rule === 'spelling' ? 'spelling' : 'style book'}: ${f.message}`,
        where: f.where,
      })),
}
