/**
 * Reads wire files for the fuzz and hostile tests in a process of its own, so that a file that
 * makes an importer loop or crawl can be stopped: the parent kills this process when a file takes
 * longer than its bound, which no test could do to code running in its own thread.
 *
 * Messages in: { id, name, bytes, library? }; out: { id, detected?, outcome, results?, ms }.
 */
import { openLibrary, type Library } from '../../../src/main/library'
import { detectFormat } from '../../../src/main/wire/detect'
import { WireError } from '../../../src/main/wire/errors'
import { importWireFiles } from '../../../src/main/intake/import-wire'
import { parseWire } from '../../../src/main/wire/parse'

export interface WireRequest {
  id: number
  name: string
  bytes: Uint8Array
  /** Also import the file into this library file. */
  library?: string
}

export type WireOutcome =
  | { kind: 'draft'; format: string; drafts: number }
  | { kind: 'refused'; message: string }
  | { kind: 'crash'; message: string; stack?: string }

export interface WireReply {
  id: number
  detected?: string
  outcome: WireOutcome
  results?: ReturnType<typeof importWireFiles>
  ms: number
}

const libraries = new Map<string, Library>()

function outcomeOf(bytes: Uint8Array): WireOutcome {
  try {
    const parsed = parseWire(bytes)
    return { kind: 'draft', format: parsed.format, drafts: parsed.drafts.length }
  } catch (error) {
    if (error instanceof WireError) return { kind: 'refused', message: error.message }
    const e = error as Error
    return { kind: 'crash', message: `${e?.name}: ${e?.message}`, stack: e?.stack }
  }
}

process.on('message', (request: WireRequest) => {
  const started = performance.now()
  const bytes = Buffer.from(request.bytes)
  let detected: string | undefined
  try {
    detected = detectFormat(bytes)
  } catch {
    detected = undefined
  }
  const outcome = outcomeOf(bytes)
  let results: WireReply['results']
  if (request.library) {
    let library = libraries.get(request.library)
    if (!library) libraries.set(request.library, (library = openLibrary(request.library)))
    results = importWireFiles(library, [{ name: request.name, bytes }])
  }
  const reply: WireReply = { id: request.id, detected, outcome, results, ms: performance.now() - started }
  process.send!(reply)
})
process.on('disconnect', () => {
  for (const library of libraries.values()) library.close()
  process.exit(0)
})
