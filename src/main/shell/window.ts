import { BrowserWindow, screen } from 'electron'
import { join } from 'node:path'
import { APP_ENTRY, mainWindowOptions } from './policy'
import { rememberBounds, restoreBounds } from './window-state'
import type { FlushCoordinator } from './flush'
import { noteInput } from '../input-quiet'

export interface MainWindowSetup {
  preloadPath: string
  userDataDir: string
  devServerUrl?: string
  flush: FlushCoordinator
}

/** The story window: remembers where it was, and lets the renderer save before it closes. */
export function createMainWindow(setup: MainWindowSetup): BrowserWindow {
  const stateFile = join(setup.userDataDir, 'window-state.json')
  const bounds = restoreBounds(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const window = new BrowserWindow(mainWindowOptions(setup.preloadPath, bounds))
  if (bounds.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  let flushed = false
  window.on('close', (event) => {
    try {
      rememberBounds(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() })
    } catch {
      // Losing the window position is no reason to keep a window from closing.
    }
    if (flushed) return
    event.preventDefault()
    void setup.flush.request().then(() => {
      flushed = true
      window.close()
    })
  })
  // Main forwards every key to the page; a picture being stored waits for a gap in them (input-quiet.ts).
  window.webContents.on('before-input-event', () => noteInput())
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Copydesk: the story window's renderer stopped (${details.reason}); reloading it`)
    if (!window.isDestroyed()) void window.loadURL(setup.devServerUrl ?? APP_ENTRY)
  })
  void window.loadURL(setup.devServerUrl ?? APP_ENTRY)
  return window
}
