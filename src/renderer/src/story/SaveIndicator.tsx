import type { SaveState } from './useAutosave'

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
  return (
    <span className={`save-state save-${state.kind}`} role="status" aria-live="polite" data-save-state={state.kind}>
      {text}
    </span>
  )
}
