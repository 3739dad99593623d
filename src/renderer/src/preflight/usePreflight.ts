import { useEffect, useState } from 'react'
import type { PreflightItem } from '@shared/preflight'
import type { StoryId } from '@shared/story'
import { invoke } from '../app/client'
import { flushAll } from '../app/flush'

/** The preflight of a story as saved (what is typed is saved first); null while it loads. */
export function usePreflight(id: StoryId | null): { items: PreflightItem[] | null; error: string | null } {
  const [items, setItems] = useState<PreflightItem[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (id === null) return
    let current = true
    flushAll()
      .then(() => invoke('story:preflight', { id }))
      .then((preflight) => current && setItems(preflight.items))
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [id])
  return { items, error }
}
