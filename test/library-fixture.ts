import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openLibrary, type Library } from '../src/main/library'

/** A real library file in a fresh temporary folder, closed and removed after each test. */
export function useTempLibraries() {
  const opened: Library[] = []
  const dirs: string[] = []
  afterEach(() => {
    for (const library of opened.splice(0)) library.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return {
    dir(): string {
      const dir = mkdtempSync(join(tmpdir(), 'copydesk-test-'))
      dirs.push(dir)
      return dir
    },
    open(file?: string): Library {
      const library = openLibrary(file ?? join(this.dir(), 'library.sqlite'))
      opened.push(library)
      return library
    },
  }
}
