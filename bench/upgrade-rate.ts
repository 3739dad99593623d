/**
 * npx tsx bench/upgrade-rate.ts OLD.sqlite [--slice MS]: how fast a library written by older code
 * (schema 15 or before) is converted in the background, as the app does it (library/upgrade.ts,
 * continueUpgrades), and how long each batch holds the main process. A copy is upgraded; OLD is
 * left untouched. Searches run between batches, as an editor's would, and are timed too. Prints
 * one JSON line. Not a suite of `npm run bench`: that one upgrades its cached library once, at open.
 */
import { copyFileSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { continueUpgrades, openLibrary } from '../src/main/library'
import { searchStories } from '../src/main/library/search'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { slice: { type: 'string' } } })
const source = positionals[0]
if (!source) {
  console.error('usage: npx tsx bench/upgrade-rate.ts OLD.sqlite [--slice MS]')
  process.exit(2)
}
const file = join(tmpdir(), `copydesk-upgrade-rate-${process.pid}.sqlite`)
copyFileSync(source, file)
const sliceMs = Number(values.slice ?? 150)
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0

async function main() {
  const sizeBefore = statSync(file).size
  const opening = performance.now()
  const library = openLibrary(file)
  const openMs = performance.now() - opening
  const holds: number[] = []
  const searches: number[] = []
  let stories = 0
  let last = performance.now()
  const words = ['council', 'harbour', 'election', 'minister', 'storm']
  const started = performance.now()
  await continueUpgrades(library.db, {
    sliceMs,
    onProgress: (_task, done, total) => {
      const now = performance.now()
      holds.push(now - last)
      stories = done
      if (holds.length % 20 === 0) {
        const t = performance.now()
        searchStories(library.db, words[holds.length % words.length]!, 50)
        searches.push(performance.now() - t)
        if (holds.length % 200 === 0)
          console.error(`${done} / ${total}, ${Math.round(done / ((now - started) / 1000))} a second`)
      }
      last = performance.now()
    },
  })
  const seconds = (performance.now() - started) / 1000
  library.close()
  console.log(
    JSON.stringify({
      stories,
      openMs: Math.round(openMs),
      seconds: Math.round(seconds),
      storiesPerSecond: Math.round(stories / seconds),
      batches: holds.length,
      holdP50Ms: Math.round(percentile(holds, 0.5)),
      holdP95Ms: Math.round(percentile(holds, 0.95)),
      holdMaxMs: Math.round(Math.max(...holds)),
      searchP95Ms: Math.round(percentile(searches, 0.95)),
      sizeBefore,
      sizeAfter: statSync(file).size,
      load: loadavg()[0]!.toFixed(1),
    }),
  )
}

void main().finally(() => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
})
