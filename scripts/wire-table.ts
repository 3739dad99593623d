/**
 * npm run docs:wire [-- --check]: import every file under ../shared/samples with the real importer
 * (into a throwaway library, read back through the api as the editor gets it) and write the table
 * of what came out into docs/wire-import.md, between the "wire-samples" markers. With --check,
 * exit 1 when the table in the docs is not what the importer gives today.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative, resolve } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { call } from '../src/main/api'
import { openLibrary } from '../src/main/library'
import { importWireFiles } from '../src/main/intake/import-wire'
import { blockTexts } from '../src/shared/body-text'

const ROOT = resolve(__dirname, '..')
const SAMPLES = resolve(ROOT, '../shared/samples')
const DOC = join(ROOT, 'docs/wire-import.md')
const START = '<!-- wire-samples:start (npm run docs:wire writes this table; do not edit by hand) -->'
const END = '<!-- wire-samples:end -->'

function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? files(path) : [path]
    })
    .filter((path) => !/README\.md$/i.test(path))
    .sort()
}

/** A cell: one line, pipes escaped, cut to a readable length. */
function cell(text: string, max = 70): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line
}

export function sampleTable(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-wire-table-'))
  const library = openLibrary(join(dir, 'library.sqlite'))
  const rows = [
    '| file | format | headline | bylines | dateline | first words | notes |',
    '| ---- | ------ | -------- | ------- | -------- | ----------- | ----- |',
  ]
  try {
    for (const path of files(SAMPLES)) {
      const name = relative(SAMPLES, path)
      const results = importWireFiles(library, [{ name: basename(path), bytes: readFileSync(path) }])
      for (const result of results) {
        if (!result.ok) {
          rows.push(`| ${cell(name, 60)} | — | **refused** | | | | ${cell(result.error ?? '', 120)} |`)
          continue
        }
        const story = call(library, 'story:get', { id: result.id! })
        const notes = call(library, 'story:original', { id: story.id }).notes
        const bylines = story.bylines.map((b) => `${b.name}${b.kind === 'agency' ? ' (agency)' : ''}`).join(', ')
        const dateline = [story.dateline.place, story.dateline.source && `(${story.dateline.source})`]
          .filter(Boolean)
          .join(' ')
        const first = blockTexts(story.body)[0] ?? ''
        const noteCell = notes.length ? `${notes.length}: ${cell(notes.join(' · '), 60)}` : ''
        rows.push(
          `| ${cell(name, 60)} | ${result.format} | ${cell(story.headline)} | ${cell(bylines, 60)} | ${cell(dateline, 40)} | ${cell(first, 50)} | ${noteCell} |`,
        )
      }
    }
  } finally {
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return rows.join('\n')
}

async function main(): Promise<number> {
  if (!existsSync(SAMPLES)) {
    console.error(`no samples at ${SAMPLES}; the table is left as it is`)
    return 0
  }
  const doc = readFileSync(DOC, 'utf8')
  const from = doc.indexOf(START)
  const to = doc.indexOf(END)
  if (from < 0 || to < from) {
    console.error(`docs/wire-import.md has no ${START} … ${END} markers`)
    return 2
  }
  // Formatted as the repository formats markdown, so `prettier --check` and `--check` here agree.
  const raw = `${doc.slice(0, from + START.length)}\n\n${sampleTable()}\n\n${doc.slice(to)}`
  const next = await format(raw, { ...(await resolveConfig(DOC)), filepath: DOC })
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/wire-import.md: the samples table is out of date; run npm run docs:wire')
      return 1
    }
    return 0
  }
  writeFileSync(DOC, next)
  console.log(`docs/wire-import.md: table of ${files(SAMPLES).length} sample files written`)
  return 0
}

if (require.main === module) void main().then((code) => process.exit(code))
