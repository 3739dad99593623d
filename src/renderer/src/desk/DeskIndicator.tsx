import { useState } from 'react'
import { DeskDialog } from './DeskDialog'
import { deskConnectionWords, deskStateWords } from './desk-words'
import { useDeskStatus } from './desk-state'

/** In the app bar: the desk's connection and what waits to go up, and the way to the Desk setting. */
export function DeskIndicator() {
  const status = useDeskStatus()
  const [open, setOpen] = useState(false)
  const state = !status.joined ? 'none' : status.online && !status.refused ? 'online' : 'offline'
  return (
    <span className="desk-indicator" data-state={state}>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-describedby={status.joined ? 'desk-state' : undefined}
        onClick={() => setOpen(true)}
        title="The desk: sign in, work offline"
      >
        Desk…
      </button>
      {/* Only a library on a desk has a connection to speak of. The count is read with the button;
          the live region speaks only when the connection changes, not at every save. */}
      {status.joined && (
        <>
          <span className="desk-state" id="desk-state">
            {deskStateWords(status)}
          </span>
          <span className="visually-hidden" role="status">
            {deskConnectionWords(status)}
          </span>
        </>
      )}
      {open && <DeskDialog onClose={() => setOpen(false)} />}
    </span>
  )
}
