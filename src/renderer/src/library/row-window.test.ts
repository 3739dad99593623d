import { describe, expect, it } from 'vitest'
import { MAX_SCROLL_HEIGHT, rowWindow, scrollTopShowing } from './row-window'

const rowHeight = 64
const viewport = 640

describe('the rows on screen in a long list', () => {
  it('scrolls one to one while the list fits, as a plain list does', () => {
    const geometry = { count: 1000, rowHeight, viewport }
    const shown = rowWindow(geometry, 6400, 0)
    expect(shown.height).toBe(64_000)
    expect([shown.first, shown.last]).toEqual([100, 110])
    expect(shown.topOf(100)).toBe(6400)
    expect(scrollTopShowing(geometry, 6400, 105)).toBe(6400)
    expect(scrollTopShowing(geometry, 6400, 120)).toBe(121 * 64 - viewport)
  })

  it('reaches the last of a million stories, drawn whole at the bottom of the view', () => {
    const geometry = { count: 1_000_000, rowHeight, viewport }
    const bottom = MAX_SCROLL_HEIGHT - viewport
    const shown = rowWindow(geometry, bottom, 0)
    expect(shown.height).toBe(MAX_SCROLL_HEIGHT)
    expect(shown.last).toBe(999_999)
    // The last row's bottom edge is the view's bottom edge.
    expect(shown.topOf(999_999) + rowHeight).toBe(bottom + viewport)
    // And the first row is at the top when scrolled to the top.
    const top = rowWindow(geometry, 0, 0)
    expect([top.first, top.topOf(0)]).toEqual([0, 0])
  })

  it('brings any row of a million into view whole, and finds it drawn there', () => {
    const geometry = { count: 1_000_000, rowHeight, viewport }
    for (const index of [0, 1, 499_999, 777_777, 999_998, 999_999]) {
      const scrollTop = scrollTopShowing(geometry, 0, index)
      const shown = rowWindow(geometry, scrollTop, 0)
      expect(index).toBeGreaterThanOrEqual(shown.first)
      expect(index).toBeLessThanOrEqual(shown.last)
      const y = shown.topOf(index) - scrollTop
      expect(y).toBeGreaterThanOrEqual(-1e-6)
      expect(y + rowHeight).toBeLessThanOrEqual(viewport + 1e-6)
    }
  })

  it('draws neighbouring rows a row apart, with no gap or overlap, wherever the list is scrolled', () => {
    const geometry = { count: 1_000_000, rowHeight, viewport }
    for (const scrollTop of [0, 12_345.5, 4_000_000, MAX_SCROLL_HEIGHT - viewport]) {
      const shown = rowWindow(geometry, scrollTop, 2)
      for (let i = shown.first; i < shown.last; i++) expect(shown.topOf(i + 1) - shown.topOf(i)).toBeCloseTo(rowHeight)
    }
  })
})
