import { useEffect, useState } from 'react'

/**
 * Says a message to screen readers once it has held still for `settle` ms, and only when it is
 * new: a count that changes with every keystroke is read once, when typing pauses, not forty times.
 * Visually hidden; the visible text beside it is not itself live, so nothing is said twice.
 */
export function LiveRegion({ message, settle = 1200 }: { message: string; settle?: number }) {
  const [said, setSaid] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setSaid(message), settle)
    return () => clearTimeout(timer)
  }, [message, settle])
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {said}
    </div>
  )
}
