import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import { openLibrary } from '../../src/main/library'
import {
  BACKUPS_KEPT,
  backupLibrary,
  backupPrefix,
  dailyBackup,
  latestBackup,
  listBackups,
  openLibraryOrAdvise,
} from '../../src/main/library/backup'
import { unpackText } from '../../src/main/library/packed'
import { createStory, getStory, saveStory } from '../../src/main/library/stories'
import { bodyFromParagraphs } from '../../src/shared/body'
import { useTempLibraries } from '../library-fixture'

const day = (iso: string) => new Date(`${iso}T09:30:00`)

function fill(db: Database.Database, count: number, words = 200) {
  for (let i = 1; i <= count; i++) {
    createStory(db, {
      headline: `Harbour report ${i}`,
      body: bodyFromParagraphs([`Tide tables for berth ${i}. ` + 'The pilot boat waited offshore. '.repeat(words / 6)]),
    })
  }
}

/** Damage a library the way a failing disk does: a run of pages in the middle overwritten. */
function damage(file: string): void {
  const bytes = readFileSync(file)
  bytes.fill(0x5a, bytes.length >> 1, (bytes.length >> 1) + 16384)
  writeFileSync(file, bytes)
}

function storiesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT headline FROM stories ORDER BY id').all() as { headline: string }[]).map(
      (r) => r.headline,
    )
  } finally {
    db.close()
  }
}

