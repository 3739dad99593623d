/**
 * The process the crash test kills. It works a library the way the app does all day - autosaves
 * through the api door, now and then a story marked ready, and wire imports of several files, each
 * file a list of stories - as fast
 * as it can, and acknowledges each commit on stdout only after the call returned. Whatever it
 * acknowledged must survive a SIGKILL at any instant.
 *
 * argv: LIBRARY SEED
 */
import { writeSync } from 'node:fs'
import { call } from '../../../src/main/api'
import { openLibrary } from '../../../src/main/library'
import { importWireFiles, type WireFile } from '../../../src/main/intake/import-wire'
import { bodyFromParagraphs } from '@shared/body'

export type Ack =
  | { kind: 'ready' }
  | { kind: 'save'; id: number; revision: number; marker: string }
  /** One wire file, a ninjs list of `size` stories: its stories go in together or not at all. */
  | { kind: 'file'; tag: string; size: number }

const [libraryFile, seedText] = process.argv.slice(2)
if (!libraryFile || !seedText) throw new Error('usage: crash-worker LIBRARY SEED')
const seed = Number(seedText)

/** mulberry32: a reproducible run for a given seed. */
let state = seed >>> 0
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1))

function acknowledge(ack: Ack): void {
  writeSync(1, JSON.stringify(ack) + '\n')
}

/** Copy of varying length, so some commits span many pages of the WAL and a kill can land inside one. */
function copy(marker: string): string[] {
  const words = 'the council said flood barriers on the river held overnight as water rose'.split(' ')
  const paragraphs = [`Edit ${marker} begins here.`]
  const length = between(1, 40)
  for (let p = 0; p < length; p++) {
    paragraphs.push(Array.from({ length: between(5, 120) }, () => words[between(0, words.length - 1)]).join(' '))
  }
  paragraphs.push(`Edit ${marker} ends here.`)
  return paragraphs
}

const library = openLibrary(libraryFile)
const desk = (
  library.db.prepare("SELECT id FROM stories WHERE slug LIKE 'desk-story-%' ORDER BY id").all() as { id: number }[]
).map((row) => row.id)
acknowledge({ kind: 'ready' })

function save(n: number): void {
  const id = desk[between(0, desk.length - 1)]!
  const current = call(library, 'story:get', { id })
  const marker = `s${seed}n${n}`
  const saved = call(library, 'story:save', {
    id,
    expectedRevision: current.revision,
    // Now and then the story is marked ready: that save takes the fully synced path.
    changes: { body: bodyFromParagraphs(copy(marker)), status: random() < 0.1 ? 'ready' : 'editing' },
    reason: 'autosave',
  })
  acknowledge({ kind: 'save', id, revision: saved.revision, marker })
}

/** A ninjs list: several stories in one file, imported in one transaction with its original bytes. */
function wireFile(tag: string, size: number): WireFile {
  const items = Array.from({ length: size }, (_, i) => ({
    uri: `urn:copydesk:crash:${tag}:${i + 1}`,
    headline: `Crash batch ${tag} story ${i + 1} of ${size}`,
    body_text: copy(`${tag}i${i + 1}`).join('\n\n'),
  }))
  return { name: `${tag}.json`, bytes: Buffer.from(JSON.stringify(items)) }
}

function importFiles(n: number): void {
  const files = Array.from({ length: between(1, 3) }, (_, f) => wireFile(`b${seed}n${n}f${f + 1}`, between(2, 5)))
  const results = importWireFiles(library, files)
  const failed = results.filter((result) => !result.ok)
  if (failed.length) throw new Error(`import refused the worker's own copy: ${JSON.stringify(failed)}`)
  for (const file of files) {
    acknowledge({
      kind: 'file',
      tag: file.name.replace(/\.json$/, ''),
      size: results.filter((r) => r.file === file.name).length,
    })
  }
}

for (let n = 1; ; n++) {
  if (random() < 0.75) save(n)
  else importFiles(n)
}
