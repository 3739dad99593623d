import { blankStoryFields, type Story, type StoryFields } from '@shared/story'
import { invoke } from '../app/client'

/**
 * A new story as the editor has it from the moment New story is pressed: the editor appears at once
 * on this local draft, and the library is asked to make the story meanwhile. What is typed before it
 * answers waits in the autosave and is saved into the story once it exists (useAutosave), so a
 * loaded machine's slow answer costs no letter and the story is made once.
 */
export interface Draft {
  /** Names the editor for React while the story has no id yet, and after it has one. */
  readonly key: string
  /** The story as the library made it; asked once, asked again only after a failure (Try again). */
  story(): Promise<Story>
  /** The story once made, else null. */
  readonly made: Story | null
  /** What an editor that was closed before the story could be made still held, kept for the editor to get back. */
  readonly unsaved: Partial<StoryFields> | null
  keep(unsaved: Partial<StoryFields>): void
}

let drafts = 0

/** A draft for a new story, and the library asked to make it at once; `onMade` hears when it has. */
export function startDraft(onMade: (story: Story) => void): Draft {
  let asking: Promise<Story> | null = null
  const draft: Draft = {
    key: `draft-${++drafts}`,
    made: null,
    unsaved: null,
    keep(unsaved) {
      ;(draft as { unsaved: Partial<StoryFields> | null }).unsaved = unsaved
    },
    story() {
      asking ??= invoke('story:create', {}).then(
        (story) => {
          ;(draft as { made: Story | null }).made = story
          onMade(story)
          return story
        },
        (error: unknown) => {
          asking = null
          throw error
        },
      )
      return asking
    },
  }
  void draft.story().catch(() => undefined)
  return draft
}

/**
 * What the editor shows before the story exists: a blank story (its fields as the library will make
 * them). Its id is a placeholder, never sent: everything that asks main about the story waits for
 * `made`.
 */
export function draftStory(draft: Draft): Story {
  if (draft.made) return draft.made
  const now = new Date().toISOString()
  return {
    ...blankStoryFields(),
    ...draft.unsaved,
    id: 0,
    bodyText: '',
    wordCount: 0,
    source: null,
    createdAt: now,
    updatedAt: now,
    revision: 1,
  }
}

/** Whether a draft's editor left anything typed behind it (a blank draft is not worth bringing back). */
export function hasWords(draft: Draft): boolean {
  const { body, ...fields } = draft.unsaved ?? {}
  return Object.keys(fields).length > 0 || Boolean(body?.root.children.length)
}