describe('backing up a library', () => {
  const libraries = useTempLibraries()

  it('copies every story into a file SQLite finds sound', async () => {
    const library = libraries.open()
    fill(library.db, 30)
    const target = join(libraries.dir(), 'copy.sqlite')
    const result = await backupLibrary(library.db, target)
    expect(result.file).toBe(target)
    expect(result.bytes).toBeGreaterThan(0)
    // Nothing half-written left beside it.
    expect(readdirSync(join(target, '..'))).toEqual(['copy.sqlite'])
    expect(storiesIn(target)).toHaveLength(30)
    const copy = new Database(target, { readonly: true })
    expect(copy.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    copy.close()
  })

  it('takes a consistent copy while the editor keeps saving', async () => {
    const library = libraries.open()
    fill(library.db, 200, 600)
    const story = createStory(library.db, {
      headline: 'Live blog: storm',
      body: bodyFromParagraphs(['06:00 first update']),
    })
    let revision = story.revision
    let saving = true
    // Autosave carries on between the backup's steps (it yields to the event loop between pages).
    const autosave = (async () => {
      for (let n = 1; saving; n++) {
        const changes = { body: bodyFromParagraphs([`update ${n}`]) }
        revision = saveStory(library.db, {
          id: story.id,
          expectedRevision: revision,
          changes,
          reason: 'autosave',
        }).revision
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const target = join(libraries.dir(), 'live.sqlite')
    await backupLibrary(library.db, target)
    saving = false
    await autosave
    expect(revision).toBeGreaterThan(2)
    const copy = new Database(target, { readonly: true })
    expect(copy.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    const copied = copy.prepare('SELECT revision, body FROM stories WHERE id = ?').get(story.id) as {
      revision: number
      body: Buffer
    }
    // Whatever revision the copy holds, it holds all of it: the story and its revision row agree.
    const row = copy
      .prepare('SELECT snapshot FROM revisions WHERE story_id = ? AND revision = ?')
      .get(story.id, copied.revision) as {
      snapshot: Buffer
    }
    // Both are stored packed (packed.ts).
    expect(JSON.stringify((JSON.parse(unpackText(row.snapshot)) as { body: unknown }).body)).toBe(
      unpackText(copied.body),
    )
    copy.close()
  })

  it('never replaces an existing file, and refuses a folder that does not exist', async () => {
    const library = libraries.open()
    fill(library.db, 2)
    const dir = libraries.dir()
    const other = join(dir, 'other-library.sqlite')
    const otherLibrary = openLibrary(other)
    fill(otherLibrary.db, 5)
    otherLibrary.close()
    const before = readFileSync(other)
    await expect(backupLibrary(library.db, other)).rejects.toThrow(`${other} already exists`)
    expect(readFileSync(other).equals(before)).toBe(true)
    await expect(backupLibrary(library.db, library.file)).rejects.toThrow('already exists')
    const nowhere = join(dir, 'no-such-folder', 'copy.sqlite')
    await expect(backupLibrary(library.db, nowhere)).rejects.toThrow(
      `the folder ${join(dir, 'no-such-folder')} does not exist`,
    )
  })

  it('leaves no partial file when the copy fails, and says the library is damaged', async () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    const library = openLibrary(file)
    fill(library.db, 300)
    library.db.pragma('wal_checkpoint(TRUNCATE)')
    library.close()
    damage(file)
    const damaged = new Database(file)
    const target = join(dir, 'copy.sqlite')
    await expect(backupLibrary(damaged, target)).rejects.toThrow(`${file} is damaged`)
    damaged.close()
    expect(readdirSync(dir).filter((name) => name.startsWith('copy'))).toEqual([])
  })
})

describe('the daily backup', () => {
  const libraries = useTempLibraries()

  it('makes one copy a day and keeps the last seven', async () => {
    const library = libraries.open()
    fill(library.db, 3)
    const backups = join(libraries.dir(), 'backups')

    const first = await dailyBackup(library, backups, day('2026-03-01'))
    expect(first).toMatchObject({ status: 'made', removed: [] })
    expect(await dailyBackup(library, backups, day('2026-03-01'))).toEqual({
      status: 'already-made',
      file: (first as { file: string }).file,
    })

    const made: string[] = [(first as { file: string }).file]
    for (let d = 2; d <= 10; d++) {
      createStory(library.db, { headline: `Day ${d} story` })
      const outcome = await dailyBackup(library, backups, day(`2026-03-${String(d).padStart(2, '0')}`))
      expect(outcome.status).toBe('made')
      made.push((outcome as { file: string }).file)
    }
    const kept = listBackups(library.file, backups)
    expect(kept).toHaveLength(BACKUPS_KEPT)
    expect(kept.map((b) => b.day)).toEqual([
      '2026-03-10',
      '2026-03-09',
      '2026-03-08',
      '2026-03-07',
      '2026-03-06',
      '2026-03-05',
      '2026-03-04',
    ])
    expect(made.slice(0, 3).some((file) => existsSync(file))).toBe(false)
    expect(latestBackup(library.file, backups)).toBe(made[9])
    expect(storiesIn(made[9]!)).toContain('Day 10 story')
    expect(storiesIn(made[5]!)).not.toContain('Day 10 story')
  })

  it('gives way quietly when the app quits in the middle of the copy', async () => {
    const dir = libraries.dir()
    const library = openLibrary(join(dir, 'library.sqlite'))
    fill(library.db, 100)
    const backups = join(dir, 'backups')
    const pending = dailyBackup(library, backups, day('2026-03-01'))
    library.close()
    expect(await pending).toEqual({ status: 'interrupted' })
    expect(readdirSync(backups)).toEqual([])
  })

  it('never rotates away another library’s copies', async () => {
    const backups = join(libraries.dir(), 'backups')
    const desk = libraries.open(join(libraries.dir(), 'library.sqlite'))
    const archive = libraries.open(join(libraries.dir(), 'library.sqlite'))
    expect(backupPrefix(desk.file)).not.toBe(backupPrefix(archive.file))
    await dailyBackup(archive, backups, day('2026-01-01'))
    for (let d = 1; d <= 9; d++) await dailyBackup(desk, backups, day(`2026-02-0${d}`))
    expect(listBackups(archive.file, backups)).toHaveLength(1)
    expect(listBackups(desk.file, backups)).toHaveLength(BACKUPS_KEPT)
  })

  it('keeps every good copy when the library turns out damaged, and says which one to restore', async () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    const backups = join(dir, 'backups')
    let library = openLibrary(file)
    fill(library.db, 300)
    for (let d = 1; d <= BACKUPS_KEPT; d++) await dailyBackup(library, backups, day(`2026-04-0${d}`))
    library.db.pragma('wal_checkpoint(TRUNCATE)')
    library.close()
    damage(file)

    // The damage sits in pages no query at start-up reads: the library opens, and only the backup's check sees it.
    library = openLibrary(file)
    const outcome = await dailyBackup(library, backups, day('2026-04-08'))
    library.close()
    expect(outcome.status).toBe('failed')
    const latest = listBackups(file, backups)[0]!.file
    expect(latest).toMatch(/\.2026-04-07\.sqlite$/)
    expect((outcome as { message: string }).message).toContain(`${file} is damaged`)
    expect((outcome as { message: string }).message).toContain(`To restore the latest backup (${latest})`)
    expect(listBackups(file, backups)).toHaveLength(BACKUPS_KEPT)
  })
})

describe('a library that fails to open', () => {
  const libraries = useTempLibraries()

  it('is left untouched, and the message names the latest backup; following it brings the stories back', async () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    const backups = join(dir, 'backups')
    const library = openLibrary(file)
    fill(library.db, 40)
    const kept = createStory(library.db, { headline: 'Election night results', status: 'ready' })
    await dailyBackup(library, backups, day('2026-05-01'))
    await dailyBackup(library, backups, day('2026-05-02'))
    library.close()
    // A disk that lost the second half of the file.
    writeFileSync(file, readFileSync(file).subarray(0, 8192))
    const before = readFileSync(file)

    const latest = latestBackup(file, backups)!
    expect(latest).toMatch(/\.2026-05-02\.sqlite$/)
    expect(() => openLibraryOrAdvise(file, backups)).toThrow(`To restore the latest backup (${latest})`)
    expect(() => openLibraryOrAdvise(file, backups)).toThrow(`${file} could not be opened`)
    expect(readFileSync(file).equals(before)).toBe(true)

    // What the message says to do.
    mkdirSync(join(dir, 'damaged'))
    renameSync(file, join(dir, 'damaged', 'library.sqlite'))
    copyFileSync(latest, file)
    const restored = openLibraryOrAdvise(file, backups)
    expect(getStory(restored.db, kept.id).headline).toBe('Election night results')
    restored.close()
  })

  it('says so when there is no backup to restore', () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    writeFileSync(file, 'SQLite format 3\0' + 'x'.repeat(5000))
    expect(() => openLibraryOrAdvise(file, join(dir, 'backups'))).toThrow(
      `No backup of this library was found in ${join(dir, 'backups')}`,
    )
  })
})

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env })
  return { code, stdout, stderr }
}

