import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { StoryId, StoryStatus, StorySummary } from '@shared/story'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'
import { StoryRow } from './StoryRow'
import { ListScroll, listTopShowing, rowWindow, type ListPosition } from './row-window'
import { useRovingRows } from './useRovingRows'
import { useHouseDates } from './when'

const PAGE = 100
const ROW_HEIGHT = 64
/** Rows drawn beyond each edge of the view, so a quick scroll shows no blank. */
const OVERSCAN = 8
/** How long after a wheel turn or a key a scroll is still theirs (a smooth scroll runs on for a while). */
const HAND_MS = 500

interface Props {
  status?: StoryStatus
  /** Only stories under an embargo that holds. */
  embargoed?: boolean
  openId: StoryId | null
  onOpen: (id: StoryId) => void
}

/**
 * The whole library, newest first. Only the rows on screen are rendered, and only the pages they
 * fall in are fetched, so a library of years of copy scrolls as smoothly as an empty one.
 */
export function StoryList({ status, embargoed, openId, onOpen }: Props) {
  const [total, setTotal] = useState(0)
  const [pages, setPages] = useState<Map<number, StorySummary[]>>(new Map())
  const [error, setError] = useState<string | null>(null)
  const loading = useRef(new Set<number>())
  const generation = useRef(0)
  const scroller = useRef<HTMLDivElement>(null)
  const shown = useRef(pages)
  useEffect(() => {
    shown.current = pages
  }, [pages])

  const load = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return
      loading.current.add(page)
      const asked = generation.current
      invoke('story:list', { status, limit: PAGE, offset: page * PAGE, ...(embargoed ? { embargoed } : {}) })
        .then(({ total: count, items }) => {
          if (asked !== generation.current) return
          setTotal(count)
          setPages((old) => new Map(old).set(page, items))
          setError(null)
        })
        .catch((e: Error) => setError(`The library could not be listed: ${e.message}`))
        .finally(() => loading.current.delete(page))
    },
    [status, embargoed],
  )

  // Which rows are on screen follows from the list's position alone (row-window.ts): rows are one
  // height, so nothing is measured, and a million stories cost no more than a hundred. Past the
  // scroll area's cap the list's position and the scroll position part (ListScroll).
  const [view, setView] = useState<ListPosition & { height: number }>({ scrollTop: 0, listTop: 0, height: 0 })
  const mapping = useRef(new ListScroll())
  const totalNow = useRef(total)
  useLayoutEffect(() => {
    totalNow.current = total
  }, [total])
  /** Show the list at `at`, moving the scroll area when the mapping says so (a stretch crossed). */
  const place = useCallback((element: HTMLElement, at: ListPosition) => {
    if (at.scrollTop !== element.scrollTop) element.scrollTop = at.scrollTop
    setView({ ...at, height: element.clientHeight })
  }, [])
  // The scroller exists only once there are rows (an empty library shows a note instead).
  const hasRows = total > 0
  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    // A scroll within a moment of the wheel or a key was made by hand: followed one to one however
    // far a flick went (ListScroll); any other large move is the scrollbar's.
    let handAt = -Infinity
    const byHand = () => (handAt = performance.now())
    const update = () => {
      const at = { count: totalNow.current, rowHeight: ROW_HEIGHT, viewport: element.clientHeight }
      place(element, mapping.current.scrolled(at, element.scrollTop, performance.now() - handAt < HAND_MS))
    }
    update()
    element.addEventListener('scroll', update, { passive: true })
    element.addEventListener('wheel', byHand, { passive: true })
    element.addEventListener('keydown', byHand, { passive: true })
    const resized = new ResizeObserver(update)
    resized.observe(element)
    return () => {
      element.removeEventListener('scroll', update)
      element.removeEventListener('wheel', byHand)
      element.removeEventListener('keydown', byHand)
      resized.disconnect()
    }
  }, [hasRows, place])
  // A library that grows or shrinks keeps the list where it was (the stretches are re-cut).
  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    const at = { count: total, rowHeight: ROW_HEIGHT, viewport: element.clientHeight }
    place(element, mapping.current.moveTo(at, view.listTop))
    // Only a new count re-cuts the list; the position itself is followed by the scroll listener.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [total, place])
  const geometry = { count: total, rowHeight: ROW_HEIGHT, viewport: view.height }
  const onScreen = rowWindow(geometry, view, OVERSCAN)
  const rows = total ? Array.from({ length: onScreen.last - onScreen.first + 1 }, (_, i) => onScreen.first + i) : []
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scroller.current
      if (!element) return
      const at = { count: total, rowHeight: ROW_HEIGHT, viewport: element.clientHeight }
      const now = mapping.current.scrolled(at, element.scrollTop)
      const top = listTopShowing(at, now.listTop, index)
      if (top !== now.listTop) place(element, mapping.current.moveTo(at, top))
    },
    [total, place],
  )
  useHouseDates()
  const textAt = useCallback(
    (index: number) => shown.current.get(Math.floor(index / PAGE))?.[index % PAGE]?.headline,
    [],
  )
  const roving = useRovingRows({
    count: total,
    textAt,
    container: scroller,
    rowHeight: ROW_HEIGHT,
    scrollTo: scrollToIndex,
  })
  // The current row may be scrolled out (and so not rendered): the list itself then takes the Tab
  // stop, and hands focus to that row as soon as it gets it.
  const activeShown = rows.some((index) => index === roving.active && pages.has(Math.floor(index / PAGE)))

  // A new filter starts from the first page; a change in the library refreshes the pages on show
  // in place, so the list never blanks while an editor types.
  useEffect(() => {
    generation.current++
    loading.current.clear()
    // A new filter is a new list: its pages are dropped at once, before the first one comes.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPages(new Map())
    load(0)
    return libraryChanged.on(() => {
      generation.current++
      loading.current.clear()
      for (const page of shown.current.size ? shown.current.keys() : [0]) load(page)
    })
  }, [load])

  const first = rows[0] ?? 0
  const last = rows[rows.length - 1] ?? 0
  useEffect(() => {
    for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) {
      if (!pages.has(page)) load(page)
    }
  }, [first, last, pages, load])

  // The open story's row is shown whole: one half out of view (opened from the edge, or by Ctrl+N) is scrolled in.
  const openIndex = (() => {
    if (openId === null) return -1
    for (const [page, items] of pages) {
      const at = items.findIndex((s) => s.id === openId)
      if (at >= 0) return page * PAGE + at
    }
    return -1
  })()
  useEffect(() => {
    if (openIndex >= 0) scrollToIndex(openIndex)
  }, [openIndex, scrollToIndex])

  if (error) return <p className="list-note error">{error}</p>
  if (total === 0 && pages.has(0)) return <p className="list-note">No stories here yet.</p>

  return (
    <div
      className="story-list"
      ref={scroller}
      id="library-list"
      aria-label="Stories"
      role="grid"
      aria-rowcount={total}
      aria-colcount={1}
      tabIndex={activeShown ? -1 : 0}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !activeShown) roving.move(roving.active)
      }}
    >
      <div role="rowgroup" style={{ height: onScreen.height, position: 'relative' }}>
        {rows.map((index) => {
          const story = pages.get(Math.floor(index / PAGE))?.[index % PAGE]
          return (
            <div
              key={index}
              role="row"
              aria-rowindex={index + 1}
              data-row={index}
              className="story-list-item"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${onScreen.topOf(index)}px)`,
              }}
            >
              <div role="gridcell" className="story-cell">
                {story ? (
                  <StoryRow
                    story={story}
                    active={story.id === openId}
                    onOpen={() => onOpen(story.id)}
                    {...roving.rowProps(index)}
                  />
                ) : (
                  <div className="story-row placeholder" />
                )}
              </div>
            </div>
          )
        })}
      </div>
    </div>
  )
}
