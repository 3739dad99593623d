import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BOUNDS, rememberBounds, restoreBounds } from './window-state'

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('window size and position', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'copydesk-ws-')), 'window-state.json')

  it('comes back where the editor left it', () => {
    const f = file()
    rememberBounds(f, { x: 100, y: 80, width: 1400, height: 900, maximized: false })
    expect(restoreBounds(f, screen)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: false })
  })

  it('keeps the size but not a position on a screen that is gone', () => {
    const f = file()
    rememberBounds(f, { x: 3000, y: 200, width: 1200, height: 800 })
    expect(restoreBounds(f, screen)).toEqual({ width: 1200, height: 800, maximized: false })
  })

  it('falls back to the default for a missing or broken file', () => {
    const f = file()
    expect(restoreBounds(f, screen)).toEqual(DEFAULT_BOUNDS)
    writeFileSync(f, '{"width": "wide"')
    expect(restoreBounds(f, screen)).toEqual(DEFAULT_BOUNDS)
  })
})
