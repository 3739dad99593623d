import { useCallback, useMemo, useState } from 'react'
import type { SearchHit } from '@shared/contract'
import type { RelatedEntry } from '@shared/story'
import type { StoryPanelProps } from '../story/panel-props'
import { ExternalLinkForm } from './ExternalLinkForm'
import { LibrarySearch } from './LibrarySearch'
import { linkedIds } from './order'
import { RelatedList } from './RelatedList'
import { Suggestions } from './Suggestions'
import { useRelatedLookup } from './useRelatedLookup'

/**
 * The Related panel: the stories a reader is offered after this one, in order. Everything here
 * changes fields.related; autosave stores it with the story (and in its revisions).
 */
export function RelatedPanel({ story, fields, set }: StoryPanelProps) {
  const entries = fields.related
  const ids = useMemo(() => linkedIds(entries), [entries])
  const linked = useMemo(() => new Set(ids), [ids])
  const lookup = useRelatedLookup(ids)
  const [announcement, setAnnouncement] = useState('')

  const change = useCallback((next: RelatedEntry[]) => set('related', next), [set])
  const addStory = (hit: SearchHit) => {
    if (linked.has(hit.id) || hit.id === story.id) return
    change([...entries, { headline: hit.headline, storyId: hit.id }])
    setAnnouncement(`Added “${hit.headline}” as related story ${entries.length + 1}.`)
  }

  return (
    <div className="related-panel">
      <p id="related-order-help" className="related-help">
        Readers see these after the story, in this order. Drag an entry to move it, or focus it and press Alt+↑ or
        Alt+↓.
      </p>
      <RelatedList storyId={story.id} entries={entries} lookup={lookup} onChange={change} announce={setAnnouncement} />
      <p className="related-live" aria-live="polite">
        {announcement}
      </p>
      <LibrarySearch storyId={story.id} linked={linked} onAdd={addStory} />
      <Suggestions storyId={story.id} linked={linked} onAdd={addStory} />
      <ExternalLinkForm
        onAdd={(entry) => {
          change([...entries, entry])
          setAnnouncement(`Added the link “${entry.headline}”.`)
        }}
      />
    </div>
  )
}
