import type { Finding } from '@shared/checks'

function placeOf({ where }: Finding): string {
  if (where.field === 'body') return `Body ¶${(where.block ?? 0) + 1}`
  if (where.field === 'picture') return where.block === undefined ? 'Lead picture' : `Picture, ¶${where.block + 1}`
  return where.field[0]!.toUpperCase() + where.field.slice(1)
}

interface Props {
  findings: Finding[]
  onChoose: (finding: Finding) => void
  /** A finding's fix: its replacement put in place, or (a misspelling) the suggestions menu. */
  onFix?: (finding: Finding) => void
}

/** What the fix button says, where a finding has one. */
function fixLabel(finding: Finding): string | null {
  if (finding.fix) return `Use “${finding.fix.replacement}”`
  if (finding.rule === 'spelling' && finding.where.offset !== undefined) return 'Suggestions…'
  return null
}

/** Each finding says what and where; choosing it moves the cursor there. */
export function FindingList({ findings, onChoose, onFix }: Props) {
  return (
    <ol className="findings" aria-label="Findings">
      {findings.map((finding, i) => (
        <li key={`${finding.rule}:${finding.where.field}:${finding.where.block}:${finding.where.offset}:${i}`}>
          <button
            className={`finding finding-${finding.severity}`}
            title={finding.rule}
            onClick={() => onChoose(finding)}
          >
            <span className="finding-head">
              {/* Only what must be fixed says so; the rest are the desk's to judge, and say what they are. */}
              {finding.severity === 'error' && <span className="finding-severity">Must fix</span>}
              <span className="finding-place">{placeOf(finding)}</span>
            </span>
            <span className="finding-message">{finding.message}</span>
            {/* Set apart by its look, not by quotation marks: the words at fault often hold quotes themselves. */}
            {finding.excerpt && <span className="finding-excerpt">{finding.excerpt}</span>}
          </button>
          {onFix && fixLabel(finding) && (
            <button className="finding-fix" onClick={() => onFix(finding)}>
              {fixLabel(finding)}
            </button>
          )}
        </li>
      ))}
    </ol>
  )
}
