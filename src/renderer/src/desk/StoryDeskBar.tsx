import { useState } from 'react'
import type { DeskDetails } from '@shared/desk/contract'
import { storyStatuses, type StoryId, type StoryStatus } from '@shared/story'
import { invoke } from '../app/client'
import { flushAll } from '../app/flush'
import { libraryChanged } from '../app/library-events'
import { Modal } from '../export/Modal'
import { useDeskStatus } from './desk-state'
import type { Replacement } from '../story/panel-props'

interface Props {
  id: StoryId
  status: StoryStatus
  /** The story's desk details, or null for a story only in this library. */
  desk: DeskDetails | null
  /**
   * Shared now (or handed over): the story pane reopens the story on the desk. Given the share
   * itself, the pane closes the editor first and shares once its last keys are saved (StoryPane).
   */
  onShared: (share?: Replacement) => void
}

/** Above a story: Share (a local story onto the desk) or, for a shared one, who has it and Hand to. */
export function StoryDeskBar({ id, status, desk, onShared }: Props) {
  const deskStatus = useDeskStatus()
  const [busy, setBusy] = useState(false)
  const [handing, setHanding] = useState(false)
  if (!deskStatus.joined && !desk) return null

  // The desk's copy is made from the library's: shared from under an open editor, keys typed while
  // it was on its way were saved after the copy was made. So the editor closes first, saving as it
  // goes; a share that fails is said above the story opened again.
  const share = async () => {
    setBusy(true)
    await flushAll()
    onShared(async () => {
      try {
        await invoke('desk:share', { id })
      } catch (e) {
        throw new Error(`The story could not be shared: ${(e as Error).message}`)
      }
      libraryChanged.emit()
    })
  }

  return (
    <span className="story-desk">
      {desk ? (
        <>
          <span className="desk-mark">Shared</span>
          <span className="story-desk-who">
            {desk.owner}’s · {desk.assignee ? `with ${desk.assignee}` : 'on the desk'}
          </span>
          <button type="button" onClick={() => setHanding(true)}>
            Hand to…
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={busy || !deskStatus.online}
          onClick={() => void share()}
          title={deskStatus.online ? `Put this story on the ${deskStatus.desk} desk` : 'Sharing needs the desk online'}
        >
          Share to desk
        </button>
      )}
      {handing && desk && (
        <HandToDialog
          id={id}
          status={status}
          desk={desk}
          onClose={() => setHanding(false)}
          onDone={() => {
            setHanding(false)
            libraryChanged.emit()
            onShared()
          }}
        />
      )}
    </span>
  )
}

function HandToDialog({
  id,
  status,
  desk,
  onClose,
  onDone,
}: {
  id: StoryId
  status: StoryStatus
  desk: DeskDetails
  onClose: () => void
  onDone: () => void
}) {
  const [who, setWho] = useState(desk.assignee ?? '')
  const [at, setAt] = useState<StoryStatus>(status)
  const [problem, setProblem] = useState<string | null>(null)
  const hand = async () => {
    try {
      await flushAll()
      await invoke('desk:hand-to', { id, assignee: who.trim() || null, status: at })
      onDone()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  return (
    <Modal title="Hand to" titleId="hand-to-title" onClose={onClose}>
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault()
          void hand()
        }}
      >
        <label>
          Colleague
          <input value={who} onChange={(e) => setWho(e.target.value)} placeholder="their desk user name" />
          <small>Leave empty to hand the story back to the {desk.desk} desk.</small>
        </label>
        <label>
          Status
          <select value={at} onChange={(e) => setAt(e.target.value as StoryStatus)}>
            {storyStatuses.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
        {problem && (
          <p className="banner banner-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Hand over
          </button>
        </div>
      </form>
    </Modal>
  )
}
