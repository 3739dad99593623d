import { useState } from 'react'
import { storyPanels, type StoryPanelProps } from './panels'

/** The panels beside the story, one shown at a time, chosen by tab. */
export function SidePanels(props: StoryPanelProps) {
  const [active, setActive] = useState(storyPanels[0]?.id)
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
