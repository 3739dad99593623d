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

/** What the long-values e2e reports: what an editor would see of words that do not fit, in words. */
export interface FitProblems {
  /** The window, a column or a panel that scrolls sideways. */
  sideways: string[]
  /** Words past the edge of the window, or of the column or panel they are in. */
  textOut: string[]
  /** Words lying under a control they are not part of. */
  textUnder: string[]
  /** A field (headline, standfirst, caption) that hides some of its own words. */
  fieldsHide: string[]
}

/**
 * Looks at every word on screen now (or in the open modal dialog) and reports where they do not
 * fit: the window or any column scrolling sideways, words running past the window or past the box
 * that clips or scrolls them, words under a control, and any of `fields` (accessible names of the
 * fields that grow with their text) showing less than all of its text. Text cut short by design
 * (the library rows' one line, an ellipsis, a clamped snippet) and text only for screen readers
 * are left out.
 */
export async function fitProblems(page: Page, fields: string[]): Promise<FitProblems> {
  return page.evaluate((fields) => {
    const CONTROLS =
      'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"], [role="tab"], summary, iframe'
    const OUT_OF_SIGHT =
      '.skip-links, [inert], dialog:not([open]), .spell-twin, .visually-hidden, .related-live, .story-row'
    type Box = { left: number; top: number; right: number; bottom: number }
    const vw = document.documentElement.clientWidth
    const vh = document.documentElement.clientHeight
    const modal = document.querySelector('dialog:modal')
    const root = modal ?? document.body
    const seen = (el: Element) => !el.closest(OUT_OF_SIGHT) && el.checkVisibility({ checkVisibilityCSS: true })
    const name = (el: Element) => {
      const label = el.getAttribute('aria-label') || (el as HTMLElement).innerText?.trim().split('\n')[0]?.slice(0, 30)
      return `${el.tagName.toLowerCase()}${el.classList.length ? '.' + [...el.classList].join('.') : ''}${label ? ` "${label}"` : ''}`
    }
    const overlap = (a: Box, b: Box) =>
      Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
      Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))
    /** The part of the window an element can be seen in: the window, cut by every box up the tree that clips or scrolls. */
    const viewOf = (el: Element): Box => {
      const view = { left: 0, top: 0, right: vw, bottom: vh }
      for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
        const s = getComputedStyle(up)
        const r = up.getBoundingClientRect()
        const left = r.left + up.clientLeft
        const top = r.top + up.clientTop
        if (s.overflowX !== 'visible') {
          view.left = Math.max(view.left, left)
          view.right = Math.min(view.right, left + up.clientWidth)
        }
        if (s.overflowY !== 'visible') {
          view.top = Math.max(view.top, top)
          view.bottom = Math.min(view.bottom, top + up.clientHeight)
        }
        // A modal dialog is drawn on top of the page: the boxes round it in the page do not cut it.
        if (up.matches('dialog:modal')) break
      }
      return view
    }
    /** Cut short on purpose: an ellipsis or a clamp on the way up to the box that clips it. */
    const shortenedByDesign = (el: Element) => {
      for (let up: Element | null = el; up; up = up.parentElement) {
        const s = getComputedStyle(up)
        if (s.textOverflow === 'ellipsis' || (s.webkitLineClamp && s.webkitLineClamp !== 'none')) return true
        if (s.overflowX !== 'visible') return false
      }
      return false
    }

    const sideways: string[] = []
    const html = document.documentElement
    if (html.scrollWidth > vw + 1) sideways.push(`the window scrolls sideways: ${html.scrollWidth} px wide in ${vw}`)
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (el.matches('input, textarea, select') || !seen(el)) continue
      const s = getComputedStyle(el)
      if (/auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        // Named by what sticks out: the innermost box past the scroller's right edge.
        const edge = el.getBoundingClientRect().left + el.clientLeft + el.clientWidth
        let culprit: Element | null = null
        for (const inner of el.querySelectorAll('*'))
          if (seen(inner) && inner.getBoundingClientRect().right > edge + 1) culprit = inner
        sideways.push(
          `${name(el)} scrolls sideways: ${el.scrollWidth} px wide in ${el.clientWidth}${culprit ? `, past its edge: ${name(culprit)}` : ''}`,
        )
      }
    }

    const controls = [...root.querySelectorAll(CONTROLS)]
      .filter((el) => !el.closest('.skip-links, [inert], dialog:not([open])') && seen(el))
      .map((el) => {
        const r = el.getBoundingClientRect()
        const view = viewOf(el)
        const box = {
          left: Math.max(r.left, view.left),
          top: Math.max(r.top, view.top),
          right: Math.min(r.right, view.right),
          bottom: Math.min(r.bottom, view.bottom),
        }
        return { el, box }
      })
      .filter(({ box }) => box.right > box.left && box.bottom > box.top)

    const textOut: string[] = []
    const textUnder: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const parent = node.parentElement
      if (!text || !parent || parent.closest('select, option, textarea, script, style, template')) continue
      if (!seen(parent) || shortenedByDesign(parent)) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
      if (!rects.length) continue
      const view = viewOf(parent)
      const words = `“${text.slice(0, 30)}${text.length > 30 ? '…' : ''}” in ${name(parent)}`
      const past = rects.find((r) => r.left < view.left - 1 || r.right > view.right + 1)
      if (past)
        textOut.push(
          `${words} runs over x ${Math.round(past.left)}–${Math.round(past.right)}, outside ${Math.round(view.left)}–${Math.round(view.right)}`,
        )
      // Only the part of the words that can be seen can be under something.
      const visible = rects.map((r) => ({
        left: Math.max(r.left, view.left),
        top: Math.max(r.top, view.top),
        right: Math.min(r.right, view.right),
        bottom: Math.min(r.bottom, view.bottom),
      }))
      const under = controls.find(({ el, box }) => !el.contains(node) && visible.some((r) => overlap(r, box) > 2))
      if (under) textUnder.push(`${words} lies under ${name(under.el)}`)
    }

    const fieldsHide: string[] = []
    for (const label of fields) {
      for (const field of root.querySelectorAll(`[aria-label="${label}"]`)) {
        if (!seen(field)) continue
        if (field.scrollHeight > field.clientHeight + 1 || field.scrollWidth > field.clientWidth + 1)
          fieldsHide.push(
            `${label} shows ${field.clientWidth} x ${field.clientHeight} px of its ${field.scrollWidth} x ${field.scrollHeight}`,
          )
      }
    }
    return { sideways, textOut, textUnder, fieldsHide }
  }, fields)
}
