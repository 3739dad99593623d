import type { CDPSession, Page } from '@playwright/test'

/**
 * Key presses as a keyboard of a given layout sends them, through Chromium's own input pipeline
 * (CDP Input.dispatchKeyEvent), so the page sees the `key`, `code`, `keyCode` and modifiers a real
 * German, Russian or Japanese keyboard gives: Playwright's keyboard.press only speaks US.
 */

/** CDP's modifier bits. */
export const ALT = 1
export const CTRL = 2
export const META = 4
export const SHIFT = 8

/** One key of a layout: the character it makes, its place, and Windows' virtual key code. */
export interface Key {
  key: string
  code: string
  vk: number
}

declare global {
  interface Window {
    __lastKeyPrevented?: boolean
  }
}

export class KeyPresses {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async on(page: Page): Promise<KeyPresses> {
    return new KeyPresses(page, await page.context().newCDPSession(page))
  }

  /**
   * Down and up; with `text`, the key types it (as an unmodified or Shift press does). A press with
   * Ctrl, Alt or Cmd carries its character too, as a keyboard's does: Chromium then inserts nothing
   * (Ctrl held), and it is not taken by the browser around the page as a bare Ctrl+N would be.
   */
  async press(k: Key, modifiers = 0, text = modifiers && [...k.key].length === 1 ? k.key : undefined): Promise<void> {
    const base = { key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, nativeVirtualKeyCode: k.vk, modifiers }
    await this.cdp.send(
      'Input.dispatchKeyEvent',
      text ? { type: 'keyDown', ...base, text, unmodifiedText: text } : { type: 'rawKeyDown', ...base },
    )
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base })
  }

  /**
   * AltGr on Windows: the key with Ctrl+Alt, its `key` the character. Windows then sends the character, unless the page took
   * the key down for itself (preventDefault, as a shortcut does); Chromium on Linux inserts nothing
   * with Ctrl held, so the character is sent here the same way. Says whether the page took the key.
   */
  async altGr(k: Key, character: string): Promise<boolean> {
    await this.page.evaluate(() => {
      window.__lastKeyPrevented = undefined
      window.addEventListener(
        'keydown',
        // Read once every handler has run.
        (e) => setTimeout(() => (window.__lastKeyPrevented = e.defaultPrevented)),
        { capture: true, once: true },
      )
    })
    await this.press({ ...k, key: character }, CTRL | ALT)
    const prevented = await this.page.evaluate(
      () => new Promise<boolean>((done) => setTimeout(() => done(window.__lastKeyPrevented === true))),
    )
    if (!prevented) await this.cdp.send('Input.insertText', { text: character })
    return prevented
  }

  /** Text typed as plain keys would type it. */
  async type(text: string): Promise<void> {
    await this.cdp.send('Input.insertText', { text })
  }

  /** An input method's words, still being composed (underlined, not yet committed). */
  async compose(text: string): Promise<void> {
    await this.cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    })
  }

  /**
   * A key pressed while composing: the input method's (keyCode 229), though `key` says what it was
   * ("Enter", "Escape"), as Chromium on a Mac sends it.
   */
  async pressComposing(key: 'Enter' | 'Escape'): Promise<void> {
    await this.press({ key, code: key, vk: 229 })
  }

  /** The composition committed as `text`. */
  async commit(text: string): Promise<void> {
    await this.cdp.send('Input.insertText', { text })
  }

  /** A Windows dead key (´ or ^, no character of its own), then the key that makes the accented letter. */
  async deadKeyWindows(dead: Key, then: Key, accented: string): Promise<void> {
    await this.press({ ...dead, key: 'Dead' })
    await this.press({ ...then, key: accented }, 0, accented)
  }

  /** A Mac's or Linux's dead key: it starts a composition of the accent, the next key commits the letter. */
  async deadKeyComposed(dead: Key, accent: string, then: Key, accented: string): Promise<void> {
    await this.press({ ...dead, key: 'Dead' })
    await this.compose(accent)
    await this.press({ ...then, vk: 229 })
    await this.commit(accented)
  }
}
