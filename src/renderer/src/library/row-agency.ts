import type { StorySummary } from '@shared/story'

/**
 * The agency a library row shows after the bylines ("Press Association · PA"), or nothing when a
 * byline already names it: "PA" beside a byline "PA" would print the agency twice ("PA PA").
 */
export function agencyBesideBylines(story: Pick<StorySummary, 'agency' | 'bylines'>): string | undefined {
  const { agency, bylines } = story
  if (!agency || !bylines.length) return undefined
  return bylines.some((b) => b.toLowerCase() === agency.toLowerCase()) ? undefined : agency
}
