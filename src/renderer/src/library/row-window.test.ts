import { describe, expect, it } from 'vitest'
import { ListScroll, listTopShowing, MAX_SCROLL_HEIGHT, rowWindow, type Geometry } from './row-window'

const rowHeight = 64
const viewport = 640
const million = { count: 1_000_000, rowHeight, viewport }
const scrollRange = MAX_SCROLL_HEIGHT - viewport
const listRange = million.count * rowHeight - viewport

/**
 * What the browser does with a wheel's notch: the scroll position moves by `delta`, held inside
 * the scroll area, and the list is told; where the list sets the position itself (a stretch
 * crossed), the browser's next scroll event reports that position.
 */
function wheel(list: ListScroll, geometry: Geometry, scrollTop: number, delta: number) {
  const range = Math.min(geometry.count * geometry.rowHeight, MAX_SCROLL_HEIGHT) - geometry.viewport
  const moved = Math.min(Math.max(0, scrollTop + delta), range)
  const at = list.scrolled(geometry, moved)
  if (at.scrollTop !== moved) {
    const reported = list.scrolled(geometry, at.scrollTop)
    if (reported.listTop !== at.listTop) throw new Error(`the list moved when only its own setting was reported`)
  }
  if (at.scrollTop < 0 || at.scrollTop > range + 1e-6) throw new Error(`scrolled out of the area: ${at.scrollTop}`)
  return at
}

/** Scrolls by `notch` until `done`, and returns where it ended and the largest error in any step's move. */
function skim(
  list: ListScroll,
  from: { scrollTop: number; listTop: number },
  notch: number,
  done: (listTop: number) => boolean,
) {
  let at = from
  let worst = 0
  while (!done(at.listTop)) {
    const next = wheel(list, million, at.scrollTop, notch)
    const expected = notch > 0 ? Math.min(notch, listRange - at.listTop) : Math.max(notch, -at.listTop)
    worst = Math.max(worst, Math.abs(next.listTop - at.listTop - expected))
    at = next
  }
  return { at, worst }
}

describe('the rows on screen in a long list', () => {
  it('scrolls one to one while the list fits, as a plain list does', () => {
    const geometry = { count: 1000, rowHeight, viewport }
    const at = new ListScroll().scrolled(geometry, 6400)
    expect(at).toEqual({ scrollTop: 6400, listTop: 6400 })
    const shown = rowWindow(geometry, at, 0)
    expect(shown.height).toBe(64_000)
    expect([shown.first, shown.last]).toEqual([100, 110])
    expect(shown.topOf(100)).toBe(6400)
    expect(listTopShowing(geometry, 6400, 105)).toBe(6400)
    expect(listTopShowing(geometry, 6400, 120)).toBe(121 * 64 - viewport)
  })

  it('moves a million-story list by a wheel notch as far as a short one, from the first story to the last and back', () => {
    // An editor skimming with the wheel or the arrow keys sees the rows move by what was scrolled,
    // at every size of library: never eight rows for one.
    for (const notch of [600, 64, 3]) {
      const list = new ListScroll()
      const start = list.scrolled(million, 0)
      if (notch !== 600) {
        // Smaller notches (a trackpad, an arrow key) across the first stretch's end.
        const { worst } = skim(list, start, notch, (top) => top > listRange / 100 + 10 * notch)
        expect(worst).toBeLessThan(1e-6)
        continue
      }
      // The wheel alone reaches the last story, whole at the bottom of the view…
      const down = skim(list, start, notch, (top) => top >= listRange)
      expect(down.worst).toBeLessThan(1e-6)
      expect(down.at.scrollTop).toBeCloseTo(scrollRange, 6)
      const bottom = rowWindow(million, down.at, 0)
      expect(bottom.last).toBe(999_999)
      expect(bottom.topOf(999_999) + rowHeight - down.at.scrollTop).toBeCloseTo(viewport, 6)
      // …and the first one on the way back.
      const up = skim(list, down.at, -notch, (top) => top <= 0)
      expect(up.worst).toBeLessThan(1e-6)
      expect(up.at).toEqual({ scrollTop: 0, listTop: 0 })
      expect(rowWindow(million, up.at, 0).topOf(0)).toBe(0)
    }
  })

  it('follows a fast flick of the wheel one to one, however far it goes in one frame', () => {
    const list = new ListScroll()
    let at = list.moveTo(million, 5_000_000)
    for (const flick of [700, 3_000, -2_500, 640, -640]) {
      const next = list.scrolled(million, at.scrollTop + flick, true)
      const settled = list.scrolled(million, next.scrollTop)
      expect(settled.listTop).toBeCloseTo(at.listTop + flick, 6)
      at = settled
    }
    // The same move not made by hand (the thumb dragged) lands in proportion, far from there.
    const dragged = list.scrolled(million, at.scrollTop + 3_000)
    expect(Math.abs(dragged.listTop - (at.listTop + 3_000))).toBeGreaterThan(100_000)
  })

  it('lands in proportion when the scrollbar is dragged or its track clicked, and ends at the last story', () => {
    const list = new ListScroll()
    for (const fraction of [0.5, 0.1, 0.999, 0.25, 0]) {
      const at = list.scrolled(million, fraction * scrollRange)
      // The thumb stays where it was put, and the list is within one stretch (1%) of that proportion.
      expect(at.scrollTop).toBeCloseTo(fraction * scrollRange, 6)
      expect(Math.abs(at.listTop - fraction * listRange)).toBeLessThanOrEqual(listRange / 100)
    }
    const end = list.scrolled(million, scrollRange)
    expect(end.listTop).toBe(listRange)
    expect(rowWindow(million, end, 0).last).toBe(999_999)
  })

  it('brings any row of a million into view whole, and finds it drawn there', () => {
    const list = new ListScroll()
    let at = list.scrolled(million, 0)
    for (const index of [0, 1, 499_999, 777_777, 777_778, 999_998, 999_999, 10]) {
      at = list.moveTo(million, listTopShowing(million, at.listTop, index))
      expect(list.scrolled(million, at.scrollTop)).toEqual(at)
      const shown = rowWindow(million, at, 0)
      expect(index).toBeGreaterThanOrEqual(shown.first)
      expect(index).toBeLessThanOrEqual(shown.last)
      const y = shown.topOf(index) - at.scrollTop
      expect(y).toBeGreaterThanOrEqual(-1e-6)
      expect(y + rowHeight).toBeLessThanOrEqual(viewport + 1e-6)
    }
  })

  it('keeps the rows on screen when the library grows past the cap or shrinks under it', () => {
    const list = new ListScroll()
    const small = { count: 100_000, rowHeight, viewport }
    let at = list.moveTo(small, 3_000_000)
    expect(at).toEqual({ scrollTop: 3_000_000, listTop: 3_000_000 })
    at = list.moveTo(million, at.listTop)
    expect(at.listTop).toBe(3_000_000)
    expect(list.scrolled(million, at.scrollTop)).toEqual(at)
    at = list.moveTo(small, at.listTop)
    expect(at).toEqual({ scrollTop: 3_000_000, listTop: 3_000_000 })
  })

  it('draws neighbouring rows a row apart, with no gap or overlap, wherever the list is scrolled', () => {
    const list = new ListScroll()
    for (const scrollTop of [0, 12_345.5, 4_000_000, scrollRange]) {
      const shown = rowWindow(million, list.scrolled(million, scrollTop), 2)
      for (let i = shown.first; i < shown.last; i++) expect(shown.topOf(i + 1) - shown.topOf(i)).toBeCloseTo(rowHeight)
    }
  })
})
