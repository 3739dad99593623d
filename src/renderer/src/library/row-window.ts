/**
 * Which rows of a long list of equal rows are on screen, and where they go. A browser cannot lay
 * out an element taller than about 33 million pixels (Chromium; Firefox less), and a million
 * stories at 64 px is 64 million: past the limit the last stories could not be scrolled to. So the
 * scroll area is capped at MAX_SCROLL_HEIGHT, and the list's own position (`listTop`, in list
 * pixels) is kept apart from the scroll position (`scrollTop`) by `ListScroll` below.
 *
 * Plain arithmetic, not a measuring virtualiser: rows are all one height, and a virtualiser that
 * keeps a measurement per row spent seconds on a million of them (docs/benchmarks.md).
 */
export const MAX_SCROLL_HEIGHT = 8_000_000
/** A list past the cap is cut into at least this many stretches (see ListScroll). */
const STRETCHES = 100

export interface Geometry {
  count: number
  rowHeight: number
  viewport: number
}

/** Where the list is: the scroll area's position, and the list's own top in list pixels. */
export interface ListPosition {
  scrollTop: number
  listTop: number
}

export interface RowWindow {
  /** Height of the scroll area's content, in pixels. */
  height: number
  first: number
  last: number
  /** Where row `index` is drawn, from the top of the content. */
  topOf(index: number): number
}

function ranges({ count, rowHeight, viewport }: Geometry) {
  const full = count * rowHeight
  const height = Math.min(full, MAX_SCROLL_HEIGHT)
  return { height, scrollRange: Math.max(0, height - viewport), listRange: Math.max(0, full - viewport) }
}

export function scrollHeight(geometry: Geometry): number {
  return ranges(geometry).height
}

export function rowWindow(geometry: Geometry, at: ListPosition, overscan: number): RowWindow {
  const { count, rowHeight, viewport } = geometry
  const first = Math.max(0, Math.floor(at.listTop / rowHeight) - overscan)
  const last = Math.min(count - 1, Math.ceil((at.listTop + viewport) / rowHeight) + overscan)
  return {
    height: scrollHeight(geometry),
    first,
    last,
    topOf: (index) => at.scrollTop + index * rowHeight - at.listTop,
  }
}

/**
 * The list's top that shows row `index` whole, moving as little as it can (none when it is already
 * whole on screen): what keyboard navigation and an opened story's row need.
 */
export function listTopShowing({ rowHeight, viewport }: Geometry, listTop: number, index: number): number {
  const rowTop = index * rowHeight
  if (rowTop < listTop) return rowTop
  if (rowTop + rowHeight > listTop + viewport) return rowTop + rowHeight - viewport
  return listTop
}

/**
 * Scrolling a list taller than the cap. Mapping the scroll position onto the list in proportion
 * would make a wheel's notch or an arrow key jump eight rows for one at a million stories, too
 * fast to skim. Instead (the scheme of SlickGrid's virtual pages) the list is cut into stretches:
 * within one, the list moves one to one with the scroll position, offset by that stretch's own
 * amount; crossing into the next, the offset changes and the scroll position is set to match (the
 * scrollbar's thumb moves a little; the rows do not). A move of a view or more (the thumb dragged,
 * the track clicked) lands in proportion. The first stretch's offset is 0 and the last's puts the
 * end of the scroll area at the end of the list, so the top and the last story can always be reached.
 *
 * A list that fits under the cap scrolls one to one, as a plain list does.
 */
export class ListScroll {
  /** listTop - scrollTop in the stretch the list is in. */
  private offset = 0
  /** The last scroll position seen or set, so a position this class set is not taken for a move. */
  private last = 0

  /**
   * The scroll area moved to `scrollTop` (or its size changed): where the list now is. `byHand` says
   * the wheel or a key moved it (the list follows one to one however far a fast flick went); else
   * a move of a view or more is taken for the scrollbar's thumb or track.
   */
  scrolled(geometry: Geometry, scrollTop: number, byHand = false): ListPosition {
    const moved = scrollTop - this.last
    this.last = scrollTop
    const stretches = stretchesOf(geometry)
    if (!stretches) {
      this.offset = 0
      return { scrollTop, listTop: Math.min(Math.max(0, scrollTop), ranges(geometry).listRange) }
    }
    let listTop: number
    if (byHand || Math.abs(moved) < geometry.viewport) listTop = scrollTop + this.offset
    else {
      // A jump: in proportion, in the stretch that proportion falls in, without moving the thumb.
      const along = (scrollTop * stretches.listRange) / stretches.scrollRange
      this.offset = stretches.offsetOf(stretches.stretchOf(along))
      listTop = scrollTop + this.offset
    }
    return this.moveTo(geometry, listTop)
  }

  /** The scroll position that puts the list's top at `listTop` (clamped to the list). */
  moveTo(geometry: Geometry, listTop: number): ListPosition {
    const stretches = stretchesOf(geometry)
    const { listRange } = ranges(geometry)
    const top = Math.min(Math.max(0, listTop), listRange)
    this.offset = stretches ? stretches.offsetOf(stretches.stretchOf(top)) : 0
    this.last = top - this.offset
    return { scrollTop: this.last, listTop: top }
  }
}

/** The stretches of a list past the cap; null when the list scrolls one to one. */
function stretchesOf(geometry: Geometry) {
  const { scrollRange, listRange } = ranges(geometry)
  if (listRange <= scrollRange || scrollRange <= 0) return null
  // Each stretch's scroll positions must fit in the scroll area: at least listRange / scrollRange of them.
  const count = Math.max(STRETCHES, Math.ceil(listRange / scrollRange) + 1)
  const span = listRange / count
  const step = (listRange - scrollRange) / (count - 1)
  return {
    scrollRange,
    listRange,
    stretchOf: (listTop: number) => Math.min(count - 1, Math.max(0, Math.floor(listTop / span))),
    offsetOf: (stretch: number) => stretch * step,
  }
}
