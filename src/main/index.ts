import { app, BrowserWindow, dialog, shell } from 'electron'
import { join } from 'node:path'
import { continueUpgrades, resolveLibraryPath, type Library } from './library'
import { findMedia } from './library/media'
import { purgeSpiked } from './library/spike'
import { keepFillingSearchTerms } from './library/search-terms'
import { quietMoment } from './input-quiet'
import { backupsDirFor, dailyBackup, openLibraryOrAdvise } from './library/backup'
import { startPictureThread } from './library/picture-writer'
import { createFlushCoordinator } from './shell/flush'
import { registerIpc } from './shell/ipc'
import { installMenu } from './shell/menu'
import { electronNativeBinding } from './shell/native-binding'
import { registerAppScheme, serveRenderer } from './shell/protocol'
import { installSecurity } from './shell/security'
import { createMainWindow } from './shell/window'
import { resumeDesk } from './library/desk/window'
import { keychainSeal } from './shell/token-seal'

// The Electron lifecycle only: everything the app does lives in Electron-free modules.
app.setName('Copydesk')
registerAppScheme()

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
let window: BrowserWindow | null = null
let library: Library | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })

  void app.whenReady().then(() => {
    const libraryPath = resolveLibraryPath({ userDataDir: app.getPath('userData') })
    const backups = backupsDirFor(app.getPath('userData'))
    try {
      library = openLibraryOrAdvise(libraryPath, backups, {
        nativeBinding: electronNativeBinding(app.getAppPath(), process.resourcesPath),
      })
    } catch (error) {
      dialog.showErrorBox('Copydesk cannot open its library', (error as Error).message)
      app.exit(1)
      return
    }
    installSecurity(devServerOrigin)
    const db = library.db
    serveRenderer(join(__dirname, '../renderer'), (wanted) => findMedia(db, wanted.id, wanted))
    const flush = createFlushCoordinator((token) => window?.webContents.send('app:flush-request', { token }))
    registerIpc(library, flush, devServerOrigin)
    installMenu((command) => window?.webContents.send('menu:command', { command }))
    window = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      userDataDir: app.getPath('userData'),
      devServerUrl,
      flush,
    })
    window.on('closed', () => (window = null))
    // After the window's own start, not competing with it: the first large picture then finds the thread ready.
    window.webContents.once('did-finish-load', () => startPictureThread(db))
    const damage = library.damage
    if (damage) {
      // The check at open found damage: say so before the editor relies on the library, and offer
      // the latest backup (shown in its folder, ready to be copied in once Copydesk has quit).
      void dialog
        .showMessageBox(window, {
          type: 'warning',
          title: 'The library is damaged',
          message: 'Copydesk found damage in its library',
          detail: damage.message,
          buttons: damage.backup ? ['Show the latest backup', 'Carry on'] : ['Carry on'],
          defaultId: 0,
        })
        .then(({ response }) => {
          if (damage.backup && response === 0) shell.showItemInFolder(damage.backup)
        })
    }
    // The desk's news (a colleague's words, the connection, changes waiting) goes to the window.
    library.onDesk = (news) => window?.webContents.send('desk:news', news)
    // The desk's sign-in token is sealed by the OS keychain when there is one (token-store.ts).
    library.seal = keychainSeal()
    resumeDesk(library)
    // A large old library's search index is rebuilt after the window is up (library/upgrade-search.ts):
    // search reads the old index meanwhile; the taskbar shows how far it is.
    const upgrading = library
    void continueUpgrades(upgrading.db, {
      onProgress: (_task, done, total) => window?.setProgressBar(done / Math.max(1, total)),
    }).then(
      () => window?.setProgressBar(-1),
      (error: unknown) => {
        window?.setProgressBar(-1)
        if (!upgrading.db.open) return
        dialog.showErrorBox(
          'Copydesk could not finish upgrading its library',
          `${upgrading.file}: ${(error as Error).message}. Everything is kept and search works as before; the upgrade carries on when Copydesk is next started.`,
        )
      },
    )
    void dailyBackup(library, backups).then((outcome) => {
      if (outcome.status === 'failed') dialog.showErrorBox('Copydesk could not back up its library', outcome.message)
      // Stories spiked longer ago than the house period go for good, after the day's backup has them.
      else if (library) purgeSpiked(library.db)
      // A library from before the search vocabulary (migration 17) copies it from the index a batch
      // at a time in quiet moments; search works as before until then. A failure is tried again at
      // the next start (the copy resumes where it stopped).
      if (library) {
        const open = library
        void keepFillingSearchTerms(open.db, quietMoment).catch((error: unknown) =>
          console.error(`Copydesk could not complete the search vocabulary: ${(error as Error).message}`),
        )
      }
    })
  })

  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    library?.desk?.close()
    library?.close()
  })
}
