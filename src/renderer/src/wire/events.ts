import { signal } from '../app/signal'

/** "Import wire copy…" from anywhere (menu, library button): the import host opens the file chooser. */
export const wireImportRequested = signal()
