import { useCallback, useEffect, useRef, useState } from 'react'
import type { Body } from '@shared/body'
import type { Override } from '@shared/preflight'
import type { Story, StoryFields } from '@shared/story'
import { ApiError } from '@shared/errors'
import { invoke } from '../app/client'
import { registerFlusher } from '../app/flush'
import { libraryChanged } from '../app/library-events'

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string }

/** Within a second of a pause in typing, what was typed is in the library. */
export const AUTOSAVE_DELAY_MS = 700

/**
 * Collects an editor's changes and saves them as revisions, one save at a time, each against the
 * revision it was made on. Nothing typed is ever dropped: a failed save puts its changes back so the
 * next attempt carries them, and the flush that runs before the window closes waits for all of it.
 */
export function useAutosave(story: Story, readBody: () => Body | null) {
  // readBody must be stable (it reads the editor through a ref): it is called only when saving.
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: story.updatedAt })
  const revision = useRef(story.revision)
  const pending = useRef<Partial<StoryFields>>({})
  const bodyDirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inFlight = useRef<Promise<void> | null>(null)
  const blocked = useRef(false)

  const hasPending = () => bodyDirty.current || Object.keys(pending.current).length > 0

  const saveNow = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current)
    while (inFlight.current) await inFlight.current
    if (!hasPending() || blocked.current) return
    const changes: Partial<StoryFields> = { ...pending.current }
    if (bodyDirty.current) {
      const body = readBody()
      if (body) changes.body = body
    }
    pending.current = {}
    bodyDirty.current = false
    setState({ kind: 'saving' })
    inFlight.current = invoke('story:save', {
      id: story.id,
      expectedRevision: revision.current,
      changes,
      reason: 'autosave',
    })
      .then((saved) => {
        revision.current = saved.revision
        setState(hasPending() ? { kind: 'pending' } : { kind: 'saved', at: saved.updatedAt })
        libraryChanged.emit()
      })
      .catch((error: unknown) => {
        const { body, ...fields } = changes
        pending.current = { ...fields, ...pending.current }
        if (body) bodyDirty.current = true
        const message = (error as Error).message
        if (error instanceof ApiError && error.code === 'conflict') {
          blocked.current = true
          setState({ kind: 'conflict', message })
        } else {
          setState({ kind: 'error', message })
        }
      })
      .finally(() => {
        inFlight.current = null
      })
    await inFlight.current
  }, [story.id, readBody])

  const schedule = useCallback(() => {
    // The same state object while already pending, so a keystroke does not re-render the story pane.
    setState((s) => (s.kind === 'conflict' || s.kind === 'pending' ? s : { kind: 'pending' }))
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS)
  }, [saveNow])

  const change = useCallback(
    (fields: Partial<StoryFields>) => {
      pending.current = { ...pending.current, ...fields }
      schedule()
    },
    [schedule],
  )

  const bodyChanged = useCallback(() => {
    bodyDirty.current = true
    schedule()
  }, [schedule])

  /** After a conflict, the editor chose to keep their version: save it on top of the latest one. */
  const keepMine = useCallback(async () => {
    const latest = await invoke('story:get', { id: story.id })
    revision.current = latest.revision
    blocked.current = false
    await saveNow()
  }, [story.id, saveNow])

  /**
   * Mark the story published through the preflight: what is pending is saved first, then the status
   * with the editor's override (if any), so main holds it for the same reasons as export does.
   */
  const publish = useCallback(
    async (override: Override | null): Promise<Story> => {
      await saveNow()
      const saved = await invoke('story:save', {
        id: story.id,
        expectedRevision: revision.current,
        changes: { status: 'published' },
        reason: 'status',
        ...(override ? { override } : {}),
      })
      revision.current = saved.revision
      setState({ kind: 'saved', at: saved.updatedAt })
      libraryChanged.emit()
      return saved
    },
    [story.id, saveNow],
  )

  useEffect(() => {
    const unregister = registerFlusher(saveNow)
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saveNow()
    }
    document.addEventListener('visibilitychange', onHide)
    return () => {
      unregister()
      document.removeEventListener('visibilitychange', onHide)
      // Leaving the story (opening another, closing) saves what is pending; it need not be awaited here.
      void saveNow()
    }
  }, [saveNow])

  return { state, change, bodyChanged, saveNow, keepMine, publish }
}
