import { checkFields, type Finding } from './finding'
import { comparisonWithoutThan } from './rules/comparison-without-than'
import { doubleSpace } from './rules/double-space'
import { doubledWord } from './rules/doubled-word'
import { emptyStory } from './rules/empty-story'
import { placeholder } from './rules/placeholder'
import { headlineLength } from './rules/headline-length'
import { honorificWithoutName } from './rules/honorific-without-name'
import { missingByline } from './rules/missing-byline'
import { missingDateline } from './rules/missing-dateline'
import { missingHeadline } from './rules/missing-headline'
import { nameVariants } from './rules/name-variants'
import { pictureAlt } from './rules/picture-alt'
import { pictureCredit } from './rules/picture-credit'
import { spaceBeforePunctuation } from './rules/space-before-punctuation'
import { straightQuotes } from './rules/straight-quotes'
import { unpairedQuotes } from './rules/unpaired-quotes'
import { defaultCheckOptions, type CheckOptions } from './options'
import { bodyRuns, type TextRun } from '../body-text'
import type { CheckableStory, Rule } from './rule'
import { MAX_FINDINGS_PER_RULE } from '../limits'

/** Every copy-desk check, in the order the panel lists a story's findings when they tie. */
export const rules: readonly Rule[] = [
  missingHeadline,
  emptyStory,
  placeholder,
  headlineLength,
  missingByline,
  missingDateline,
  pictureCredit,
  pictureAlt,
  unpairedQuotes,
  straightQuotes,
  doubledWord,
  doubleSpace,
  spaceBeforePunctuation,
  nameVariants,
  honorificWithoutName,
  comparisonWithoutThan,
]

const fieldOrder = new Map<string, number>(checkFields.map((field, i) => [field, i]))

/** Reading order: field by field, then block, then offset, so the list runs down the story. */
function byPlace(a: Finding, b: Finding): number {
  return (
    fieldOrder.get(a.where.field)! - fieldOrder.get(b.where.field)! ||
    (a.where.block ?? -1) - (b.where.block ?? -1) ||
    (a.where.offset ?? -1) - (b.where.offset ?? -1)
  )
}

/**
 * Run every check on a story (saved, or as it stands in the editor). Plain functions over strings:
 * the renderer runs them as an editor types, the CLI and api run the same code in Node.
 */
export function runChecks(story: CheckableStory, options: Partial<CheckOptions> = {}): Finding[] {
  const runs: TextRun[] = [
    { field: 'headline', text: story.headline },
    { field: 'standfirst', text: story.standfirst },
    ...bodyRuns(story.body),
  ]
  const context = { story, runs, options: { ...defaultCheckOptions, ...options } }
  return rules.flatMap((rule) => capped(rule.check(context).sort(byPlace))).sort(byPlace)
}

/**
 * At most MAX_FINDINGS_PER_RULE findings of one rule, the first in reading order, then one line saying
 * how many more there are (placed at the first one left out, so the editor can go on from there).
 */
function capped(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings
  const next = findings[MAX_FINDINGS_PER_RULE]!
  const more = findings.length - MAX_FINDINGS_PER_RULE
  return [
    ...findings.slice(0, MAX_FINDINGS_PER_RULE),
    {
      ...next,
      message: `…and ${more.toLocaleString('en')} more like this (only the first ${MAX_FINDINGS_PER_RULE} are listed).`,
    },
  ]
}

export type { CheckableStory, Rule } from './rule'
export * from './finding'
export * from './options'
