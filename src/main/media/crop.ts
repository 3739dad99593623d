import type { Focus } from '../../shared/media'

export interface Box {
  left: number
  top: number
  width: number
  height: number
}

/** The middle of the picture: where a crop is centred when the editor has not set a focal point. */
export const CENTRE: Focus = { x: 0.5, y: 0.5 }

/**
 * The largest box of the given shape (width / height) inside a picture of width x height (as it is
 * shown, upright), centred on the focal point as nearly as the picture's edges allow: a point near
 * an edge gives a crop against that edge, never one past it.
 */
export function cropBox(width: number, height: number, ratio: number, focus: Focus = CENTRE): Box {
  let boxWidth = width
  let boxHeight = Math.round(width / ratio)
  if (boxHeight > height) {
    boxHeight = height
    boxWidth = Math.min(width, Math.round(height * ratio))
  }
  const place = (size: number, box: number, at: number) =>
    Math.min(size - box, Math.max(0, Math.round(at * size - box / 2)))
  return {
    left: place(width, boxWidth, focus.x),
    top: place(height, boxHeight, focus.y),
    width: Math.max(1, boxWidth),
    height: Math.max(1, boxHeight),
  }
}
