import { useCallback, useEffect, useRef, useState } from 'react'
import type { Body } from '@shared/body'
import type { Override } from '@shared/preflight'
import type { Story, StoryFields } from '@shared/story'
import { ApiError } from '@shared/errors'
import { invoke } from '../app/client'
import { registerFlusher } from '../app/flush'
import { libraryChanged } from '../app/library-events'
import type { DeskDetails } from '@shared/desk/contract'
import type { Draft } from './draft'
import { noteLastSave } from './last-save'

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string }

/** Within a second of a pause in typing, what was typed is in the library. */
export const AUTOSAVE_DELAY_MS = 700

/**
 * A shared story saves sooner after a pause: the save is also how a colleague sees the words
 * (desk:edit into the doc, then the WebSocket), and 0.7 s of it was most of a keystroke's way to a
 * colleague's window (docs/benchmarks.md#desk). A desk save is a Yjs update of what changed, not a
 * revision of the whole story, so saving more often costs little.
 */
export const DESK_AUTOSAVE_DELAY_MS = 150

/**
 * Collects an editor's changes and saves them as revisions, one save at a time, each against the
 * revision it was made on. Nothing typed is ever dropped: a failed save puts its changes back so the
 * next attempt carries them, and the flush that runs before the window closes waits for all of it.
 */
/**
 * A shared story (desk): saves go through desk:edit, made on a base, and come back merged with
 * colleagues' changes. `onMerged` puts the merged story in front of the editor; it is called only
 * when nothing was typed since the save went (so nothing typed is overwritten).
 */
export interface DeskEditing {
  base: number
  /** `desk` comes when the desk's details were fetched too (a colleague handed the story on). */
  onMerged: (story: Story, desk?: DeskDetails | null) => void
}

/** Said when the library could not make a new story: its words are still in the editor. */
export function notMadeMessage(error: unknown): string {
  return `This new story is not in the library yet: ${(error as Error).message} Your words are kept here.`
}

