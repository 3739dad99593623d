import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices: the bar issue #18 sets. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']

export interface AxeOutcome {
  violations: string[]
  incomplete: string[]
}

/** One line an editor (or a developer) can act on: rule, impact, where, and axe's own words. */
function lines(
  results: {
    id: string
    impact?: string | null
    help: string
    nodes: { target: unknown; failureSummary?: string }[]
  }[],
) {
  return results.flatMap((r) =>
    r.nodes.map((n) => `${r.id} (${r.impact ?? 'review'}): ${r.help} at ${JSON.stringify(n.target)}`),
  )
}

/**
 * Runs axe on what the page shows now and fails on any violation, naming every one. Items axe
 * cannot decide ("incomplete") are returned for the caller to check against the list explained in
 * docs/accessibility.md.
 */
export async function expectNoAxeViolations(page: Page, screen: string, include?: string): Promise<AxeOutcome> {
  // Frames are left out: the one frame in the app is the export preview, a sandboxed page where no
  // script (axe's included) may run; the exported pages themselves are checked in export.spec.ts.
  // Legacy mode runs axe in the page itself: the default mode's extra blank page for the results
  // never opened while the preview frame was on screen.
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({ iframes: false }).withTags(AXE_TAGS)
  if (include) builder = builder.include(include)
  const results = await builder.analyze()
  const violations = lines(results.violations)
  expect(violations, `axe violations on ${screen}`).toEqual([])
  return { violations, incomplete: lines(results.incomplete) }
}
