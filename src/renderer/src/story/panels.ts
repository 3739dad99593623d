import type { LexicalEditor } from 'lexical'
import type { ComponentType, RefObject } from 'react'
import type { Story, StoryFields } from '../../../shared/story'
import { LeadPicturePanel } from '../pictures/LeadPicturePanel'
import { RelatedPanel } from '../related/RelatedPanel'
import { ChecksPanel } from '../checks/ChecksPanel'
import { HistoryPanel } from '../history/HistoryPanel'
import { PreviewPanel } from '../export/PreviewPanel'
import { OriginalPanel } from '../wire/OriginalPanel'

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
  /** Open the story afresh from the library (after a restore replaced its text). */
  reload: () => void
}

export interface StoryPanel {
  id: string
  label: string
  Component: ComponentType<StoryPanelProps>
}

/**
 * The side panels beside the story (related stories, checks, history, original copy...). Each
 * feature adds one entry here and keeps everything else in its own folder.
 */
export const storyPanels: StoryPanel[] = [
  { id: 'picture', label: 'Picture', Component: LeadPicturePanel },
  { id: 'related', label: 'Related', Component: RelatedPanel },
  { id: 'checks', label: 'Checks', Component: ChecksPanel },
  { id: 'history', label: 'History', Component: HistoryPanel },
  { id: 'preview', label: 'Preview', Component: PreviewPanel },
  { id: 'original', label: 'Original', Component: OriginalPanel },
]
