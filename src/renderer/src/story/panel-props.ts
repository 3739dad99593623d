import type { LexicalEditor } from 'lexical'
import type { ComponentType, RefObject } from 'react'
import type { Story, StoryFields } from '@shared/story'

/**
 * What a side panel beside the story is given. Panels import this module, never the list of panels
 * (panels.ts), so registering a panel is one way: the list knows the panels, a panel knows only this.
 */

/** The fields of the open story that the story pane holds and autosaves: all but the body, which the editor holds. */
export type EditableFields = Omit<StoryFields, 'body'>

export interface StoryPanelProps {
  /** The story as it was opened (id, source, revision at open). */
  story: Story
  /** The fields as they are now, with the editor's unsaved changes. */
  fields: EditableFields
  /** Change a field: shown at once, saved by autosave. */
  set: <K extends keyof EditableFields>(key: K, value: EditableFields[K]) => void
  /** The body editor, for panels that read or move within the body. */
  editor: RefObject<LexicalEditor | null>
  /**
   * Open the story afresh from the library. `work` (a restore) is done between: the editor closes,
   * its last save goes in, then `work` runs on top of it, then the story opens again; if `work`
   * fails, its message is said above the story.
   */
  reload: (work?: Replacement) => void
}

/** Something that replaces the open story's words (a restore, a share); its error's message is shown as it is. */
export type Replacement = () => Promise<void>

export interface StoryPanel {
  id: string
  label: string
  Component: ComponentType<StoryPanelProps>
}
