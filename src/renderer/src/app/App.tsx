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

export function App() {
  const [openId, setOpenIdNow] = useState<StoryId | null>(null)
  const [error, setError] = useState<string | null>(null)
  // A story just spiked, offered back with Undo until the editor moves on.
  const [spiked, setSpiked] = useState<{ id: StoryId; headline: string } | null>(null)
  // The story made with New story and not yet typed in: the caret goes to its headline, and leaving it untouched removes it.
  const fresh = useRef<StoryId | null>(null)
  const [freshId, setFreshId] = useState<StoryId | null>(null)
  const openRef = useRef<StoryId | null>(null)

  /**
   * Move to another story (or none). What was typed is saved first; a new story left without a
   * word typed in it is not kept (the save comes first, so anything typed is never thrown away).
   */
  const setOpenId = useCallback(async (id: StoryId | null, options: { fresh?: boolean } = {}) => {
    const leaving = openRef.current
    if (leaving !== null && leaving !== id) {
      await flushAll()
      if (leaving === fresh.current) {
        fresh.current = null
        const { discarded } = await invoke('story:discard-untouched', { id: leaving }).catch(() => ({
          discarded: false,
        }))
        if (discarded) libraryChanged.emit()
      }
    }
    if (options.fresh) fresh.current = id
    setFreshId(options.fresh ? id : null)
    openRef.current = id
    setOpenIdNow(id)
  }, [])
  // Bumped when something outside the editor changed the open story (export marking it published).
  const [reloads, setReloads] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  const lastNew = useRef(0)
  const [sideSlot, setSideSlot] = useState<HTMLElement | null>(null)
  // The library list: 'auto' shows it beside the story on a wide window, and on a narrow one only
  // while no story is open (it then takes the whole window); the Library button overrides that.
  const narrow = useMedia(NARROW)
  const [libraryChoice, setLibraryChoice] = useState<'auto' | 'shown' | 'hidden'>('auto')
  const libraryShown = libraryChoice === 'auto' ? !narrow || openId === null : libraryChoice === 'shown'
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
    async (from: 'key' | 'button' = 'key') => {
      // The menu accelerator and the page's own shortcut can both fire for one key press; a click is always meant.
      if (from === 'key' && Date.now() - lastNew.current < 400) return
      if (from === 'key') lastNew.current = Date.now()
      try {
        await flushAll()
        const story = await invoke('story:create', {})
        await setOpenId(story.id, { fresh: true })
        libraryChanged.emit()
      } catch (e) {
        setError(`Could not create a story: ${(e as Error).message}`)
      }
    },
    [setOpenId],
  )

  const onSpiked = useCallback((id: StoryId, headline: string) => {
    if (fresh.current === id) fresh.current = null
    setSpiked({ id, headline })
    openRef.current = null
    setOpenIdNow(null)
  }, [])
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
      if (command === 'new-story') void newStory()
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
      void flushAll()
        .then(async () => {
          // The window is going: a new story never typed in goes with it.
          const untouched = fresh.current
          if (untouched !== null) await invoke('story:discard-untouched', { id: untouched }).catch(() => undefined)
        })
        .then(() => invoke('app:flushed', { token }))
    })
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey
      if (mod && !event.shiftKey && event.key.toLowerCase() === 'n') {
        event.preventDefault()
        onCommand('new-story')
      } else if (mod && event.key.toLowerCase() === 's') {
        event.preventDefault()
        onCommand('save-now')
      } else if (mod && event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        onCommand('focus-search')
      } else if (mod && !event.shiftKey && event.key.toLowerCase() === 'e') {
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
      <div
        className="app"
        data-library={libraryShown ? 'shown' : 'hidden'}
        data-story={openId === null ? 'none' : 'open'}
      >
        <SkipLinks showLibrary={() => setLibraryChoice(narrow ? 'shown' : 'auto')} storyOpen={openId !== null} />
        <AppBar
          libraryShown={libraryShown}
          onToggleLibrary={() => setLibraryChoice(libraryShown ? 'hidden' : 'shown')}
          onNew={() => void newStory('button')}
        />
        <LibraryPane openId={openId} onOpen={open} searchRef={searchRef} />
        <main className="desk" id="story" tabIndex={-1} aria-label={openId === null ? 'Desk' : 'Story'}>
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
          {openId === null ? (
            <div className="empty-desk">
              <p>Open a story from the library, or start a new one.</p>
              <button className="primary" onClick={() => void newStory('button')}>
                New story <kbd>Ctrl+N</kbd>
              </button>
            </div>
          ) : (
            <StoryPane
              key={`${openId}:${reloads}`}
              id={openId}
              focusHeadline={freshId === openId}
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
            if (openId !== null && ids.includes(openId)) setReloads((n) => n + 1)
          }}
        />
        <WireImportHost onOpen={open} />
        <ShortcutSheet />
      </div>
    </SideSlot.Provider>
  )
}
