import { describe, expect, it } from 'vitest'
import { isAltGraph, isComposingKey, isShortcut, shortcutKey, type KeyPress } from './keys'
import { onMac } from './shortcuts'

/** A press as Chromium gives it: the character the layout makes (`key`) and the key's place (`code`). */
const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})
const ctrl = { ctrlKey: true }
const altGr = { ctrlKey: true, altKey: true } // Windows: AltGr is Ctrl+Alt

describe('shortcutKey: the letter a shortcut means on any layout', () => {
  it.each([
    ['US', 'z', 'KeyZ', 'z'],
    ['German QWERTZ (Z where US has Y)', 'z', 'KeyY', 'z'],
    ['French AZERTY (Z where US has W)', 'z', 'KeyW', 'z'],
    ['Dvorak (its own letters)', 'z', 'Slash', 'z'],
    ['Russian', 'я', 'KeyZ', 'z'],
    ['Ukrainian', 'я', 'KeyZ', 'z'],
    ['Greek', 'ζ', 'KeyZ', 'z'],
    ['Russian, Shift held', 'Я', 'KeyZ', 'z'],
    ['Russian S', 'ы', 'KeyS', 's'],
    ['Russian N', 'т', 'KeyN', 'n'],
    ['Russian F', 'а', 'KeyF', 'f'],
    ['Russian "." (on the US slash key)', '.', 'Slash', '.'],
    ['German "/" (Shift+7)', '/', 'Digit7', '/'],
    ['Czech digit row', 'ě', 'Digit2', '2'],
    ['a named key', 'Enter', 'Enter', 'Enter'],
    ['a named key, Escape', 'Escape', 'Escape', 'Escape'],
  ])('%s: key %s code %s is %s', (_layout, key, code, means) => {
    expect(shortcutKey({ key, code })).toBe(means)
  })
})

describe('isAltGraph: Ctrl+Alt that is AltGr typing a character', () => {
  it.each([
    ['German AltGr+Q', '@', 'KeyQ'],
    ['German AltGr+E', '€', 'KeyE'],
    ['German AltGr+M', 'µ', 'KeyM'],
    ['German AltGr+7', '{', 'Digit7'],
    ['Polish AltGr+A', 'ą', 'KeyA'],
    ['Polish AltGr+S', 'ś', 'KeyS'],
    ['Polish AltGr+Z', 'ż', 'KeyZ'],
    ['Nordic AltGr+2', '@', 'Digit2'],
    ['French AltGr+0', '@', 'Digit0'],
  ])('%s (%s) types', (_what, key, code) => {
    expect(isAltGraph(press(key, code, altGr))).toBe(true)
  })

  it.each([
    ['US Ctrl+Alt+M', 'm', 'KeyM'],
    ['Russian Ctrl+Alt+M', 'ь', 'KeyM'],
    ['Greek Ctrl+Alt+M', 'μ', 'KeyM'],
    ['Ctrl+Alt+7', '7', 'Digit7'],
    ['Ctrl+Alt+Enter', 'Enter', 'Enter'],
  ])('%s (%s) is a shortcut press', (_what, key, code) => {
    expect(isAltGraph(press(key, code, altGr))).toBe(false)
  })

  it('believes Chromium when it says AltGraph (Linux AltGr is not Ctrl+Alt at all)', () => {
    expect(isAltGraph(press('m', 'KeyM', { ...altGr, getModifierState: (k) => k === 'AltGraph' }))).toBe(true)
  })

  it('Alt alone or Ctrl alone is not AltGr', () => {
    expect(isAltGraph(press('@', 'KeyQ', { altKey: true }))).toBe(false)
    expect(isAltGraph(press('@', 'KeyQ', ctrl))).toBe(false)
  })
})

