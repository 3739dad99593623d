import { useContext, useId, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { SideSlot } from '../app/side-slot'
import { PANEL_DRAWER, useMedia } from '../app/useMedia'
import type { StoryPanelProps } from './panel-props'
import { storyPanels } from './panels'
import { isComposingKey } from '../app/keys'

/** The tab last chosen for each story, so reopening it afresh (after a restore) keeps the editor's place. */
const chosenFor = new Map<number, string>()

/**
 * The panels beside the story, one shown at a time, chosen by tab (the ARIA tabs pattern: one Tab
 * stop, arrows and Home/End move between tabs). On a narrow window the panel is a drawer: the tabs
 * stay beside the story as a strip, a tab opens its panel, Close or Escape folds it away again.
 */
export function SidePanels(props: StoryPanelProps) {
  const slot = useContext(SideSlot)
  const drawer = useMedia(PANEL_DRAWER)
  const [open, setOpen] = useState(false)
  const [active, setActiveState] = useState(() => chosenFor.get(props.story.id) ?? storyPanels[0]?.id)
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const base = useId()
  const setActive = (id: string) => {
    chosenFor.set(props.story.id, id)
    setActiveState(id)
  }
  const panel = storyPanels.find((p) => p.id === active) ?? storyPanels[0]
  if (!panel) return null
  const index = storyPanels.indexOf(panel)
  const shown = !drawer || open

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const last = storyPanels.length - 1
    const to: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowDown: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      ArrowUp: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }
    if (!(event.key in to) || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    const next = storyPanels[to[event.key]!]!
    setActive(next.id)
    tabs.current[to[event.key]!]?.focus()
  }

  const fold = () => {
    setOpen(false)
    tabs.current[index]?.focus()
  }

  const aside = (
    <aside
      className="side-panels"
      id="story-tools"
      aria-label="Story tools"
      tabIndex={-1}
      data-drawer={drawer ? (open ? 'open' : 'closed') : 'none'}
      onKeyDown={(event) => {
        const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement
        const composing = isComposingKey(event.nativeEvent)
        if (drawer && open && event.key === 'Escape' && !event.defaultPrevented && !typing && !composing) {
          event.preventDefault()
          fold()
        }
      }}
    >
      <div className="panel-head">
        <div className="panel-tabs" role="tablist" aria-label="Story tools">
          {storyPanels.map((p, i) => (
            <button
              key={p.id}
              ref={(node) => {
                tabs.current[i] = node
              }}
              id={`${base}-tab-${p.id}`}
              role="tab"
              aria-selected={p.id === panel.id}
              aria-controls={`${base}-panel`}
              tabIndex={p.id === panel.id ? 0 : -1}
              onClick={() => {
                setActive(p.id)
                setOpen(true)
              }}
              onKeyDown={onTabKey}
            >
              {p.label}
            </button>
          ))}
        </div>
        {drawer && open && (
          <button type="button" className="drawer-close" onClick={fold} title="Fold the panel away (Escape)">
            Close panel
          </button>
        )}
      </div>
      <div
        className="panel-body"
        id={`${base}-panel`}
        role="tabpanel"
        aria-labelledby={`${base}-tab-${panel.id}`}
        hidden={!shown}
      >
        <panel.Component {...props} />
      </div>
    </aside>
  )
  return slot ? createPortal(aside, slot) : aside
}
