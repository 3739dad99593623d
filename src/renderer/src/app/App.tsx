import { useCallback, useEffect, useRef, useState } from 'react'
import type { MenuCommand } from '@shared/contract'
import type { StoryId } from '@shared/story'
import { LibraryPane } from '../library/LibraryPane'
import { StoryPane } from '../story/StoryPane'
import { exportRequested, houseStyleChanged } from '../export/events'
import { ExportHost } from '../export/ExportHost'
import { WireImportHost } from '../wire/WireImportHost'
import { wireImportRequested } from '../wire/events'
import { invoke } from './client'
import { flushAll } from './flush'
import { libraryChanged } from './library-events'
import { AppBar } from './AppBar'
import { SideSlot } from './side-slot'
import { SkipLinks } from './SkipLinks'
import { ShortcutSheet } from './ShortcutSheet'
import { NARROW, useMedia } from './useMedia'
import { setHouseDates } from '../library/when'
import { hasWords, startDraft, type Draft } from '../story/draft'
import { isShortcut } from './keys'

export function App() {
  const [openId, setOpenIdNow] = useState<StoryId | null>(null)
  const [error, setError] = useState<string | null>(null)
  // A story just spiked, offered back with Undo until the editor moves on.
  const [spiked, setSpiked] = useState<{ id: StoryId; headline: string } | null>(null)
  // The new story open (New story, Ctrl+N): shown at once on a local draft while the library makes
  // it; the caret goes to its headline, and leaving it untouched removes it.
  const draftRef = useRef<Draft | null>(null)
  const [draft, setDraftNow] = useState<Draft | null>(null)
  // A new story left before the library could make it: its words, offered back.
  const [stranded, setStranded] = useState<Draft | null>(null)
  const openRef = useRef<StoryId | null>(null)

  const show = useCallback((id: StoryId | null, next: Draft | null = null) => {
    draftRef.current = next
    setDraftNow(next)
    openRef.current = id
    setOpenIdNow(id)
  }, [])

  /**
   * Leave the open story: what was typed is saved first (the flushers take it at once, before the
   * editor goes), then a new story left without a word typed in it is removed. False when the new
   * story being left could not be made in the library: its words are still in its draft.
   */
  const leave = useCallback(async (keep: StoryId | null): Promise<boolean> => {
    const leaving = draftRef.current
    await flushAll()
    if (!leaving) return true
    if (!leaving.made) return false
    if (leaving.made.id !== keep) {
      const { discarded } = await invoke('story:discard-untouched', { id: leaving.made.id }).catch(() => ({
        discarded: false,
      }))
      if (discarded) libraryChanged.emit()
    }
    return true
  }, [])

  /** Move to another story (or none), once the one open is saved. */
  const setOpenId = useCallback(
    async (id: StoryId | null) => {
      if (draftRef.current || (openRef.current !== null && openRef.current !== id)) {
        if (!(await leave(id))) {
          setError('This new story is not in the library yet, so it stays open with your words. Try again to save it.')
          return
        }
      }
      show(id)
    },
    [leave, show],
  )

  /** Show a new story's draft at once; the story being left is saved (and, if untouched, removed) meanwhile. */
  const openDraft = useCallback(
    (next: Draft) => {
      const left = draftRef.current
      const leaving = leave(null)
      show(next.made?.id ?? null, next)
      void leaving.then((ok) => {
        // Closed before the library could make it: its words wait to be brought back.
        if (!ok && left && hasWords(left)) setStranded(left)
      })
    },
    [leave, show],
  )
  // Bumped when something outside the editor changed the open story (export marking it published).
  const [reloads, setReloads] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  const lastNew = useRef(0)
  const [sideSlot, setSideSlot] = useState<HTMLElement | null>(null)
  // The library list: 'auto' shows it beside the story on a wide window, and on a narrow one only
  // while no story is open (it then takes the whole window); the Library button overrides that.
  const narrow = useMedia(NARROW)
  const [libraryChoice, setLibraryChoice] = useState<'auto' | 'shown' | 'hidden'>('auto')
  const storyOpen = openId !== null || draft !== null
  const libraryShown = libraryChoice === 'auto' ? !narrow || !storyOpen : libraryChoice === 'shown'
  const open = useCallback(
    (id: StoryId) => {
      void setOpenId(id)
      // On a narrow window the chosen story takes the place of the list, and the focus goes with it.
      if (narrow) {
        setLibraryChoice('auto')
        requestAnimationFrame(() => document.getElementById('story')?.focus())
      }
    },
    [narrow, setOpenId],
  )

  // Dates and times everywhere are written in the house language and zone.
  useEffect(() => {
    invoke('settings:get', {})
      .then((house) => setHouseDates(house.language, house.timeZone))
      .catch(() => undefined)
    return houseStyleChanged.on((house) => setHouseDates(house.language, house.timeZone))
  }, [])

  const newStory = useCallback(
    (from: 'key' | 'button' = 'key') => {
      // The menu accelerator and the page's own shortcut can both fire for one key press; a click is always meant.
      if (from === 'key' && Date.now() - lastNew.current < 400) return
      if (from === 'key') lastNew.current = Date.now()
      const next = startDraft((story) => {
        if (draftRef.current === next) {
          openRef.current = story.id
          setOpenIdNow(story.id)
        }
        libraryChanged.emit()
      })
      openDraft(next)
    },
    [openDraft],
  )

  const onSpiked = useCallback(
    (id: StoryId, headline: string) => {
      setSpiked({ id, headline })
      show(null)
    },
    [show],
  )
  const undoSpike = async () => {
    if (!spiked) return
    try {
      await invoke('story:unspike', { id: spiked.id })
      libraryChanged.emit()
      await setOpenId(spiked.id)
      setSpiked(null)
    } catch (e) {
      setError(`“${spiked.headline}” could not be brought back: ${(e as Error).message}`)
    }
  }

  const onCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'new-story') newStory()
      else if (command === 'focus-search') {
        setLibraryChoice((c) => (c === 'hidden' ? 'auto' : c))
        if (narrow) setLibraryChoice('shown')
        requestAnimationFrame(() => searchRef.current?.focus())
      } else if (command === 'save-now') void flushAll()
      else if (command === 'export-html') exportRequested.emit()
      else if (command === 'import-wire') wireImportRequested.emit()
    },
    [newStory, narrow],
  )

  useEffect(() => {
    const offMenu = window.copydesk.on('menu:command', ({ command }) => onCommand(command))
    const offFlush = window.copydesk.on('app:flush-request', ({ token }) => {
      // Main lets a silent window go after 3 s; a large picture still being stored says it is at work.
      const working = setInterval(() => void invoke('app:flush-working', { token }).catch(() => undefined), 1000)
      void flushAll()
        .then(async () => {
          // The window is going: a new story never typed in goes with it.
          const untouched = draftRef.current?.made
          if (untouched) await invoke('story:discard-untouched', { id: untouched.id }).catch(() => undefined)
        })
        .finally(() => clearInterval(working))
        .then(() => invoke('app:flushed', { token }))
    })
    // isShortcut reads the key on any layout (a Russian Ctrl+N comes as "т"), never takes AltGr's
    // characters (Polish AltGr+N is ń, German AltGr+E €) and leaves an input method's keys alone.
    const onKey = (event: KeyboardEvent) => {
      if (isShortcut(event, { key: 'n' })) {
        event.preventDefault()
        onCommand('new-story')
      } else if (isShortcut(event, { key: 's', shift: 'any' })) {
        event.preventDefault()
        onCommand('save-now')
      } else if (isShortcut(event, { key: 'f', shift: true })) {
        event.preventDefault()
        onCommand('focus-search')
      } else if (isShortcut(event, { key: 'e' })) {
        // The menu's accelerator in the app; the page's own for the keyboard in tests. Opening twice is harmless.
        event.preventDefault()
        onCommand('export-html')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      offMenu()
      offFlush()
      window.removeEventListener('keydown', onKey)
    }
  }, [onCommand])

  return (
    <SideSlot.Provider value={sideSlot}>
      <div className="app" data-library={libraryShown ? 'shown' : 'hidden'} data-story={storyOpen ? 'open' : 'none'}>
        <SkipLinks showLibrary={() => setLibraryChoice(narrow ? 'shown' : 'auto')} storyOpen={storyOpen} />
        <AppBar
          libraryShown={libraryShown}
          onToggleLibrary={() => setLibraryChoice(libraryShown ? 'hidden' : 'shown')}
          onNew={() => newStory('button')}
        />
        <LibraryPane openId={openId} onOpen={open} searchRef={searchRef} />
        <main className="desk" id="story" tabIndex={-1} aria-label={storyOpen ? 'Story' : 'Desk'}>
          {error && (
            <div className="banner banner-error" role="alert">
              {error} <button onClick={() => setError(null)}>Dismiss</button>
            </div>
          )}
          {spiked && (
            <div className="banner banner-info" role="status">
              Spiked “{spiked.headline}”. It is on the Spike list until purged.{' '}
              <button onClick={() => void undoSpike()}>Undo</button>{' '}
              <button onClick={() => setSpiked(null)}>Dismiss</button>
            </div>
          )}
          {stranded && (
            <div className="banner banner-error" role="alert">
              A new story{stranded.unsaved?.headline ? ` (“${stranded.unsaved.headline}”)` : ''} could not be made in
              the library before you moved on; its words are kept.{' '}
              <button
                onClick={() => {
                  setStranded(null)
                  openDraft(stranded)
                }}
              >
                Open it
              </button>
            </div>
          )}
          {!storyOpen ? (
            <div className="empty-desk">
              <p>Open a story from the library, or start a new one.</p>
              <button className="primary" onClick={() => newStory('button')}>
                New story <kbd>Ctrl+N</kbd>
              </button>
            </div>
          ) : (
            <StoryPane
              key={draft ? draft.key : `${openId}:${reloads}`}
              id={openId}
              draft={draft}
              focusHeadline={draft !== null}
              onSpiked={onSpiked}
              onDuplicated={(id) => void setOpenId(id)}
            />
          )}
        </main>
        <div className="side-slot" ref={setSideSlot} />
        <ExportHost
          openId={openId}
          onPublished={(ids) => {
            libraryChanged.emit()
            if (openId !== null && ids.includes(openId)) {
              // Published from the library's side: shown afresh from the library (a draft included, once made).
              show(openId)
              setReloads((n) => n + 1)
            }
          }}
        />
        <WireImportHost onOpen={open} />
        <ShortcutSheet />
      </div>
    </SideSlot.Provider>
  )
}
