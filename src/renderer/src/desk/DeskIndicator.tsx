import { useState } from 'react'
import { DeskDialog } from './DeskDialog'
import { deskStateWords } from './desk-words'
import { useDeskStatus } from './desk-state'

/** In the app bar: the desk's connection and what waits to go up, and the way to the Desk setting. */
export function DeskIndicator() {
  const status = useDeskStatus()
  const [open, setOpen] = useState(false)
  const words = deskStateWords(status)
  const state = !status.joined ? 'none' : status.online && !status.refused ? 'online' : 'offline'
  return (
    <span className="desk-indicator" data-state={state}>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title="The desk: sign in, work offline"
      >
        Desk…
      </button>
      {/* Only a library on a desk has a connection to speak of (and a live region to announce it). */}
      {status.joined && (
        <span className="desk-state" role="status" aria-label="Desk connection">
          {words}
        </span>
      )}
      {open && <DeskDialog onClose={() => setOpen(false)} />}
    </span>
  )
}
