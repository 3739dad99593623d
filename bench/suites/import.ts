import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openLibrary, type Library } from '../../src/main/library'
import { callChannel, hasChannel, unavailable, type BenchContext, type Suite } from '../context'
import { generateStory } from '../generate'
import { optionalModule } from '../modules'
import { metric, type Metric, type Unavailable } from '../report'
import { benchWireFormats, wireFile, type WireFile } from '../wire-files'

interface ImportResult {
  ok: boolean
  error?: string
}

/** A wire file as the renderer sends it: name and bytes, and the bytes in base64 (encoded before timing). */
interface Prepared extends WireFile {
  data: string
}

type ImportBatch = (library: Library, files: Prepared[]) => Promise<ImportResult[]>

/** Files a call, as the CLI sends them (one transaction each in main). */
const BATCH_FILES = 200

/** The import door the app uses: the api channel when it exists, else the importer module itself. */
async function importer(ctx: BenchContext): Promise<ImportBatch | string> {
  if (hasChannel('wire:import')) {
    return async (library, files) => {
      const output = await callChannel(library, 'wire:import', {
        files: files.map((file) => ({ name: file.name, data: file.data })),
      })
      return (output as { results: ImportResult[] }).results
    }
  }
  type WireModule = { importWireFiles(library: Library, files: { name: string; bytes: Buffer }[]): ImportResult[] }
  const found = await optionalModule<WireModule>('src/main/intake/import-wire', ctx.root)
  if ('missing' in found) return `no 'wire:import' channel and ${found.missing}`
  return (library, files) => Promise.resolve(found.module.importWireFiles(library, files))
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9

/**
 * The floor: the rows the import wrote (story, revision, the file's bytes and the story's link to them), inserted again with bare
 * prepared statements into an empty library of the same schema, one transaction per story as the
 * import does. What is left between the two is reading, decoding and converting the wire copy.
 */
function rawInsertRate(from: Library, into: Library): number {
  const tables = ['stories', 'revisions', 'wire_files', 'story_originals'] as const
  const rows = new Map<string, Record<string, unknown>[]>()
  const inserts = new Map<string, ReturnType<Library['db']['prepare']>>()
  for (const table of tables) {
    const columns = (from.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)
    rows.set(table, from.db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[])
    inserts.set(
      table,
      into.db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`,
      ),
    )
  }
  const byStory = (table: string, key: string) => {
    const map = new Map<unknown, Record<string, unknown>[]>()
    for (const row of rows.get(table)!) map.set(row[key], [...(map.get(row[key]) ?? []), row])
    return map
  }
  const revisions = byStory('revisions', 'story_id')
  const originals = byStory('story_originals', 'story_id')
  const files = byStory('wire_files', 'id')
  const stories = rows.get('stories')!
  const start = process.hrtime.bigint()
  for (const story of stories) {
    into.db.transaction(() => {
      inserts.get('stories')!.run(story)
      for (const row of revisions.get(story.id) ?? []) inserts.get('revisions')!.run(row)
      for (const row of originals.get(story.id) ?? []) {
        for (const file of files.get(row.file_id) ?? []) inserts.get('wire_files')!.run(file)
        inserts.get('story_originals')!.run(row)
      }
    })()
  }
  return stories.length / seconds(start)
}

export const importSuite: Suite = {
  name: 'import',
  async run(ctx) {
    const importBatch = await importer(ctx)
    if (typeof importBatch === 'string') return unavailable('import', importBatch)
    const count = ctx.quick ? 100 : 1000
    const stories = Array.from({ length: count }, (_, i) => generateStory(1_000_000 + i, 1_000_000 + count))
    const dir = join(ctx.tmpDir, 'import')
    mkdirSync(dir, { recursive: true })
    const metrics: Metric[] = []
    const missing: Unavailable[] = []
    for (const format of benchWireFormats) {
      const files = stories.map((story, i) => {
        const file = wireFile(format, story, i + 1)
        return { ...file, data: file.bytes.toString('base64') }
      })
      const library = openLibrary(join(dir, `${format}.sqlite`))
      const bare = openLibrary(join(dir, `${format}-raw.sqlite`))
      try {
        await importBatch(library, files.slice(0, 1)) // warm-up: the first call loads and compiles the importer
        library.db.exec('DELETE FROM stories')
        const failures: string[] = []
        const start = process.hrtime.bigint()
        for (let from = 0; from < files.length; from += BATCH_FILES) {
          for (const result of await importBatch(library, files.slice(from, from + BATCH_FILES)))
            if (!result.ok) failures.push(`${result.error}`)
        }
        const elapsed = seconds(start)
        const imported = count - failures.length
        if (failures.length) ctx.log(`import.${format}: ${failures.length} of ${count} failed, e.g. ${failures[0]}`)
        if (imported === 0) {
          missing.push({ suite: `import.${format}`, reason: `every file failed: ${failures[0]}` })
          continue
        }
        metrics.push(
          metric(
            `import.${format}.rate`,
            imported / elapsed,
            'stories/s',
            rawInsertRate(library, bare),
            'higher',
            1000,
          ),
        )
      } finally {
        library.close()
        bare.close()
      }
    }
    return { metrics, unavailable: missing }
  },
}
