import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { WindowBounds } from './policy'

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 }

interface Area {
  x: number
  y: number
  width: number
  height: number
}

/** Remembered bounds, or the default when the file is missing, broken or off every screen now. */
export function restoreBounds(file: string, displays: Area[]): WindowBounds {
  let saved: WindowBounds
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as WindowBounds
  } catch {
    return DEFAULT_BOUNDS
  }
  if (!(saved.width >= 400 && saved.height >= 300)) return DEFAULT_BOUNDS
  if (saved.x === undefined || saved.y === undefined)
    return { width: saved.width, height: saved.height, maximized: !!saved.maximized }
  const { x, y } = saved
  const visible = displays.some(
    (d) => x + 100 > d.x && y + 50 > d.y && x < d.x + d.width - 100 && y < d.y + d.height - 50,
  )
  return visible ? saved : { width: saved.width, height: saved.height, maximized: !!saved.maximized }
}

export function rememberBounds(file: string, bounds: WindowBounds): void {
  const temp = `${file}.tmp`
  writeFileSync(temp, JSON.stringify(bounds))
  renameSync(temp, file)
}
