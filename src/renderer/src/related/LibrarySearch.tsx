import { useEffect, useState } from 'react'
import type { SearchHit } from '@shared/contract'
import type { StoryId } from '@shared/story'
import { invoke } from '../app/client'
import { StoryPicker } from './StoryPicker'
import { useDebounced } from './useDebounced'
import { isComposingKey } from '../app/keys'

interface Props {
  storyId: StoryId
  linked: ReadonlySet<number>
  onAdd: (hit: SearchHit) => void
}

/** Search the library as the editor types: the same search as the library pane and `copydesk search`. */
export function LibrarySearch({ storyId, linked, onAdd }: Props) {
  const [typed, setTyped] = useState('')
  const query = useDebounced(typed.trim(), 120)
  const [result, setResult] = useState<{ query: string; hits: SearchHit[] } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!query) return
    let current = true
    invoke('story:search', { query, limit: 8 })
      .then(({ items }) => {
        if (!current) return
        setResult({ query, hits: items })
        setError(null)
      })
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [query])

  const shown = query && result?.query === query ? result.hits : null
  return (
    <section className="related-section" aria-label="Add from the library">
      <input
        type="search"
        className="related-search"
        aria-label="Find a story to relate"
        placeholder="Search the library to add a story"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => {
          // An input method's Escape drops its words only, not the search (a search box's own
          // Escape would clear it too).
          if (e.key === 'Escape' && isComposingKey(e.nativeEvent)) e.preventDefault()
          else if (e.key === 'Escape') setTyped('')
        }}
      />
      {error && query && <p className="related-note error">Search failed: {error}</p>}
      {shown && !shown.length && <p className="related-note">No story has all of these words.</p>}
      {shown && shown.length > 0 && (
        <StoryPicker
          label="Stories found"
          hits={shown}
          storyId={storyId}
          linked={linked}
          onAdd={(hit) => {
            onAdd(hit)
          }}
        />
      )}
    </section>
  )
}
