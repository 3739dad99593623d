import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SHORTCUT_GROUPS } from './shortcuts'

const listed = new Set(SHORTCUT_GROUPS.flatMap((g) => g.shortcuts.flatMap((s) => s.keys)))

describe('the shortcut sheet', () => {
  it('lists every accelerator of the application menu', () => {
    const menu = readFileSync('src/main/shell/menu.ts', 'utf8')
    const accelerators = [...menu.matchAll(/accelerator: '([^']+)'/g)].map((m) => m[1]!.replace('CmdOrCtrl', 'Mod'))
    expect(accelerators.length).toBeGreaterThan(0)
    for (const accelerator of accelerators) expect(listed, accelerator).toContain(accelerator)
  })

  it('lists every Ctrl/Cmd letter the window itself listens for', () => {
    const sources = [
      'src/renderer/src/app/App.tsx',
      'src/renderer/src/editor/plugins/FindReplacePlugin.tsx',
      'src/renderer/src/editor/plugins/LinkPopoverPlugin.tsx',
      'src/renderer/src/spelling/SpellingLayer.tsx',
      'src/renderer/src/app/ShortcutSheet.tsx',
      'src/renderer/src/editor/plugins/CommentPlugin.tsx',
    ]
    let found = 0
    for (const file of sources) {
      const code = readFileSync(file, 'utf8')
      // Every shortcut asks keys.ts's isShortcut, which reads the key on any layout.
      for (const m of code.matchAll(/isShortcut\([\w.]+, \{ key: '([a-z/.])'/g)) {
        found++
        const letter = m[1]!.toUpperCase()
        expect(
          [...listed].some((k) => k.startsWith('Mod+') && k.endsWith(`+${letter}`)),
          `${file}: ${letter}`,
        ).toBe(true)
      }
    }
    expect(found).toBeGreaterThanOrEqual(8)
  })
})
