import { useEffect, useState } from 'react'
import type { SearchHit } from '@shared/contract'
import type { StoryId } from '@shared/story'
import { invoke } from '../app/client'
import { StoryPicker } from './StoryPicker'

interface Props {
  storyId: StoryId
  linked: ReadonlySet<number>
  onAdd: (hit: SearchHit) => void
}

const SHOWN = 5

/**
 * Stories the library holds on the same people and places, found by this story's own distinctive
 * words (as last saved). Asked again when the related list changes, so added ones make way.
 */
export function Suggestions({ storyId, linked, onAdd }: Props) {
  const [result, setResult] = useState<{ terms: string[]; items: SearchHit[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [asked, setAsked] = useState(0)
  const linkedKey = [...linked].join(',')

  useEffect(() => {
    let current = true
    const exclude = linkedKey ? linkedKey.split(',').length : 0
    invoke('related:suggest', { id: storyId, limit: Math.min(50, SHOWN + exclude) })
      .then((reply) => {
        if (!current) return
        setResult(reply)
        setError(null)
      })
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [storyId, linkedKey, asked])

  const items = result?.items.filter((hit) => !linked.has(hit.id)).slice(0, SHOWN) ?? []
  return (
    <section className="related-section" aria-label="Suggested stories">
      <div className="related-section-head">
        <h3>Suggested</h3>
        <button type="button" className="related-refresh" onClick={() => setAsked((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {error && <p className="related-note error">Suggestions failed: {error}</p>}
      {result && !items.length && (
        <p className="related-note">
          Nothing in the library shares this story’s distinctive words yet. Suggestions come from the saved text.
        </p>
      )}
      {items.length > 0 && (
        <>
          <p className="related-note">Sharing: {result!.terms.slice(0, 6).join(', ')}</p>
          <StoryPicker label="Suggested stories" hits={items} storyId={storyId} linked={linked} onAdd={onAdd} />
        </>
      )}
    </section>
  )
}
