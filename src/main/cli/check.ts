import type { Finding } from '../../shared/checks'

/** Where, in words: "body ¶3 @12", "headline", "picture in ¶5". Paragraphs count from 1 for people. */
export function placeOf({ where }: Finding): string {
  if (where.field === 'body')
    return `body ¶${(where.block ?? 0) + 1}${where.offset !== undefined ? ` @${where.offset}` : ''}`
  if (where.field === 'picture') return where.block === undefined ? 'lead picture' : `picture in ¶${where.block + 1}`
  return where.offset !== undefined ? `${where.field} @${where.offset}` : where.field
}

/** One finding a line: severity, place, message, and the words at fault. */
export function formatFindings(findings: Finding[]): string {
  if (!findings.length) return 'No findings: the checks found nothing to fix.\n'
  const lines = findings.map((f) => {
    const excerpt = f.excerpt ? `  «${f.excerpt}»` : ''
    return `${f.severity.padEnd(7)}  ${placeOf(f).padEnd(16)}  ${f.message}${excerpt}  [${f.rule}]`
  })
  const errors = findings.filter((f) => f.severity === 'error').length
  return `${lines.join('\n')}\n${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} (${errors} ${errors === 1 ? 'error' : 'errors'})\n`
}
