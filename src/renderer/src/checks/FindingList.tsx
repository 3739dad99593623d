import type { Finding } from '../../../shared/checks'

function placeOf({ where }: Finding): string {
  if (where.field === 'body') return `Body ¶${(where.block ?? 0) + 1}`
  if (where.field === 'picture') return where.block === undefined ? 'Lead picture' : `Picture, ¶${where.block + 1}`
  return where.field[0]!.toUpperCase() + where.field.slice(1)
}

interface Props {
  findings: Finding[]
  onChoose: (finding: Finding) => void
}

/** Each finding says what and where; choosing it moves the cursor there. */
export function FindingList({ findings, onChoose }: Props) {
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
              <span className="finding-severity">{finding.severity === 'error' ? 'Error' : 'Check'}</span>
              <span className="finding-place">{placeOf(finding)}</span>
            </span>
            <span className="finding-message">{finding.message}</span>
            {finding.excerpt && <q className="finding-excerpt">{finding.excerpt}</q>}
          </button>
        </li>
      ))}
    </ol>
  )
}
