import { describeKill, type Kill } from '@shared/kill'

interface Props {
  agencyNote: string
  deskNote: string
  kill: Kill | null | undefined
  onDeskNote: (note: string) => void
}

/**
 * Above the story, never in it: the agency's kill (a red banner), its notes to editors and the
 * desk's own note. None of it is in the body and none of it is exported (ninjs's ednote only when
 * the house style says so).
 *
 * Each takes one line until it has more to say, so the story's words stay in sight: the agency's
 * note shows its first line and opens (a disclosure) to the whole; the desk note is a one-line box
 * that grows with what is typed. The kill stays a banner: it must never be folded out of sight.
 */
export function StoryNotes({ agencyNote, deskNote, kill, onDeskNote }: Props) {
  const agency = agencyNote.trim()
  return (
    <>
      {kill && (
        <div className="banner banner-kill" role="alert" aria-label="Killed">
          <strong>{kill.isNotice ? 'Kill notice' : kill.kind === 'kill' ? 'KILLED' : 'WITHDRAWN'}</strong>{' '}
          {describeKill(kill)} Do not publish.
        </div>
      )}
      <section className="editor-notes" aria-label="Editor's notes">
        {agency && (
          <details className="agency-note">
            <summary>
              <span className="note-label">From the agency</span> <span className="agency-first">{agency}</span>
            </summary>
            <p>{agency}</p>
          </details>
        )}
        <label className="desk-note">
          <span className="note-label">
            Desk note<span className="visually-hidden"> (never published)</span>
          </span>
          <textarea
            rows={1}
            value={deskNote}
            placeholder="Never published"
            onChange={(e) => onDeskNote(e.target.value)}
          />
        </label>
      </section>
    </>
  )
}
