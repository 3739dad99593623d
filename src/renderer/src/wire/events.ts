/** "Import wire copy…" from anywhere (menu, library button): the import host opens the file chooser. */
const listeners = new Set<() => void>()

export function requestWireImport(): void {
  for (const listener of listeners) listener()
}

export function onWireImportRequested(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
