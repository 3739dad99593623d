import { useCallback, useEffect, useRef, useState } from 'react'
import type { MenuCommand } from '../../../shared/contract'
import type { StoryId } from '../../../shared/story'
import { LibraryPane } from '../library/LibraryPane'
import { StoryPane } from '../story/StoryPane'
import { exportRequested } from '../export/events'
import { ExportHost } from '../export/ExportHost'
import { WireImportHost } from '../wire/WireImportHost'
import { wireImportRequested } from '../wire/events'
import { invoke } from './client'
import { flushAll } from './flush'
import { libraryChanged } from './library-events'

export function App() {
  const [openId, setOpenId] = useState<StoryId | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Bumped when something outside the editor changed the open story (export marking it published).
  const [reloads, setReloads] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  const lastNew = useRef(0)

  const newStory = useCallback(async () => {
    // The menu accelerator and the page's own shortcut can both fire for one key press.
    if (Date.now() - lastNew.current < 400) return
    lastNew.current = Date.now()
    try {
      await flushAll()
      const story = await invoke('story:create', {})
      libraryChanged.emit()
      setOpenId(story.id)
    } catch (e) {
      setError(`Could not create a story: ${(e as Error).message}`)
    }
  }, [])

  const onCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'new-story') void newStory()
      else if (command === 'focus-search') searchRef.current?.focus()
      else if (command === 'save-now') void flushAll()
      else if (command === 'export-html') exportRequested.emit()
      else if (command === 'import-wire') wireImportRequested.emit()
    },
    [newStory],
  )

  useEffect(() => {
    const offMenu = window.copydesk.on('menu:command', ({ command }) => onCommand(command))
    const offFlush = window.copydesk.on('app:flush-request', ({ token }) => {
      void flushAll().then(() => invoke('app:flushed', { token }))
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
    <div className="app">
      <LibraryPane openId={openId} onOpen={setOpenId} onNew={() => void newStory()} searchRef={searchRef} />
      <main className="desk">
        {error && (
          <div className="banner banner-error" role="alert">
            {error} <button onClick={() => setError(null)}>Dismiss</button>
          </div>
        )}
        {openId === null ? (
          <div className="empty-desk">
            <p>Open a story from the library, or start a new one.</p>
            <button className="primary" onClick={() => void newStory()}>
              New story <kbd>Ctrl+N</kbd>
            </button>
          </div>
        ) : (
          <StoryPane key={`${openId}:${reloads}`} id={openId} />
        )}
      </main>
      <ExportHost
        openId={openId}
        onPublished={(ids) => {
          libraryChanged.emit()
          if (openId !== null && ids.includes(openId)) setReloads((n) => n + 1)
        }}
      />
      <WireImportHost onOpen={setOpenId} />
    </div>
  )
}
