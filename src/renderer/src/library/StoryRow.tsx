import type { KeyboardEvent } from 'react'
import { mediaPreviewSrc } from '@shared/media'
import type { StorySummary } from '@shared/story'
import { Marked } from './Marked'
import { EmbargoBadge } from '../embargo/EmbargoBadge'
import { agencyBesideBylines } from './row-agency'
import { lastEdited } from './when'

interface Props {
  story: StorySummary
  headline?: string
  snippet?: string
  active: boolean
  onOpen: () => void
  /** The library list is one Tab stop: only its current row is in the Tab order. */
  tabIndex?: number
  onFocus?: () => void
  onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void
}

export function StoryRow({ story, headline, snippet, active, onOpen, tabIndex, onFocus, onKeyDown }: Props) {
  const by = story.bylines.join(', ') || story.agency || ''
  const agency = agencyBesideBylines(story)
  return (
    <button
      className={`story-row${active ? ' active' : ''}${story.kill ? ' killed' : ''}`}
      onClick={onOpen}
      data-story-id={story.id}
      aria-current={active ? 'true' : undefined}
      tabIndex={tabIndex}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      {story.leadMediaId && (
        <img className="row-thumb" src={mediaPreviewSrc(story.leadMediaId)} alt="" loading="lazy" decoding="async" />
      )}
      <span className="row-headline">
        {headline !== undefined ? <Marked text={headline} /> : story.headline || <em>Untitled story</em>}
      </span>
      {snippet && (
        <span className="row-snippet">
          <Marked text={snippet} />
        </span>
      )}
      <span className="row-meta">
        {story.kill && <span className="row-kill">{story.kill === 'kill' ? 'Killed' : 'Withdrawn'}</span>}
        <span className={`status status-${story.status}`}>{story.status}</span>
        <EmbargoBadge embargo={story.embargo} compact />
        {by && <span className="row-byline">{by}</span>}
        {agency && <span className="row-agency">{agency}</span>}
        <time dateTime={story.updatedAt}>{lastEdited(story.updatedAt)}</time>
      </span>
      {story.desk && (
        <span className="row-desk">
          <span className="desk-mark">Shared</span> {story.desk.owner}’s
          {story.desk.assignee ? ` · with ${story.desk.assignee}` : ' · on the desk'}
        </span>
      )}
    </button>
  )
}
