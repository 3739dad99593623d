import type { PreflightItem } from '../../shared/preflight'
import { MARK_END, MARK_START, type SearchHit } from '../../shared/contract'
import type { Story, StorySummary } from '../../shared/story'

const unmark = (text: string, on = '[', off = ']') => text.replaceAll(MARK_START, on).replaceAll(MARK_END, off)

function row(s: StorySummary): string {
  const when = s.updatedAt.slice(0, 16).replace('T', ' ')
  const by = s.bylines.length ? `  (${s.bylines.join(', ')})` : ''
  return `${String(s.id).padStart(6)}  ${s.status.padEnd(9)}  ${when}  ${s.headline || '(no headline)'}${by}`
}

export function formatSummaries(items: StorySummary[]): string {
  if (!items.length) return 'The library has no stories yet.\n'
  return (
    `${'ID'.padStart(6)}  ${'STATUS'.padEnd(9)}  ${'UPDATED (UTC)'.padEnd(16)}  HEADLINE\n` +
    items.map(row).join('\n') +
    '\n'
  )
}

export function formatSearchHits(items: SearchHit[]): string {
  if (!items.length) return 'No story matches.\n'
  return (
    items
      .map((hit) => `${row({ ...hit, headline: unmark(hit.headlineMarked) })}\n        ${unmark(hit.snippet)}`)
      .join('\n') + '\n'
  )
}

export function formatStory(story: Story): string {
  const lines = [
    story.headline || '(no headline)',
    '',
    `id ${story.id} · ${story.status} · revision ${story.revision} · ${story.wordCount} words · updated ${story.updatedAt}`,
  ]
  if (story.bylines.length) lines.push(`By ${story.bylines.map((b) => b.name).join(', ')}`)
  const { place, date, source } = story.dateline
  if (place || date || source)
    lines.push(`Dateline: ${[place, date, source && `(${source})`].filter(Boolean).join(' ')}`)
  if (story.standfirst) lines.push('', story.standfirst)
  if (story.bodyText) lines.push('', story.bodyText)
  if (story.related.length) lines.push('', 'Related:', ...story.related.map((r) => `  - ${r.headline}`))
  return lines.join('\n') + '\n'
}

/** The preflight as the CLI prints it: "      BLOCKING  embargoed until …", "      warning   …", blocking first. */
export function preflightLines(items: readonly PreflightItem[]): string[] {
  return items.map((i) => `      ${i.level === 'blocking' ? 'BLOCKING' : 'warning '}  ${i.message}`)
}