export function useAutosave(
  story: Story,
  readBody: () => Body | null,
  desk?: DeskEditing,
  draft?: Draft,
  readBodyText?: () => string | null,
) {
  // readBody (and readBodyText, the same body as JSON text) must be stable (they read the editor
  // through a ref): they are called only when saving.
  // The story as the library has it; null while a new story's draft waits for the library to make it.
  const [start] = useState(() => (draft && !draft.made ? null : story))
  const made = useRef<Story | null>(start)
  const [madeNow, setMadeNow] = useState(start)
  const [state, setState] = useState<SaveState>(() =>
    start ? { kind: 'saved', at: story.updatedAt } : { kind: 'saving' },
  )
  const revision = useRef(story.revision)
  // A draft brought back after its editor was closed before the library could make it comes with its words.
  const [unsaved] = useState(() => (start ? {} : (draft?.unsaved ?? {})))
  const { body: unsavedBody, ...unsavedFields } = unsaved
  const pending = useRef<Partial<StoryFields>>(unsavedFields)
  const bodyDirty = useRef(unsavedBody !== undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inFlight = useRef<Promise<void> | null>(null)
  const blocked = useRef(false)
  const base = useRef(desk?.base ?? null)
  const onMerged = useRef(desk?.onMerged)
  useEffect(() => {
    onMerged.current = desk?.onMerged
  }, [desk?.onMerged])
  // A colleague's change arrived while a save was on its way: fetch it once that save is back.
  const stale = useRef(false)

  // Conflicts and publishing are offered only once the story exists (the pane shows them then).
  const madeId = () => {
    if (!made.current) throw new Error('this new story is not in the library yet')
    return made.current.id
  }
  const hasPending = () => bodyDirty.current || Object.keys(pending.current).length > 0

  /**
   * A new story: wait for the library to make it (asking again after a failure). If it cannot, say
   * so and keep everything typed, here and on the draft, so an editor closed meanwhile can be brought back.
   */
  const make = useCallback(async (): Promise<Story | null> => {
    if (made.current || !draft) return made.current
    try {
      const story = await draft.story()
      if (!made.current) {
        made.current = story
        revision.current = story.revision
        setMadeNow(story)
        if (!hasPending()) setState({ kind: 'saved', at: story.updatedAt })
      }
      return story
    } catch (error) {
      const body = bodyDirty.current ? readBody() : null
      draft.keep({ ...pending.current, ...(body ? { body } : {}) })
      setState({ kind: 'error', message: notMadeMessage(error) })
      return null
    }
  }, [draft, readBody])

  /**
   * A colleague changed the shared story: when nothing is waiting to be saved, fetch the desk's
   * version and show it; otherwise the next save brings it back merged.
   */
  const refresh = useCallback(async (): Promise<void> => {
    if (base.current === null || !made.current) return
    if (inFlight.current || hasPending()) {
      stale.current = true
      return
    }
    stale.current = false
    const opened = await invoke('desk:open', { id: made.current.id }).catch(() => null)
    if (!opened?.base) return
    if (inFlight.current || hasPending()) {
      stale.current = true
      return
    }
    base.current = opened.base
    revision.current = opened.story.revision
    onMerged.current?.(opened.story, opened.desk)
  }, [])

  const saveNow = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current)
    while (inFlight.current) await inFlight.current
    if (blocked.current) return
    if (!made.current) {
      // One save at a time, the making of the story included: a second save waits for it.
      setState((s) => (s.kind === 'saving' ? s : { kind: 'saving' }))
      const making = make().then(() => undefined)
      inFlight.current = making.finally(() => {
        inFlight.current = null
      })
      await inFlight.current
      if (!made.current) return
    }
    if (!hasPending()) return
    const id = made.current.id
    const changes: Partial<StoryFields> = { ...pending.current }
    // A story of one's own saves through story:autosave: the body as JSON text made a block at a
    // time, and only the revision back. Cloning a 10,000-word body object by object on the page's
    // thread, and reading the whole story back, was the longest task while typing (docs/benchmarks.md).
    const own = base.current === null
    let bodyJson: string | undefined
    if (bodyDirty.current) {
      const text = own ? readBodyText?.() : null
      if (text) bodyJson = text
      else {
        const body = readBody()
        if (body) changes.body = body
      }
    }
    pending.current = {}
    bodyDirty.current = false
    setState({ kind: 'saving' })
    const saving: Promise<{ revision: number; updatedAt: string }> = own
      ? changes.body
        ? invoke('story:save', { id, expectedRevision: revision.current, changes, reason: 'autosave' })
        : invoke('story:autosave', {
            id,
            expectedRevision: revision.current,
            changes,
            ...(bodyJson === undefined ? {} : { bodyJson }),
          })
      : invoke('desk:edit', { id, base: base.current!, changes }).then((edited) => {
          // Typed meanwhile: carry on from what was sent; otherwise take the merge in.
          if (hasPending()) base.current = edited.sent
          else {
            base.current = edited.merged
            onMerged.current?.(edited.story)
          }
          return edited.story
        })
    inFlight.current = saving
      .then((saved) => {
        revision.current = saved.revision
        setState(hasPending() ? { kind: 'pending' } : { kind: 'saved', at: saved.updatedAt })
        libraryChanged.emit()
      })
      .catch((error: unknown) => {
        const { body, ...fields } = changes
        pending.current = { ...fields, ...pending.current }
        if (body || bodyJson !== undefined) bodyDirty.current = true
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
    if (stale.current) void refresh()
  }, [readBody, readBodyText, refresh, make])

  const schedule = useCallback(() => {
    // The same state object while already pending, so a keystroke does not re-render the story pane.
    setState((s) => (s.kind === 'conflict' || s.kind === 'pending' ? s : { kind: 'pending' }))
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void saveNow(), base.current === null ? AUTOSAVE_DELAY_MS : DESK_AUTOSAVE_DELAY_MS)
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
    if (base.current !== null) {
      const opened = await invoke('desk:open', { id: madeId() })
      if (opened.base !== null) base.current = opened.base
    }
    const latest = await invoke('story:get', { id: madeId() })
    revision.current = latest.revision
    blocked.current = false
    await saveNow()
  }, [saveNow])

  /**
   * Mark the story published through the preflight: what is pending is saved first, then the status
   * with the editor's override (if any), so main holds it for the same reasons as export does.
   */
  const publish = useCallback(
    async (override: Override | null): Promise<Story> => {
      await saveNow()
      // In the one queue of saves: an autosave sent meanwhile (a picture finishing puts itself in
      // place) would go on the same revision and come back as a conflict.
      while (inFlight.current) await inFlight.current
      const publishing = invoke('story:save', {
        id: madeId(),
        expectedRevision: revision.current,
        changes: { status: 'published' },
        reason: 'status',
        ...(override ? { override } : {}),
      })
      inFlight.current = publishing
        .then((saved) => {
          revision.current = saved.revision
          // "Saved" only if nothing changed while the status was on its way.
          setState(hasPending() ? { kind: 'pending' } : { kind: 'saved', at: saved.updatedAt })
          libraryChanged.emit()
        })
        .catch(() => undefined) // the dialog says why (the preflight's reasons, a library problem)
        .finally(() => {
          inFlight.current = null
        })
      const saved = await publishing
      await inFlight.current
      return saved
    },
    [saveNow],
  )

  /**
   * Leaving the story (opening another, closing, a restore or a share reopening it) saves what is
   * pending. The pane that opens the story again waits for it (last-save.ts), so what is read, or
   * restored on top, has the keys typed last.
   */
  const leave = useCallback(() => {
    const saving = saveNow()
    if (made.current) noteLastSave(made.current.id, saving)
  }, [saveNow])

  useEffect(() => {
    const unregister = registerFlusher(saveNow)
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saveNow()
    }
    document.addEventListener('visibilitychange', onHide)
    return () => {
      unregister()
      document.removeEventListener('visibilitychange', onHide)
      leave()
    }
  }, [saveNow, leave])

  // A new story's draft: ask the library for it at once, so what needs its id (spelling, panels) can start.
  useEffect(() => {
    if (!made.current) void make()
  }, [make])

  return { state, made: madeNow, change, bodyChanged, saveNow, keepMine, publish, refresh }
}
