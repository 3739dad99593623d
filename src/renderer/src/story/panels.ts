import { LeadPicturePanel } from '../pictures/LeadPicturePanel'
import { RelatedPanel } from '../related/RelatedPanel'
import { ChecksPanel } from '../checks/ChecksPanel'
import { HistoryPanel } from '../history/HistoryPanel'
import { PreviewPanel } from '../export/PreviewPanel'
import { OriginalPanel } from '../wire/OriginalPanel'
import type { StoryPanel } from './panel-props'
import { DictionaryPanel } from '../spelling/DictionaryPanel'
import { NotesPanel } from '../notes/NotesPanel'

/**
 * The side panels beside the story (related stories, checks, history, original copy...). Each
 * feature adds one entry here and keeps everything else in its own folder.
 */
export const storyPanels: StoryPanel[] = [
  { id: 'picture', label: 'Picture', Component: LeadPicturePanel },
  { id: 'related', label: 'Related', Component: RelatedPanel },
  { id: 'checks', label: 'Checks', Component: ChecksPanel },
  { id: 'notes', label: 'Notes', Component: NotesPanel },
  { id: 'dictionary', label: 'Dictionary', Component: DictionaryPanel },
  { id: 'history', label: 'History', Component: HistoryPanel },
  { id: 'preview', label: 'Preview', Component: PreviewPanel },
  { id: 'original', label: 'Original', Component: OriginalPanel },
]
