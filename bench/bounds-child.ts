/**
 * One measurement in a fresh process, so its peak memory is its own: `checks SIZE` runs the checks
 * on a story of SIZE bytes full of names one letter apart; `import ITEMS` imports one NewsML-style
 * ninjs message of ITEMS small items into an empty library. Prints one line of JSON.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runChecks } from '../src/shared/checks'
import { bodyFromParagraphs } from '../src/shared/body'
import { blankStoryFields } from '../src/shared/story'
import { openLibrary } from '../src/main/library'
import { importWireFiles } from '../src/main/intake/import-wire'

const [what, size] = [process.argv[2], Number(process.argv[3])]
const letters = 'abcdefghijklmnopqrstuvwxyz'

function namesStory(bytes: number) {
  const paragraphs: string[] = []
  let total = 0
  for (let i = 0; total < bytes; i++) {
    const name = `Kal${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}ski`
    const line = `Yesterday Mr ${name} met Ms ${name}a in town.`
    paragraphs.push(line)
    total += line.length + 1
  }
  return { ...blankStoryFields(), headline: 'Names', body: bodyFromParagraphs(paragraphs) }
}

if (what === 'checks') {
  const story = namesStory(size)
  const start = process.hrtime.bigint()
  const findings = runChecks(story)
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  console.log(JSON.stringify({ ms, findings: findings.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }))
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
