import type { RestorePreview } from '@shared/revisions'
import { FIELD_LABELS } from './DiffView'

/** What a restore will do, in the editor's words: what changes, what goes, what comes back. */
export function RestoreSummary({ preview }: { preview: RestorePreview }) {
  const { revision, fields, removes, bringsBack } = preview
  return (
    <>
      {fields.length ? (
        <p>
          The story goes back to revision {revision}: {fields.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ')}{' '}
          {fields.length === 1 ? 'changes' : 'change'}.
        </p>
      ) : (
        <p>Revision {revision} reads the same as the story now; restoring it changes nothing but the history.</p>
      )}
      {removes.length > 0 && (
        <>
          <p>Revision {revision} did not have these, so the restore takes them out of the story:</p>
          <ul className="restore-removes" aria-label="Taken out by the restore">
            {removes.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {bringsBack.length > 0 && (
        <>
          <p>It brings back:</p>
          <ul className="restore-brings" aria-label="Brought back by the restore">
            {bringsBack.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        The status stays as it is. The restore is a revision of its own: Undo restore brings the story back as it is
        now.
      </p>
    </>
  )
}
