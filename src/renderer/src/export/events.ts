import type { HouseStyle } from '../../../shared/settings'

/** A tiny signal: the export feature's parts (menu, panel, dialogs) reach each other through these. */
function signal<T>() {
  const listeners = new Set<(value: T) => void>()
  return {
    emit(value: T): void {
      for (const listener of listeners) listener(value)
    },
    on(listener: (value: T) => void): () => void {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

/** Open the Export dialog (File > Export HTML…, the Preview panel's button). */
export const exportRequested = signal<void>()
/** Open the House style dialog. */
export const houseStyleRequested = signal<void>()
/** The house style was saved: previews render again. */
export const houseStyleChanged = signal<HouseStyle>()

export function requestExport(): void {
  exportRequested.emit()
}

export function requestHouseStyle(): void {
  houseStyleRequested.emit()
}
