import { useEffect, useState } from 'react'

/**
 * False until the frame after the component was first shown has been painted, then true. For what
 * an editor does not need to see a story (its spelling, the side panels): mounted a frame later,
 * its rendering no longer holds up the story's words on screen (docs/benchmarks.md, Start: the
 * renderer's boot).
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    // A frame's callback runs before its paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true))))
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [])
  return painted
}
