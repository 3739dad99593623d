import type { Page } from '@playwright/test'

/** What the layout e2e reports: each problem in words, naming the controls. */
export interface LayoutProblems {
  overlaps: string[]
  outside: string[]
  clipped: string[]
  checked: number
}

/**
 * Looks at every interactive element on screen now (buttons, links, fields, tabs, the body editor,
 * focusable rows) and reports:
 * - overlaps: two of them whose visible boxes intersect (neither inside the other);
 * - outside: one that sticks out of the window sideways, or sits below it with no scroller to reach it;
 * - clipped: one cut off by a box that hides overflow and cannot be scrolled.
 * Skip links are left out: they are off screen by design until focused (and then on top). While a
 * modal dialog is open only its controls are looked at: the page behind it is inert, out of reach.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const SELECTOR =
      'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"], [role="tab"], summary, iframe'
    const vw = document.documentElement.clientWidth
    const vh = document.documentElement.clientHeight
    const name = (el: Element) => {
      const label =
        el.getAttribute('aria-label') ||
        (el as HTMLElement).innerText?.trim().split('\n')[0]?.slice(0, 40) ||
        el.getAttribute('placeholder') ||
        el.getAttribute('title') ||
        ''
      return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${label}"`
    }
    type Box = { left: number; top: number; right: number; bottom: number }
    const intersect = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    })
    const area = (b: Box) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top)
    const overlaps: string[] = []
    const outside: string[] = []
    const clipped: string[] = []
    const shown: { el: Element; box: Box }[] = []
    const modal = document.querySelector('dialog:modal')
    for (const el of (modal ?? document).querySelectorAll(SELECTOR)) {
      if (el.closest('.skip-links, [inert], dialog:not([open])')) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      const rect = el.getBoundingClientRect()
      if (rect.width === 0 && rect.height === 0) continue
      let visible: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }
      let reachable = false
      for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
        const s = getComputedStyle(up)
        const hides = /hidden|clip|auto|scroll/.test(s.overflowX + s.overflowY)
        if (!hides) continue
        const scrolls = /auto|scroll/.test(s.overflowY) && up.scrollHeight > up.clientHeight
        const r = up.getBoundingClientRect()
        const inner = {
          left: r.left + up.clientLeft,
          top: r.top + up.clientTop,
          right: r.left + up.clientLeft + up.clientWidth,
          bottom: r.top + up.clientTop + up.clientHeight,
        }
        if (scrolls) reachable = true
        else if (
          /hidden|clip/.test(s.overflowX + s.overflowY) &&
          (rect.left < inner.left - 1 ||
            rect.right > inner.right + 1 ||
            (!reachable && (rect.top < inner.top - 1 || rect.bottom > inner.bottom + 1)))
        ) {
          // Rows of the story list hide their own overflow by design; the row itself is the control.
          if (!el.closest('.story-row') || el.classList.contains('story-row'))
            clipped.push(`${name(el)} inside ${name(up)}`)
        }
        visible = intersect(visible, inner)
      }
      if (rect.left < -1 || rect.right > vw + 1)
        outside.push(`${name(el)} at x ${Math.round(rect.left)}–${Math.round(rect.right)} of ${vw}`)
      else if (rect.top >= vh && !reachable) outside.push(`${name(el)} below the window at y ${Math.round(rect.top)}`)
      visible = intersect(visible, { left: 0, top: 0, right: vw, bottom: vh })
      if (area(visible) > 0) shown.push({ el, box: visible })
    }
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const a = shown[i]!
        const b = shown[j]!
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue
        // A checkbox inside its own label's box is one control.
        if (a.el.closest('label') && a.el.closest('label') === b.el.closest('label')) continue
        if (area(intersect(a.box, b.box)) > 1) overlaps.push(`${name(a.el)} and ${name(b.el)}`)
      }
    }
    return { overlaps, outside, clipped, checked: shown.length }
  })
}
