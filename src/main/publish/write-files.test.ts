import { bodyFromParagraphs } from '@shared/body'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { addPicture, create } from '@test/fixtures/export/stories'
import { call } from '../api'
import type { Library } from '../library'
import { exportBaseName } from '../export/file-names'

/**
 * Export writes only inside the chosen folder, whatever was planted there before: a link in place of
 * a story's folder, its images folder or one picture, or at the name of a temporary file.
 */

const libraries = useTempLibraries()

interface Setup {
  lib: Library
  out: string
  /** A folder outside the export folder, with a file of someone's own in it. */
  outside: string
  secret: string
  base: string
  id: number
  mediaId: string
}

function setup(): Setup {
  const lib = libraries.open()
  const dir = libraries.dir()
  const out = join(dir, 'export')
  const outside = join(dir, 'outside')
  mkdirSync(out)
  mkdirSync(outside)
  const secret = join(outside, 'private.txt')
  writeFileSync(secret, 'the editor’s own file')
  const mediaId = addPicture(lib)
  const story = create(lib, {
    headline: 'Harbour wall gives way',
    // Words enough for the preflight: these tests are about where files go, not what holds a story.
    body: bodyFromParagraphs(['The harbour wall gave way in the night and the road above it is shut.']),
    leadPicture: { mediaId, alt: 'The harbour wall', caption: 'The wall', credit: 'Jo Bloggs' },
  })
  return { lib, out, outside, secret, base: exportBaseName(story), id: story.id, mediaId }
}

/** What is in the outside folder: must stay just the editor's own file, unchanged. */
function expectOutsideUntouched(s: Setup): void {
  expect(readdirSync(s.outside)).toEqual(['private.txt'])
  expect(readFileSync(s.secret, 'utf8')).toBe('the editor’s own file')
}

describe('export keeps to its folder', () => {
  it('refuses a story folder that is a link to somewhere else, and writes nothing there', async () => {
    const s = setup()
    symlinkSync(s.outside, join(s.out, s.base))
    const { results } = await call(s.lib, 'story:export', { ids: [s.id], outDir: s.out })
    expect(results[0]!.ok).toBe(false)
    expect(results[0]!.error).toContain('is a link to somewhere else')
    expectOutsideUntouched(s)
  })

  it('refuses an images folder that is a link to somewhere else', async () => {
    const s = setup()
    mkdirSync(join(s.out, s.base))
    symlinkSync(s.outside, join(s.out, s.base, 'images'))
    const { results } = await call(s.lib, 'story:export', { ids: [s.id], outDir: s.out })
    expect(results[0]!.ok).toBe(false)
    expect(results[0]!.error).toMatch(/images is a link to somewhere else/)
    expectOutsideUntouched(s)
  })

  it('replaces picture files that are links with the library’s own pictures, never publishing what they point at', async () => {
    const s = setup()
    // The names export gives the pictures, learnt from an export to a scratch folder.
    const scratch = join(libraries.dir(), 'scratch')
    await call(s.lib, 'story:export', { ids: [s.id], outDir: scratch })
    const names = readdirSync(join(scratch, s.base, 'images'))
    expect(names.length).toBeGreaterThan(0)
    const images = join(s.out, s.base, 'images')
    mkdirSync(images, { recursive: true })
    for (const name of names) symlinkSync(s.secret, join(images, name))
    const { results } = await call(s.lib, 'story:export', { ids: [s.id], outDir: s.out })
    expect(results[0]!.ok).toBe(true)
    for (const name of names) {
      const written = join(images, name)
      expect(lstatSync(written).isSymbolicLink()).toBe(false)
      expect(readFileSync(written)).toEqual(readFileSync(join(scratch, s.base, 'images', name)))
    }
    expectOutsideUntouched(s)
  })

  describe('temporary files', () => {
    afterEach(() => {
      vi.useRealTimers()
      vi.resetModules()
    })

    it('are not written through a link planted at a name someone could predict (process id and time)', async () => {
      const s = setup()
      const now = Date.UTC(2026, 10, 1, 9, 30)
      vi.useFakeTimers({ now, toFake: ['Date'] })
      vi.resetModules()
      const { writeFileAtomic } = await import('./write-files')
      // Plant links at every name built from the process id and the time, as an attacker on the
      // same machine could: if the export wrote through any of them, the editor's file would change.
      const stem = `.${process.pid.toString(36)}-${now.toString(36)}`
      for (let n = 0; n < 4; n++) symlinkSync(s.secret, join(s.out, `${stem}-${n.toString(36)}.copydesk-tmp`))
      const target = join(s.out, 'page.html')
      writeFileAtomic(target, '<p>the page</p>', s.out)
      expect(readFileSync(target, 'utf8')).toBe('<p>the page</p>')
      expect(lstatSync(target).isSymbolicLink()).toBe(false)
      expectOutsideUntouched(s)
    })
  })

  it.each([
    ['/proc/self/copydesk-export', '/proc is the system’s own'],
    ['/sys/kernel/copydesk-export', '/sys is the system’s own'],
    ['/dev/shm/copydesk-export', '/dev is the system’s own'],
    ['C:\\temp\\export', 'this is a Windows path'],
    ['\\\\server\\share\\export', 'this is a Windows path'],
  ])('refuses %s with a clear reason, creating nothing', async (outDir, reason) => {
    const s = setup()
    const before = readdirSync(process.cwd())
    let message = ''
    try {
      await call(s.lib, 'story:export', { ids: [s.id], outDir })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain(reason)
    expect(message).toContain(`cannot export to ${outDir}`)
    expect(readdirSync(process.cwd())).toEqual(before)
    expect(existsSync('/dev/shm/copydesk-export')).toBe(false)
  })

  it('refuses a folder reached through a link into /proc', async () => {
    const s = setup()
    const link = join(libraries.dir(), 'looks-harmless')
    symlinkSync('/proc/self', link)
    await expect(call(s.lib, 'story:export', { ids: [s.id], outDir: join(link, 'export') })).rejects.toThrow(
      /\/proc is the system’s own/,
    )
  })
})
