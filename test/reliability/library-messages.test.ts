import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api'
import { runCli } from '../../src/main/cli/run'
import { openLibrary } from '../../src/main/library'
import { backupPrefix, dailyBackup, openLibraryOrAdvise } from '../../src/main/library/backup'
import { createStory } from '../../src/main/library/stories'
import { bodyFromParagraphs } from '../../src/shared/body'
import { useTempLibraries } from '../library-fixture'
import { bundleChild, childEnv } from './bundle'

/**
 * #24.8: every way the library file can fail that a user or the machine can cause is told in words
 * that name the file and say what to do; none is "internal", none reads as damage when it is not.
 */

const libraries = useTempLibraries()

function fill(file: string, count: number): void {
  const library = openLibrary(file)
  for (let i = 1; i <= count; i++)
    createStory(library.db, {
      headline: `Harbour report ${i}`,
      body: bodyFromParagraphs([`Tide tables for berth ${i}. ` + 'The pilot boat waited offshore. '.repeat(40)]),
    })
  library.close()
}

/**
 * Overwrite a run of pages in the middle, as a failing disk does: the middle half of the file, so
 * that whatever the library's layout (bodies are stored deflated, so story rows are few pages),
 * some of the stories' own pages are hit.
 */
function damage(file: string): void {
  const bytes = readFileSync(file)
  bytes.fill(0x5a, bytes.length >> 2, (bytes.length >> 2) * 3)
  writeFileSync(file, bytes)
}

describe('a library with a damaged page', () => {
  it('opens with a warning naming the file and offering the latest backup, and every failing story says the same', async () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    const backups = join(dir, 'backups')
    fill(file, 300)
    const made = openLibrary(file)
    const backup = await dailyBackup(made, backups, new Date('2026-11-30T09:00:00'))
    made.close()
    expect(backup.status).toBe('made')
    damage(file)

    const library = openLibraryOrAdvise(file, backups)
    try {
      expect(library.damage?.message).toContain(file)
      expect(library.damage?.message).toMatch(/damaged/)
      expect(library.damage?.backup).toBe((backup as { file: string }).file)
      expect(library.damage?.message).toContain((backup as { file: string }).file)

      const replies = []
      for (let id = 1; id <= 300; id++) replies.push(await dispatch(library, 'story:get', { id }))
      replies.push(await dispatch(library, 'story:search', { query: 'pilot boat' }))
      replies.push(await dispatch(library, 'story:list', {}))
      const failures = replies.flatMap((reply) => (reply.ok ? [] : [reply.error]))
      expect(failures.length).toBeGreaterThan(0)
      for (const failure of failures) {
        expect(failure.code).toBe('library')
        expect(failure.message).toContain(file)
        expect(failure.message).toContain((backup as { file: string }).file)
      }
    } finally {
      library.close()
    }
  })

  it('the CLI warns at open and names the file and the backup when a story cannot be read', async () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    const env = { XDG_CONFIG_HOME: join(dir, 'config') }
    const backups = join(dir, 'config', 'Copydesk', 'backups')
    fill(file, 300)
    const made = openLibrary(file)
    const backup = (await dailyBackup(made, backups, new Date('2026-11-30T09:00:00'))) as { file: string }
    made.close()
    damage(file)
    const told: string[] = []
    for (let id = 1; id <= 300; id += 7) {
      let stderr = ''
      await runCli(['--library', file, 'show', String(id)], { stdout: () => {}, stderr: (t) => (stderr += t), env })
      told.push(stderr)
    }
    for (const stderr of told) expect(stderr).toMatch(new RegExp(`^copydesk: warning: The library ${file} is damaged`))
    const failures = told.map((stderr) => stderr.split('\n').slice(1).join('\n')).filter((rest) => rest.trim())
    expect(failures.length).toBeGreaterThan(0)
    for (const failure of failures) {
      expect(failure).toContain(file)
      expect(failure).toContain(backup.file)
    }
  })

  it('a sound library opens with no warning', () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    fill(file, 20)
    const library = openLibraryOrAdvise(file, join(dir, 'backups'))
    expect(library.damage).toBeUndefined()
    library.close()
  })
})

describe('a stored body that no longer inflates', () => {
  it('is damage, said with the file, not "internal", even when the check at open found none', async () => {
    const library = libraries.open()
    const story = createStory(library.db, {
      headline: 'Pilot boat waits',
      body: bodyFromParagraphs(['The pilot boat waited offshore.']),
    })
    // A body's deflated bytes with a run of them overwritten, as a bad sector leaves them.
    const { body } = library.db.prepare('SELECT body FROM stories WHERE id = ?').get(story.id) as { body: Buffer }
    body.fill(0xff, 0, Math.min(8, body.length))
    library.db.prepare('UPDATE stories SET body = ? WHERE id = ?').run(body, story.id)
    const reply = await dispatch(library, 'story:get', { id: story.id })
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('library')
    expect(reply.error.message).toContain(library.file)
    expect(reply.error.message).toMatch(/damaged/)
  })
})

