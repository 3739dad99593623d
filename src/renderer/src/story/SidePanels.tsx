import { useState } from 'react'
import type { StoryPanelProps } from './panel-props'
import { storyPanels } from './panels'

/** The tab last chosen for each story, so reopening it afresh (after a restore) keeps the editor's place. */
const chosenFor = new Map<number, string>()

/** The panels beside the story, one shown at a time, chosen by tab. */
export function SidePanels(props: StoryPanelProps) {
  const [active, setActiveState] = useState(() => chosenFor.get(props.story.id) ?? storyPanels[0]?.id)
  const setActive = (id: string) => {
    chosenFor.set(props.story.id, id)
    setActiveState(id)
  }
  const panel = storyPanels.find((p) => p.id === active) ?? storyPanels[0]
  if (!panel) return null
  return (
    <aside className="side-panels" aria-label="Story tools">
      <div className="panel-tabs" role="tablist">
        {storyPanels.map((p) => (
          <button key={p.id} role="tab" aria-selected={p.id === panel.id} onClick={() => setActive(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="panel-body" role="tabpanel" aria-label={panel.label}>
        <panel.Component {...props} />
      </div>
    </aside>
  )
}
