/**
 * One measurement in a fresh process, so its peak memory is its own: `checks SIZE` runs the rules
 * alone (runChecks) on a story of SIZE bytes full of names one letter apart; `story-check SIZE`
 * asks for `story:check` on such a story saved in a library, through the api as the window does
 * (the rules and spelling, on the check thread, warmed first by a short story), and watches how
 * long main's thread is held meanwhile; `import ITEMS` imports one NewsML-style ninjs message of
 * ITEMS small items into an empty library; `decode MB` decodes MB of invalid UTF-8 (a stray
 * windows-1252 byte every three, the worst case for the mojibake repair) beside TextDecoder on as
 * much valid UTF-8 (the floor); `paragraphs MB` reads a text file of MB of short paragraphs, which
 * is refused at the story's limit. Prints one line of JSON.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { runChecks } from '../src/shared/checks'
import { bodyFromParagraphs } from '../src/shared/body'
import { blankStoryFields } from '../src/shared/story'
import { openLibrary } from '../src/main/library'
import { call } from '../src/main/api'
import { importWireFiles } from '../src/main/intake/import-wire'
import { namesBody } from '../test/names-story'
import { decodeBytes } from '../src/main/wire/decode'
import { parseWire } from '../src/main/wire/parse'

const [what, size] = [process.argv[2], Number(process.argv[3])]

async function storyCheck(bytes: number) {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bounds-'))
  const library = openLibrary(join(dir, 'library.sqlite'))
  const { id } = call(library, 'story:create', { headline: 'Names', body: namesBody(bytes) })
  const warm = call(library, 'story:create', { headline: 'Short', body: bodyFromParagraphs(['Mr Kowalski.']) })
  await call(library, 'story:check', { id: warm.id })
  // Main's longest stall: the latest a 10 ms timer fired while the check was asked for and ran.
  const stalls = monitorEventLoopDelay({ resolution: 10 })
  stalls.enable()
  const start = process.hrtime.bigint()
  const { findings } = await call(library, 'story:check', { id })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  stalls.disable()
  library.close()
  rmSync(dir, { recursive: true, force: true })
  return {
    ms,
    findings: findings.length,
    mainStallMs: stalls.max / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }
}

if (what === 'checks') {
  const story = { ...blankStoryFields(), headline: 'Names', body: namesBody(size) }
  const start = process.hrtime.bigint()
  const findings = runChecks(story)
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  console.log(JSON.stringify({ ms, findings: findings.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }))
} else if (what === 'story-check') {
  void storyCheck(size).then((figures) => console.log(JSON.stringify(figures)))
} else if (what === 'decode') {
  const length = size * 1048576
  const stray = new Uint8Array(length).map((_, i) => [0xe9, 0x93, 0x20][i % 3]!)
  const valid = Buffer.alloc(length, 'café “quoted” ')
  const time = (work: () => unknown) => {
    const start = process.hrtime.bigint()
    work()
    return Number(process.hrtime.bigint() - start) / 1e6
  }
  // Alternated, best of three each: the machine is shared, and the two must see the same load.
  const strayMs: number[] = []
  const floorMs: number[] = []
  for (let k = 0; k < 3; k++) {
    strayMs.push(time(() => decodeBytes(stray)))
    floorMs.push(time(() => new TextDecoder().decode(valid)))
  }
  const mbPerS = (ms: number) => size / (ms / 1000)
  console.log(
    JSON.stringify({
      invalidMBps: mbPerS(Math.min(...strayMs)),
      floorMBps: mbPerS(Math.min(...floorMs)),
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  )
} else if (what === 'paragraphs') {
  // Built with repeat, not a list, so the peak memory measured is the reading's, not the test's.
  const count = Math.floor((size * 1048576 - 15) / 7)
  const bytes = Buffer.from(`FLOOD WARNING\n\n${'Flood\n\n'.repeat(count)}`)
  const start = process.hrtime.bigint()
  let refused = ''
  try {
    parseWire(bytes)
  } catch (error) {
    refused = (error as Error).message
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  console.log(JSON.stringify({ ms, paragraphs: count, refused, maxRssMB: process.resourceUsage().maxRSS / 1024 }))
} else {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bounds-'))
  const file = join(dir, 'library.sqlite')
  const library = openLibrary(file)
  const bytes = Buffer.from(
    JSON.stringify({
      items: Array.from({ length: size }, (_, i) => ({
        uri: `urn:x:${i}`,
        headline: `Item ${i}`,
        body_text: `Short item ${i}.`,
      })),
    }),
  )
  library.db.pragma('wal_checkpoint(TRUNCATE)')
  const before = statSync(file).size
  const start = process.hrtime.bigint()
  const results = importWireFiles(library, [{ name: 'message.json', bytes }])
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  library.db.pragma('wal_checkpoint(TRUNCATE)')
  const growthMB = (statSync(file).size - before) / 1048576
  library.close()
  rmSync(dir, { recursive: true, force: true })
  console.log(
    JSON.stringify({
      ms,
      stories: results.filter((r) => r.ok).length,
      error: results[0]?.error,
      fileKB: bytes.length / 1024,
      growthMB,
    }),
  )
}