describe('copydesk backup FILE', () => {
  const libraries = useTempLibraries()

  it('writes a copy an editor can open, and never overwrites a file', async () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    const library = openLibrary(file)
    fill(library.db, 12)
    library.close()
    const target = join(dir, 'friday.sqlite')

    const made = await cli(['--library', file, 'backup', target])
    expect(made).toMatchObject({ code: 0, stderr: '' })
    expect(made.stdout).toMatch(new RegExp(`^backed up ${file} to ${target} \\(\\d+\\.\\d MB\\)\\n$`))
    expect(storiesIn(target)).toHaveLength(12)

    const again = await cli(['--library', file, 'backup', target, '--json'])
    expect(again).toMatchObject({ code: 1, stdout: '' })
    expect(again.stderr).toContain(`${target} already exists`)
    expect((await cli(['--library', file, 'backup'])).code).toBe(2)
  })

  it('runs as a real process and prints JSON', () => {
    const dir = libraries.dir()
    const file = join(dir, 'library.sqlite')
    const library = openLibrary(file)
    fill(library.db, 3)
    library.close()
    const target = join(dir, 'copy.sqlite')
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/main/cli.ts', '--library', file, 'backup', target, '--json'],
      {
        encoding: 'utf8',
      },
    )
    expect(result.status, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ library: file, file: target })
    expect(storiesIn(target)).toHaveLength(3)
  })

  it('names the latest daily backup when the library it is given cannot be opened', async () => {
    const config = libraries.dir()
    const file = join(libraries.dir(), 'library.sqlite')
    const library = openLibrary(file)
    fill(library.db, 30)
    // Where the app puts its daily copies: <user data>/backups, user data being $XDG_CONFIG_HOME/Copydesk.
    const outcome = await dailyBackup(library, join(config, 'Copydesk', 'backups'), day('2026-06-01'))
    library.close()
    writeFileSync(file, readFileSync(file).subarray(0, 4096))
    const result = await cli(['--library', file, 'list'], { XDG_CONFIG_HOME: config })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`To restore the latest backup (${(outcome as { file: string }).file})`)
  })
})
