import { useCallback, useEffect, useRef, useState } from 'react'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'
import type { StoryPanelProps } from '../story/panel-props'
import { exportRequested, houseStyleChanged, houseStyleRequested } from './events'
import type { StoryPreview } from '@shared/export'
import { SocialCard } from './SocialCard'

/** Saves come in bursts while an editor types: render once they pause. */
const REFRESH_DELAY_MS = 250

/**
 * The Preview panel: the page exactly as the export writes it (pictures embedded), in a sandboxed
 * frame where nothing can run, rendered again after every save and every house style change.
 */
export function PreviewPanel({ story, fields }: StoryPanelProps) {
  const [html, setHtml] = useState<string | null>(null)
  const [card, setCard] = useState<StoryPreview['card'] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const render = useCallback(() => {
    invoke('story:preview', { id: story.id })
      .then((preview) => {
        setHtml(preview.html)
        setCard(preview.card ?? null)
        setError(null)
      })
      .catch((e: Error) => setError(`The preview could not be made: ${e.message}`))
  }, [story.id])

  useEffect(() => {
    render()
    const later = () => {
      clearTimeout(timer.current)
      timer.current = setTimeout(render, REFRESH_DELAY_MS)
    }
    const offLibrary = libraryChanged.on(later)
    const offStyle = houseStyleChanged.on(later)
    return () => {
      clearTimeout(timer.current)
      offLibrary()
      offStyle()
    }
  }, [render])

  return (
    <div className="preview-panel">
      <div className="preview-tools">
        <button onClick={() => exportRequested.emit()}>Export…</button>
        <button onClick={() => houseStyleRequested.emit()}>House style…</button>
      </div>
      {/* Keywords are set with the story's other fields, beside the slug. */}
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {card && (
        <SocialCard
          card={card}
          headline={fields.headline ?? story.headline}
          standfirst={fields.standfirst ?? story.standfirst}
          alt={(fields.leadPicture ?? story.leadPicture)?.alt ?? ''}
        />
      )}
      {html === null ? (
        <p className="loading">Making the preview…</p>
      ) : (
        // sandbox="" : no scripts, no forms, no top navigation, an origin of its own.
        <iframe className="preview-frame" title="Export preview" sandbox="" srcDoc={html} />
      )}
    </div>
  )
}
