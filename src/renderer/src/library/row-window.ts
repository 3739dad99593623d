/**
 * Which rows of a long list of equal rows are on screen, and where they go. A browser cannot lay
 * out an element taller than about 33 million pixels (Chromium; Firefox less), and a million
 * stories at 64 px is 64 million: past the limit the last stories could not be scrolled to. So the
 * scroll area is capped at MAX_SCROLL_HEIGHT and, above it, the scroll position maps onto the whole
 * list in proportion (each pixel scrolled moves further through the list); rows are still drawn at
 * their full height. Below the cap the mapping is one to one, as a plain list scrolls.
 *
 * Plain arithmetic, not a measuring virtualiser: rows are all one height, and a virtualiser that
 * keeps a measurement per row spent seconds on a million of them (docs/benchmarks.md).
 */
export const MAX_SCROLL_HEIGHT = 8_000_000

export interface RowWindow {
  /** Height of the scroll area's content, in pixels. */
  height: number
  first: number
  last: number
  /** Where row `index` is drawn, from the top of the content. */
  topOf(index: number): number
}

interface Geometry {
  count: number
  rowHeight: number
  viewport: number
}

function mapping({ count, rowHeight, viewport }: Geometry) {
  const full = count * rowHeight
  const height = Math.min(full, MAX_SCROLL_HEIGHT)
  const scrollRange = Math.max(0, height - viewport)
  const listRange = Math.max(0, full - viewport)
  // How far through the list (in list pixels) a scroll position is.
  const listTop = (scrollTop: number) =>
    scrollRange > 0 && full > height ? (Math.min(scrollTop, scrollRange) * listRange) / scrollRange : scrollTop
  const scrollTopFor = (top: number) => (listRange > 0 && full > height ? (top * scrollRange) / listRange : top)
  return { height, listTop, scrollTopFor }
}

export function rowWindow(geometry: Geometry, scrollTop: number, overscan: number): RowWindow {
  const { count, rowHeight, viewport } = geometry
  const { height, listTop } = mapping(geometry)
  const top = listTop(scrollTop)
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan)
  const last = Math.min(count - 1, Math.ceil((top + viewport) / rowHeight) + overscan)
  return { height, first, last, topOf: (index) => scrollTop + index * rowHeight - top }
}

/**
 * The scroll position that shows row `index` whole, moving as little as it can (none when it is
 * already whole on screen): what keyboard navigation and an opened story's row need.
 */
export function scrollTopShowing(geometry: Geometry, scrollTop: number, index: number): number {
  const { rowHeight, viewport } = geometry
  const { listTop, scrollTopFor } = mapping(geometry)
  const top = listTop(scrollTop)
  const rowTop = index * rowHeight
  if (rowTop < top) return scrollTopFor(rowTop)
  if (rowTop + rowHeight > top + viewport) return scrollTopFor(rowTop + rowHeight - viewport)
  return scrollTop
}
