import type { DiffField, RevisionDiff } from '@shared/revisions'

export const FIELD_LABELS: Record<DiffField, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  bylines: 'Bylines',
  dateline: 'Dateline',
  status: 'Status',
  leadPicture: 'Lead picture',
  leadCaption: 'Lead picture caption',
  leadCredit: 'Lead picture credit',
  leadAlt: 'Lead picture alt text',
  body: 'Body',
  bodyPictures: 'Pictures in the body',
  comments: 'Comments',
  related: 'Related stories',
  keywords: 'Keywords',
}

/** "2 added, 1 resolved": only what happened. */
export function commentSummary(changes: NonNullable<RevisionDiff['comments']>): string {
  const said: [number, string][] = [
    [changes.added, 'added'],
    [changes.replies, changes.replies === 1 ? 'reply' : 'replies'],
    [changes.resolved, 'resolved'],
    [changes.reopened, 'reopened'],
    [changes.removed, 'removed'],
  ]
  return said
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ')
}

export const words = (n: number) => `${n} ${n === 1 ? 'word' : 'words'}`

/** What changed from one revision to a later one: words there now marked as inserted, words gone as deleted. */
export function DiffView({ diff }: { diff: RevisionDiff }) {
  const later = diff.against === diff.currentRevision ? 'now' : `revision ${diff.against}`
  if (!diff.fields.length)
    return (
      <p className="diff-none">
        Revision {diff.revision} is the same as {later}.
      </p>
    )
  return (
    <div className="diff" role="group" aria-label={`Changes from revision ${diff.revision} to ${later}`}>
      <p className="diff-summary">
        From revision {diff.revision} to {later}: <span className="diff-added">{words(diff.wordsAdded)} added</span>,{' '}
        <span className="diff-removed">{diff.wordsRemoved} removed</span>
      </p>
      {diff.comments && <p className="diff-comments">Comments: {commentSummary(diff.comments)}</p>}
      {diff.fields.map(({ field, parts }) => (
        // Named apart from the field itself, so "Headline" means the field the editor types in, never its diff.
        <section key={field} className="diff-field" aria-label={`${FIELD_LABELS[field]}: what changed`}>
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
