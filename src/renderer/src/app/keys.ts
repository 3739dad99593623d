import { isMac } from './shortcuts'

/**
 * Reading a key press the same way on every keyboard a newsroom has: German QWERTZ, French AZERTY,
 * Polish, Nordic, Russian and Ukrainian, Greek, Japanese and Chinese input methods, and Macs. Every
 * shortcut in the renderer asks here, so the rules are in one place (tests: keys.test.ts,
 * e2e/keyboard-layouts.spec.ts).
 */

/** The parts of a KeyboardEvent (DOM or React) these rules read. */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  isComposing?: boolean
  keyCode?: number
  getModifierState?: (key: string) => boolean
}

/**
 * The key a shortcut means, lower case: "z" for Ctrl+Z on any layout.
 * - `key` when it is ASCII (a Latin letter, a digit, "/" or "."): the letter printed on the key, so
 *   an AZERTY editor's Ctrl+Z is the key labelled Z (code KeyW) and Dvorak's are Dvorak's.
 * - else the key's place, `code`: a Russian layout's Ctrl+Z comes as key "я", code KeyZ; a Greek
 *   one as "ζ". That is where the shortcut is on their keyboard (and what Windows and Lexical do).
 * - a named key (Enter, Escape, F10) as it is.
 */
export function shortcutKey(event: Pick<KeyPress, 'key' | 'code'>): string {
  const { key, code } = event
  if (key.length === 1 && key.charCodeAt(0) < 0x80) return key.toLowerCase()
  const letter = /^Key([A-Z])$/.exec(code)
  if (letter) return letter[1]!.toLowerCase()
  const digit = /^Digit(\d)$/.exec(code)
  if (digit) return digit[1]!
  return key
}

/** A letter of an alphabet other than the Latin one: Cyrillic я, Greek ζ, Hebrew, Arabic… */
const OTHER_ALPHABET = /^(?=\p{L})[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]$/u

/**
 * AltGr typing a character, which is never a shortcut. On Windows AltGr arrives as Ctrl+Alt: German
 * AltGr+Q is Ctrl+Alt with key "@" (code KeyQ), AltGr+E "€", AltGr+M "µ", AltGr+7 "{"; Polish
 * AltGr+A "ą". Chromium says so with the AltGraph modifier where it can; where it does not, a
 * Ctrl+Alt press whose key is a character other than a Latin letter or digit, or a letter of the
 * layout's own alphabet (a Russian Ctrl+Alt+M comes as "ь"), is taken as typing.
 */
export function isAltGraph(event: KeyPress): boolean {
  if (event.getModifierState?.('AltGraph')) return true
  if (!event.ctrlKey || !event.altKey || event.metaKey) return false
  const { key } = event
  if ([...key].length !== 1) return false
  if (/^[a-z0-9]$/i.test(key)) return false
  return !OTHER_ALPHABET.test(key)
}

/**
 * The press belongs to an input method (Japanese, Chinese, Korean; a Mac's or Linux's dead keys):
 * an Enter that commits the words being composed, an Escape that drops them. Neither is the app's.
 * Chromium marks them isComposing; keyCode 229 is the press the input method took for itself.
 */
export function isComposingKey(event: Pick<KeyPress, 'isComposing' | 'keyCode'>): boolean {
  return event.isComposing === true || event.keyCode === 229
}

/**
 * The shortcut modifier, "Mod" on the shortcut sheet: Cmd on a Mac, Ctrl elsewhere. On a Mac
 * Ctrl+N, Ctrl+E, Ctrl+F, Ctrl+K move the caret in any text (the system's own keys), and elsewhere
 * the Windows key is the system's; so the other one is not taken as Mod.
 */
export function isModKey(event: KeyPress, mac = isMac): boolean {
  return mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
}

export interface ShortcutWanted {
  /** The letter, digit or punctuation mark, lower case ("z", "/", "."). */
  key: string
  /** Shift held (true), not held (false, the default), or either ('any'). */
  shift?: boolean | 'any'
  /** Alt (Option) held too: Mod+Alt+M. */
  alt?: boolean
}

/**
 * This press is Mod+[Shift+][Alt+]key on whatever keyboard the editor has: never while an input
 * method composes, never AltGr typing a character, and with the Alt the shortcut wants and no other.
 */
export function isShortcut(event: KeyPress, wanted: ShortcutWanted, mac = isMac): boolean {
  if (isComposingKey(event) || !isModKey(event, mac)) return false
  if (event.altKey !== (wanted.alt ?? false)) return false
  if (wanted.alt && isAltGraph(event)) return false
  const shift = wanted.shift ?? false
  if (shift !== 'any' && event.shiftKey !== shift) return false
  return shortcutKey(event) === wanted.key
}
