import { defaultCheckOptions } from '../checks/options'
import type { PreflightItem } from './item'
import type { PreflightContext, PreflightRule } from './rule'
import { emptyBody } from './rules/empty-body'
import { embargoInForce } from './rules/embargo'
import { headlineLength } from './rules/headline-length'
import { killed } from './rules/killed'
import { noHeadline } from './rules/no-headline'
import { pictureAlt, pictureCredit, pictureImage } from './rules/pictures'
import { placeholders } from './rules/placeholders'
import { relatedLinks } from './rules/related-links'
import { shortBody } from './rules/short-body'
import { spellingAndStyle } from './rules/spelling-style'
import { unresolvedComments } from './rules/unresolved-comments'

/**
 * The publish preflight's rules, in the order the list shows them (blocking first). A new rule is
 * one file in rules/ and one line here; docs/preflight.md lists them.
 */
export const preflightRules: readonly PreflightRule[] = [
  killed,
  embargoInForce,
  noHeadline,
  emptyBody,
  placeholders,
  unresolvedComments,
  shortBody,
  pictureImage,
  headlineLength,
  pictureCredit,
  pictureAlt,
  relatedLinks,
  spellingAndStyle,
]

/** Every rule on a story: blocking items first, then warnings, each rule's in the order it found them. Pure. */
export function runPreflight(
  context: Omit<PreflightContext, 'options' | 'findings'> & Partial<Pick<PreflightContext, 'options' | 'findings'>>,
): PreflightItem[] {
  const full: PreflightContext = { findings: [], ...context, options: { ...defaultCheckOptions, ...context.options } }
  const items = preflightRules.flatMap((rule) =>
    rule.run(full).map((item) => ({ rule: rule.id, level: rule.level, ...item })),
  )
  return [...items.filter((i) => i.level === 'blocking'), ...items.filter((i) => i.level === 'warning')]
}

export * from './item'
export type { PreflightContext, PreflightLookups, PreflightRule } from './rule'
