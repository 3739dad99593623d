import { useState } from 'react'
import { LiveRegion } from '../app/LiveRegion'
import type { SaveState } from './useAutosave'

/**
 * The save state, shown always and said only when it matters: a failed or conflicting save is
 * said by the alert under the bar, and "Saved" once the trouble is over. Saving… and Saved after
 * every pause in typing would be read out all day, so the visible text is not itself live.
 */
export function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saved'
      ? 'Saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'pending'
          ? 'Unsaved changes'
          : state.kind === 'conflict'
            ? 'Not saved: changed elsewhere'
            : 'Not saved'
  const trouble = state.kind === 'error' || state.kind === 'conflict'
  const [troubled, setTroubled] = useState(false)
  const [said, setSaid] = useState('')
  if (trouble && !troubled) {
    setTroubled(true)
    setSaid('')
  } else if (state.kind === 'saved' && troubled) {
    setTroubled(false)
    setSaid('Saved again: your latest edits are safe.')
  }
  return (
    <>
      <span className={`save-state save-${state.kind}`} role="status" aria-live="off" data-save-state={state.kind}>
        {text}
      </span>
      <LiveRegion message={said} settle={100} />
    </>
  )
}