describe('isShortcut', () => {
  const undo = { key: 'z' }
  it.each([
    ['US', press('z', 'KeyZ', ctrl)],
    ['AZERTY, the key labelled Z', press('z', 'KeyW', ctrl)],
    ['Russian', press('я', 'KeyZ', ctrl)],
    ['Greek', press('ζ', 'KeyZ', ctrl)],
  ])('Ctrl+Z on %s', (_layout, event) => {
    expect(isShortcut(event, undo, false)).toBe(true)
  })

  it('not on the AZERTY key where US has Z (it is W there)', () => {
    expect(isShortcut(press('w', 'KeyZ', ctrl), undo, false)).toBe(false)
  })

  it('never for AltGr: Polish AltGr+Z types ż, AltGr+S ś, German AltGr+E €', () => {
    expect(isShortcut(press('ż', 'KeyZ', altGr), undo, false)).toBe(false)
    expect(isShortcut(press('ś', 'KeyS', altGr), { key: 's', shift: 'any' }, false)).toBe(false)
    expect(isShortcut(press('€', 'KeyE', altGr), { key: 'e' }, false)).toBe(false)
  })

  it('Mod+Alt+M: on US, Russian and a Mac (Option+M is µ there), but not German AltGr+M (µ)', () => {
    const comment = { key: 'm', alt: true }
    expect(isShortcut(press('m', 'KeyM', altGr), comment, false)).toBe(true)
    expect(isShortcut(press('ь', 'KeyM', altGr), comment, false)).toBe(true)
    expect(isShortcut(press('µ', 'KeyM', { metaKey: true, altKey: true }), comment, true)).toBe(true)
    expect(isShortcut(press('µ', 'KeyM', altGr), comment, false)).toBe(false)
  })

  it('Shift as asked: exactly, or either', () => {
    expect(isShortcut(press('А', 'KeyF', { ...ctrl, shiftKey: true }), { key: 'f', shift: true }, false)).toBe(true)
    expect(isShortcut(press('а', 'KeyF', ctrl), { key: 'f', shift: true }, false)).toBe(false)
    expect(isShortcut(press('S', 'KeyS', { ...ctrl, shiftKey: true }), { key: 's', shift: 'any' }, false)).toBe(true)
  })

  it('Mod is Cmd on a Mac and Ctrl elsewhere (a Mac’s Ctrl+N moves the caret down a line)', () => {
    expect(isShortcut(press('n', 'KeyN', { metaKey: true }), { key: 'n' }, true)).toBe(true)
    expect(isShortcut(press('n', 'KeyN', ctrl), { key: 'n' }, true)).toBe(false)
    expect(isShortcut(press('n', 'KeyN', ctrl), { key: 'n' }, false)).toBe(true)
    expect(isShortcut(press('n', 'KeyN', { metaKey: true }), { key: 'n' }, false)).toBe(false)
  })

  it('never while an input method composes', () => {
    expect(isShortcut(press('z', 'KeyZ', { ...ctrl, isComposing: true }), undo, false)).toBe(false)
    expect(isShortcut(press('z', 'KeyZ', { ...ctrl, keyCode: 229 }), undo, false)).toBe(false)
  })
})

describe('isComposingKey', () => {
  it('the Enter that commits a composition, and the input method’s own press (229)', () => {
    expect(isComposingKey({ isComposing: true, keyCode: 13 })).toBe(true)
    expect(isComposingKey({ isComposing: false, keyCode: 229 })).toBe(true)
    expect(isComposingKey({ isComposing: false, keyCode: 13 })).toBe(false)
  })
})

describe('onMac', () => {
  it.each([
    [{ platform: 'MacIntel' }, true],
    [{ platform: '', userAgentData: { platform: 'macOS' } }, true],
    [{ platform: 'MacIntel', userAgentData: { platform: 'macOS' } }, true],
    [{ platform: 'Win32', userAgentData: { platform: 'Windows' } }, false],
    [{ platform: 'Linux x86_64' }, false],
    [undefined, false],
  ])('%j: %s', (nav, mac) => {
    expect(onMac(nav)).toBe(mac)
  })
})
