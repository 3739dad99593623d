import type { RevisionDiff } from '../../../shared/revisions'

const FIELD_LABELS: Record<RevisionDiff['fields'][number]['field'], string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  bylines: 'Byline',
  dateline: 'Dateline',
  body: 'Body',
}

/** What changed since a revision: words now in the story marked as inserted, words gone as deleted. */
export function DiffView({ diff }: { diff: RevisionDiff }) {
  if (!diff.fields.length) return <p className="diff-none">The text is the same as now.</p>
  return (
    <div className="diff" aria-label={`Changes since revision ${diff.revision}`}>
      <p className="diff-summary">
        Since then: <span className="diff-added">{diff.wordsAdded} words added</span>,{' '}
        <span className="diff-removed">{diff.wordsRemoved} removed</span>
      </p>
      {diff.fields.map(({ field, parts }) => (
        <section key={field} className="diff-field">
          <h4>{FIELD_LABELS[field]}</h4>
          <p className="diff-text">
            {parts.map((part, i) =>
              part.change === 'added' ? (
                <ins key={i}>{part.text}</ins>
              ) : part.change === 'removed' ? (
                <del key={i}>{part.text}</del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  )
}