describe('a folder given as the library', () => {
  it('is called a folder, not EISDIR, and no backup is offered for it', () => {
    const dir = libraries.dir()
    const folder = join(dir, 'Stories')
    mkdirSync(folder)
    expect(() => openLibraryOrAdvise(folder, join(dir, 'backups'))).toThrow(
      new RegExp(`^${folder} is a folder, not a library file`),
    )
    expect(() => openLibraryOrAdvise(folder, join(dir, 'backups'))).not.toThrow(/EISDIR|backup/)
  })
})

describe('a full disk', () => {
  it('is said in words: the disk holding the library is full and the change was not saved', async () => {
    const library = libraries.open()
    const story = createStory(library.db, { headline: 'Council vote' })
    // SQLite's own page cap stands in for the disk: the same SQLITE_FULL a full disk gives.
    const pages = library.db.pragma('page_count', { simple: true }) as number
    library.db.pragma(`max_page_count = ${pages + 2}`)
    const reply = await dispatch(library, 'story:save', {
      id: story.id,
      expectedRevision: story.revision,
      // Words that do not compress (the body is stored deflated) and are new to the index: the
      // save needs far more than the two pages left.
      changes: {
        body: bodyFromParagraphs(
          Array.from(
            { length: 400 },
            (_, i) =>
              `Paragraph ${i}: ${randomBytes(48)
                .toString('hex')
                .replace(/(.{8})/g, '$1 ')}`,
          ),
        ),
      },
      reason: 'edit',
    })
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'library',
        message: `The disk holding the library ${library.file} is full: what you just did was not saved. Free some space on it and try again.`,
      },
    })
    library.db.pragma(`max_page_count = 1073741823`)
    expect((await dispatch(library, 'story:get', { id: story.id })).ok).toBe(true)
  })
})

describe('read-only files', () => {
  let worker = ''
  let out = ''
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'copydesk-open-worker-'))
    chmodSync(out, 0o755)
    worker = await bundleChild('test/reliability/children/open-worker.ts', out)
  }, 60_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  /** Another user when the tests run as root (root writes read-only files); this one otherwise. */
  function openAs(file: string, backups: string): { opened: boolean; message?: string; reply?: unknown } {
    const asRoot = process.getuid?.() === 0
    const run = spawnSync(process.execPath, [worker, file, backups], {
      env: childEnv,
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    })
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { opened: boolean; message?: string }
  }

  function library(): { dir: string; file: string } {
    const dir = libraries.dir()
    chmodSync(dir, 0o777)
    const file = join(dir, 'library.sqlite')
    fill(file, 3)
    chmodSync(file, 0o666)
    return { dir, file }
  }

  it.each([
    ['the library file', (l: { file: string }) => chmodSync(l.file, 0o444), (l: { file: string }) => l.file],
    [
      'its -wal and -shm files',
      (l: { file: string }) => {
        for (const suffix of ['-wal', '-shm']) {
          writeFileSync(l.file + suffix, '')
          chmodSync(l.file + suffix, 0o444)
        }
      },
      (l: { file: string }) => `${l.file}-wal`,
    ],
    ['its folder', (l: { dir: string }) => chmodSync(l.dir, 0o555), (l: { dir: string }) => l.dir],
  ])('%s read-only: said as read-only and naming it, never as damage', (_, lock, named) => {
    const made = library()
    lock(made)
    const told = openAs(made.file, join(made.dir, 'backups'))
    chmodSync(made.dir, 0o777)
    expect(told.opened).toBe(false)
    expect(told.message).toContain(named(made))
    expect(told.message).toMatch(/read-only/)
    expect(told.message).toMatch(/not damaged/)
    expect(told.message).not.toMatch(/backup|attempt to write|internal/i)
  })
})

describe('copies left by a backup that was killed', () => {
  it('are removed at the next daily backup; a copy still being made by a running Copydesk is kept', async () => {
    const library = libraries.open()
    const backups = join(libraries.dir(), 'backups')
    mkdirSync(backups)
    const prefix = backupPrefix(library.file)
    const dead = [`${prefix}.2026-11-28.sqlite.partial-999999`, `${prefix}.2026-11-29.sqlite.partial-999998-wal`]
    // The test runner's parent: a process that is running, as another Copydesk making a copy would be.
    const live = `${prefix}.2026-11-30.sqlite.partial-${process.ppid}`
    const otherLibrary = `other-12345678.2026-11-30.sqlite.partial-999997`
    for (const name of [...dead, live, otherLibrary]) writeFileSync(join(backups, name), 'x'.repeat(4096))

    const outcome = await dailyBackup(library, backups, new Date('2026-12-01T09:00:00'))
    expect(outcome.status).toBe('made')
    const left = readdirSync(backups)
    for (const name of dead) expect(left).not.toContain(name)
    expect(left).toContain(live)
    expect(left).toContain(otherLibrary)
  })
})
