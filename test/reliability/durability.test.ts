import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/library'
import { createStory } from '../../src/main/library/stories'
import type { StoryStatus } from '../../src/shared/story'
import { bundleChild, childEnv } from './bundle'

const strace = ['/usr/bin/strace', '/bin/strace'].find((path) => existsSync(path))
const SAVES = 12

/**
 * Autosave runs with synchronous=NORMAL (the WAL is synced at checkpoints, not at every commit);
 * a story marked ready or published is synced to the disk as it is saved. Counted for real: the
 * worker's fsync/fdatasync calls under strace.
 */
describe.skipIf(!strace)('disk syncs of saves (strace)', () => {
  let dir: string
  let worker: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-sync-'))
    worker = await bundleChild('test/reliability/children/sync-worker.ts', dir)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  function syncsOf(status: StoryStatus): number {
    const file = join(dir, `${status}.sqlite`)
    const setup = openLibrary(file)
    const { id } = createStory(setup.db, { headline: 'Council sets budget' })
    setup.close()
    const trace = join(dir, `${status}.trace`)
    const run = spawnSync(
      strace!,
      [
        '-f',
        '-qq',
        '-e',
        'trace=fsync,fdatasync',
        '-o',
        trace,
        process.execPath,
        worker,
        file,
        String(id),
        status,
        String(SAVES),
      ],
      { env: childEnv, encoding: 'utf8' },
    )
    expect(run.status, run.stderr).toBe(0)
    return readFileSync(trace, 'utf8')
      .split('\n')
      .filter((line) => /\b(fsync|fdatasync)\(/.test(line)).length
  }

  it('does not sync the disk on every autosave of a draft', () => {
    // Opening and closing the library (its checkpoint) sync a few times; the saves themselves do not.
    expect(syncsOf('draft')).toBeLessThan(SAVES / 2)
  })

  it('syncs the disk at every save of a story marked ready or published', () => {
    const draft = syncsOf('editing')
    expect(syncsOf('ready') - draft).toBeGreaterThanOrEqual(SAVES)
    expect(syncsOf('published') - draft).toBeGreaterThanOrEqual(SAVES)
  })

  it('goes back to normal syncing after a final save', () => {
    const library = openLibrary(join(dir, 'after.sqlite'))
    try {
      const story = createStory(library.db, { headline: 'Ferry strike called off', status: 'ready' })
      expect(story.status).toBe('ready')
      // 1 = NORMAL: the FULL sync was for that transaction only.
      expect(library.db.pragma('synchronous', { simple: true })).toBe(1)
    } finally {
      library.close()
    }
  })
})
