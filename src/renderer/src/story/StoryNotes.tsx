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
 */
export function StoryNotes({ agencyNote, deskNote, kill, onDeskNote }: Props) {
  return (
    <>
      {kill && (
        <div className="banner banner-kill" role="alert" aria-label="Killed">
          <strong>{kill.isNotice ? 'Kill notice' : kill.kind === 'kill' ? 'KILLED' : 'WITHDRAWN'}</strong>{' '}
          {describeKill(kill)} Do not publish.
        </div>
      )}
      <section className="editor-notes" aria-label="Editor's notes">
        {agencyNote.trim() && (
          <div className="agency-note">
            <h3>From the agency</h3>
            <p>{agencyNote}</p>
          </div>
        )}
        <label className="desk-note">
          Desk note (never published)
          <textarea rows={1} value={deskNote} onChange={(e) => onDeskNote(e.target.value)} />
        </label>
      </section>
    </>
  )
}
