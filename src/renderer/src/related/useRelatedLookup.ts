import { useEffect, useState } from 'react'
import type { RelatedLookupItem } from '@shared/related'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'

/**
 * What each linked story is now (status, date, or gone), refreshed when the list changes and when
 * the library does (a story deleted or unpublished elsewhere shows at once).
 */
export function useRelatedLookup(ids: readonly number[]): Map<number, RelatedLookupItem> {
  const [items, setItems] = useState(() => new Map<number, RelatedLookupItem>())
  const [version, setVersion] = useState(0)
  const key = ids.join(',')

  useEffect(() => libraryChanged.on(() => setVersion((v) => v + 1)), [])

  useEffect(() => {
    let current = true
    const wanted = key ? key.split(',').map(Number) : []
    if (!wanted.length) return
    invoke('related:lookup', { ids: wanted })
      .then((reply) => current && setItems(new Map(reply.items.map((item) => [item.id, item]))))
      .catch(() => {
        // Leave the last known state: entries still show their headlines, only without status.
      })
    return () => {
      current = false
    }
  }, [key, version])

  return items
}
