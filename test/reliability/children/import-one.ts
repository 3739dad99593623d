/**
 * Imports one wire file into a fresh library, the way `wire:import` files it (importWireFilesSliced),
 * and prints the result as JSON on stdout. Run by import-heap.test.ts under a small heap
 * (`--max-old-space-size`), where a reader that builds a whole file before refusing it dies of
 * "JavaScript heap out of memory" instead of answering.
 *
 * argv: LIBRARY WIRE-FILE
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { openLibrary } from '../../../src/main/library'
import { importWireFilesSliced } from '../../../src/main/intake/import-wire'

async function main(): Promise<void> {
  const [libraryFile, wireFile] = process.argv.slice(2) as [string, string]
  const library = openLibrary(libraryFile)
  try {
    const files = [{ name: basename(wireFile), bytes: readFileSync(wireFile) }]
    const results = await importWireFilesSliced(
      library,
      files,
      () => new Date(),
      async () => {},
    )
    const stories = library.db.prepare('SELECT count(*) FROM stories').pluck().get()
    process.stdout.write(JSON.stringify({ results, stories }))
  } finally {
    library.close()
  }
}

void main()
