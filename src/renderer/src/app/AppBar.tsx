import { wireImportRequested } from '../wire/events'
import { keyName } from './shortcuts'
import { openShortcutSheet } from './ShortcutSheet'
import { DeskIndicator } from '../desk/DeskIndicator'

interface Props {
  libraryShown: boolean
  onToggleLibrary: () => void
  onNew: () => void
}

/** The banner: the library's fold, the app's name, and what starts new work. */
export function AppBar({ libraryShown, onToggleLibrary, onNew }: Props) {
  return (
    <header className="app-bar">
      <button
        type="button"
        className="library-toggle"
        aria-expanded={libraryShown}
        aria-controls="library"
        onClick={onToggleLibrary}
        title={libraryShown ? 'Fold the library list away' : 'Show the library list'}
      >
        Library
      </button>
      <h1 className="brand">Copydesk</h1>
      <DeskIndicator />
      <span className="app-actions">
        <button
          type="button"
          onClick={() => wireImportRequested.emit()}
          title={`Import wire copy (${keyName('Mod+Shift+O')}), or drop files on the window`}
        >
          Import wire copy…
        </button>
        <button type="button" className="primary" onClick={onNew} title={`New story (${keyName('Mod+N')})`}>
          New story
        </button>
        <button
          type="button"
          onClick={() => openShortcutSheet.dispatchEvent(new Event('open'))}
          title={`Keyboard shortcuts (${keyName('Mod+/')} or ?)`}
        >
          Shortcuts
        </button>
      </span>
    </header>
  )
}
