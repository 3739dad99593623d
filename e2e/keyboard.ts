import { expect, type Page } from '@playwright/test'

export interface FocusRing {
  what: string
  name: string
  width: number
  contrast: number
}

/**
 * What has the keyboard focus and how it shows: the width of its outline (or box-shadow ring), and
 * the ring's contrast against the background around it (the nearest ancestor with a colour).
 */
export async function focusRing(page: Page): Promise<FocusRing | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    const s = getComputedStyle(el)
    const outline = s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0
    const spreads = [...s.boxShadow.matchAll(/(-?[\d.]+)px (-?[\d.]+)px (-?[\d.]+)px (-?[\d.]+)px/g)].map((m) =>
      Number(m[4]),
    )
    const shadow = s.boxShadow === 'none' ? 0 : Math.max(0, ...spreads)
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!)
    }
    let bg = [255, 255, 255]
    for (let up = el.parentElement; up; up = up.parentElement) {
      const c = rgb(getComputedStyle(up).backgroundColor)
      if (c.length === 3 || (c.length === 4 && c[3]! > 0.9)) {
        bg = c.slice(0, 3)
        break
      }
    }
    const ring = rgb(outline ? s.outlineColor : s.boxShadow).slice(0, 3)
    const [a, b] = [lum(ring), lum(bg)].sort((x, y) => y - x)
    const name =
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
      el.textContent?.trim().slice(0, 60) ??
      ''
    return {
      what: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}`,
      name,
      width: Math.max(outline, shadow),
      contrast: Math.round(((a! + 0.05) / (b! + 0.05)) * 100) / 100,
    }
  })
}

/** The focus is somewhere, and shows it: a ring of at least 2 px at 3:1 or more (WCAG 2.4.13). */
export async function expectFocusVisible(page: Page): Promise<FocusRing> {
  // The app moves the focus in an animation frame at times (a skip link waits for the library to
  // unfold; a dialog gives it back as it closes), so the ring is read after the next frames: a frame
  // asked for now runs after every callback asked for before it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  const ring = await focusRing(page)
  expect(ring, 'something has the focus').not.toBeNull()
  expect(ring!.width, `focus ring of ${ring!.what} "${ring!.name}"`).toBeGreaterThanOrEqual(2)
  expect(ring!.contrast, `focus ring contrast of ${ring!.what} "${ring!.name}"`).toBeGreaterThanOrEqual(3)
  return ring!
}

/** Press a key, then check the focus still shows. */
export async function press(page: Page, key: string): Promise<FocusRing> {
  await page.keyboard.press(key)
  return expectFocusVisible(page)
}

/** Tab (or Shift+Tab) until the focused control's name matches, checking the ring at every stop. */
export async function tabTo(page: Page, name: string | RegExp, { back = false, most = 60 } = {}): Promise<FocusRing> {
  const seen: string[] = []
  for (let i = 0; i < most; i++) {
    const ring = await press(page, back ? 'Shift+Tab' : 'Tab')
    seen.push(ring.name)
    if (typeof name === 'string' ? ring.name === name : name.test(ring.name)) return ring
  }
  throw new Error(`Tab never reached "${name}"; it went through: ${seen.join(' | ')}`)
}
