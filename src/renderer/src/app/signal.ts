/**
 * The renderer's one event emitter: a typed signal. Parts of the page that must not import each
 * other (the menu and a dialog, a save and the library list) meet at a signal declared by the
 * feature that owns it (app/library-events.ts, wire/events.ts, export/events.ts). Pushes from main
 * arrive through window.copydesk.on and are re-emitted on these where more than one part listens.
 */
export interface Signal<T> {
  emit(value: T): void
  /** Listen until the returned function is called (a useEffect cleanup, typically). */
  on(listener: (value: T) => void): () => void
}

export function signal<T = void>(): Signal<T> {
  const listeners = new Set<(value: T) => void>()
  return {
    emit(value) {
      for (const listener of listeners) listener(value)
    },
    on(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
