import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/library'
import { unpackText } from '../../src/main/library/packed'
import { createStory } from '../../src/main/library/stories'
import { bodyFromParagraphs } from '../../src/shared/body'
import { bundleChild, childEnv } from './bundle'
import type { Ack } from './children/crash-worker'

const KILLS = 50

interface Run {
  acks: Ack[]
  signal: NodeJS.Signals | null
  code: number | null
  stderr: string
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Start the worker and SIGKILL it at a random moment: a third of the time counted from the start
 * (so some kills land while it opens the library and SQLite recovers the WAL), otherwise after a
 * random number of acknowledged commits and a random pause (so they land among saves and imports,
 * often inside a commit). Counting acknowledgements, not milliseconds, keeps a busy machine from
 * turning every kill into a kill at start-up.
 */
async function killAtRandom(worker: string, library: string, seed: number): Promise<Run> {
  const child = spawn(process.execPath, [worker, library, String(seed)], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const commitsBeforeKill = 1 + Math.floor(Math.random() * 8)
  let stdout = ''
  let stderr = ''
  let resolveWorked: () => void = () => {}
  const worked = new Promise<void>((resolve) => (resolveWorked = resolve))
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    // The first line is "ready"; commits follow.
    if (stdout.split('\n').length - 2 >= commitsBeforeKill) resolveWorked()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  if (seed % 3 === 0) await pause(Math.random() * 60)
  else {
    await Promise.race([worked, exited])
    await pause(Math.random() * 20)
  }
  child.kill('SIGKILL')
  const { code, signal } = await exited
  // Only whole lines count: an acknowledgement is given once its line is complete.
  const lines = stdout.split('\n').slice(0, -1)
  const acks = lines.map((line) => JSON.parse(line) as Ack)
  return { acks, signal, code, stderr }
}

interface Ledger {
  saves: { id: number; revision: number; marker: string }[]
  files: Map<string, number>
}

interface StoryRow {
  id: number
  headline: string
  revision: number
  /** The body JSON as stored: packed (packed.ts). */
  body: Buffer | string
}

/** Open the library as the app would after the crash, and hold it to everything it promised. */
function inspect(file: string, ledger: Ledger): string[] {
  const library = openLibrary(file)
  try {
    const db = library.db
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    // FTS5's own check: the search index agrees with the stories it indexes.
    expect(() => db.prepare("INSERT INTO story_search (story_search) VALUES ('integrity-check')").run()).not.toThrow()

    const revisionAt = db.prepare('SELECT snapshot FROM revisions WHERE story_id = ? AND revision = ?')
    const stories = db.prepare('SELECT id, headline, revision, body FROM stories').all() as StoryRow[]
    const byId = new Map(stories.map((story) => [story.id, story]))

    // Autosaves in one five-minute stretch share a history entry, so what must survive is each
    // story's latest acknowledged save: the story is at that revision, with that save's words, or
    // one further on (the save in flight when the worker was killed, committed but unacknowledged).
    const latest = new Map(ledger.saves.map((save) => [save.id, save]))
    for (const save of latest.values()) {
      const story = byId.get(save.id)
      expect(story, `story ${save.id} of an acknowledged save`).toBeDefined()
      expect(
        [save.revision, save.revision + 1],
        `story ${save.id}: revision after acknowledged ${save.revision}`,
      ).toContain(story!.revision)
      if (story!.revision === save.revision) expect(unpackText(story!.body)).toContain(`Edit ${save.marker} ends here.`)
    }
    // A story and the revision that records it are written together, or not at all.
    for (const story of stories) {
      const snapshot = revisionAt.get(story.id, story.revision) as { snapshot: Buffer } | undefined
      expect(snapshot, `the revision row of story ${story.id} at revision ${story.revision}`).toBeDefined()
      expect(JSON.stringify((JSON.parse(unpackText(snapshot!.snapshot)) as { body: unknown }).body)).toBe(
        unpackText(story.body),
      )
    }

    const found = new Map<string, { size: number; count: number }>()
    for (const story of stories) {
      const match = /^Crash batch (\S+) story \d+ of (\d+)$/.exec(story.headline)
      if (!match) continue
      const entry = found.get(match[1]!) ?? { size: Number(match[2]), count: 0 }
      entry.count++
      found.set(match[1]!, entry)
    }
    for (const [tag, { size, count }] of found) expect(count, `stories of wire file ${tag}`).toBe(size)
    for (const [tag, size] of ledger.files) expect(found.get(tag)?.count, `acknowledged wire file ${tag}`).toBe(size)
    // Each imported story keeps the bytes it came from, committed with it.
    const orphans = db
      .prepare(
        "SELECT count(*) AS n FROM stories s WHERE s.headline LIKE 'Crash batch %' AND NOT EXISTS (SELECT 1 FROM story_originals o WHERE o.story_id = s.id)",
      )
      .get() as { n: number }
    expect(orphans.n, 'imported stories without their original').toBe(0)

    // Commits the worker made but was killed before acknowledging: proof the kills land in that window.
    const unacknowledgedSaves = [...latest.values()]
      .filter((save) => byId.get(save.id)!.revision > save.revision)
      .map((save) => `save ${save.id}@${byId.get(save.id)!.revision}`)
    const unacknowledgedFiles = [...found.keys()].filter((tag) => !ledger.files.has(tag)).map((tag) => `file ${tag}`)
    return [...unacknowledgedSaves, ...unacknowledgedFiles]
  } finally {
    library.close()
  }
}

describe('a library whose process is killed at random moments', () => {
  let dir: string
  let worker: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-crash-'))
    worker = await bundleChild('test/reliability/children/crash-worker.ts', dir)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it(`keeps every acknowledged save and never half an imported file, through ${KILLS} SIGKILLs`, async () => {
    const file = join(dir, 'library.sqlite')
    const setup = openLibrary(file)
    for (let i = 1; i <= 3; i++) {
      createStory(setup.db, {
        slug: `desk-story-${i}`,
        headline: `Desk story ${i}`,
        body: bodyFromParagraphs(['Copy the desk keeps editing while the machine is pulled from under it.']),
      })
    }
    setup.close()

    const ledger: Ledger = { saves: [], files: new Map() }
    let killedWorking = 0
    const unacknowledged = new Set<string>()
    for (let seed = 1; seed <= KILLS; seed++) {
      const run = await killAtRandom(worker, file, seed)
      // The worker never stops by itself: anything but our SIGKILL is a crash of its own.
      expect(run.signal, `worker ${seed} exited by itself (code ${run.code}): ${run.stderr}`).toBe('SIGKILL')
      for (const ack of run.acks) {
        if (ack.kind === 'save') ledger.saves.push(ack)
        if (ack.kind === 'file') ledger.files.set(ack.tag, ack.size)
      }
      if (run.acks.length > 1) killedWorking++
      for (const commit of inspect(file, ledger)) unacknowledged.add(commit)
    }
    // The figures docs/reliability.md reports.
    console.log(
      `crash test: ${KILLS} kills survived (${killedWorking} mid-work, ${KILLS - killedWorking} while starting); ` +
        `${ledger.saves.length} acknowledged saves and ${ledger.files.size} acknowledged wire files all present; ` +
        `${unacknowledged.size} kills landed between a commit and its acknowledgement`,
    )
    expect(killedWorking).toBeGreaterThanOrEqual((KILLS * 2) / 3)
    expect(ledger.saves.length).toBeGreaterThan(KILLS / 2)
    expect(ledger.files.size).toBeGreaterThan(3)
  }, 900_000)
})
