import { useState, type RefObject } from 'react'
import { storyStatuses, type StoryId, type StoryStatus } from '@shared/story'
import { SearchResults } from './SearchResults'
import { StoryList } from './StoryList'
import { SpikeList } from '../spike/SpikeList'
import { isComposingKey } from '../app/keys'

interface Props {
  openId: StoryId | null
  onOpen: (id: StoryId) => void
  searchRef: RefObject<HTMLInputElement | null>
}

export function LibraryPane({ openId, onOpen, searchRef }: Props) {
  const [query, setQuery] = useState('')
  // The one filter: a status, or "under embargo" (the stories whose embargo still holds).
  const [status, setStatus] = useState<StoryStatus | '' | 'embargoed'>('')
  const [spike, setSpike] = useState(false)
  const searching = query.trim().length > 0
  return (
    <nav className="library" id="library" aria-label="Library" tabIndex={-1}>
      <input
        ref={searchRef}
        className="search"
        id="library-search"
        type="search"
        placeholder="Search the library"
        aria-label="Search the library"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // An input method's Escape drops its words only: not the search, which a search box's
          // own Escape would clear too.
          if (e.key === 'Escape' && isComposingKey(e.nativeEvent)) e.preventDefault()
          else if (e.key === 'Escape') setQuery('')
        }}
      />
      {!spike && (
        <select
          aria-label="Show stories with status"
          value={status}
          onChange={(e) => setStatus(e.target.value as StoryStatus | '' | 'embargoed')}
        >
          <option value="">All stories</option>
          <option value="embargoed">Under embargo</option>
          {storyStatuses.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      )}
      <button className="spike-toggle" aria-pressed={spike} onClick={() => setSpike((s) => !s)}>
        {spike ? 'Back to the library' : 'Spike'}
      </button>
      {spike ? (
        <SpikeList
          openId={openId}
          onOpen={onOpen}
          onBroughtBack={(id) => {
            setSpike(false)
            onOpen(id)
          }}
        />
      ) : searching ? (
        <SearchResults
          query={query}
          status={status && status !== 'embargoed' ? status : undefined}
          openId={openId}
          onOpen={onOpen}
        />
      ) : (
        <StoryList
          key={status}
          status={status && status !== 'embargoed' ? status : undefined}
          embargoed={status === 'embargoed'}
          openId={openId}
          onOpen={onOpen}
        />
      )}
    </nav>
  )
}
