import type { LexicalEditor } from 'lexical'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { readingMinutes } from '@shared/body'
import { storyFieldsOf, storyStatuses, type Story, type StoryId } from '@shared/story'
import { invoke } from '../app/client'
import { BodyEditor, readBody } from '../editor/BodyEditor'
import { readBodyJsonText } from '../editor/body-json'
import type { StoryFindAccess } from '../editor/plugins/FindReplacePlugin'
import { BylinesField } from './BylinesField'
import { KeywordsField } from './KeywordsField'
import { DatelineField } from './DatelineField'
import type { EditableFields, Replacement } from './panel-props'
import { storyPanels } from './panels'
import { SaveIndicator } from './SaveIndicator'
import { SidePanels } from './SidePanels'
import { useAutosave } from './useAutosave'
import { useAfterPaint } from '../app/useAfterPaint'
import { SpellingLayer } from '../spelling/SpellingLayer'
import { typeset } from '../typography/field-typography'
import { useTypographyRules } from '../typography/useTypographyRules'
import { StoryActions, type StoryActionsProps } from '../spike/StoryActions'
import { EmbargoField } from '../embargo/EmbargoField'
import { PublishDialog } from '../preflight/PublishDialog'
import { StoryNotes } from './StoryNotes'
import { PlaceholderMarks } from '../editor/plugins/PlaceholderMarks'
import type { DeskDetails } from '@shared/desk/contract'
import { StoryDeskBar } from '../desk/StoryDeskBar'
import { deskStoriesChanged } from '../desk/desk-state'
import { mergeDeskBody } from '../editor/desk-merge'
import { draftStory, type Draft } from './draft'
import { lastSaveOf } from './last-save'

interface PaneProps {
  /** The story to open; null for a new story's draft the library has not made yet. */
  id: StoryId | null
  /** A new story, shown at once on a local draft while the library makes it (draft.ts). */
  draft?: Draft | null
  /** A new story: the caret starts in the headline. */
  focusHeadline?: boolean
  onSpiked: StoryActionsProps['onSpiked']
  onDuplicated: StoryActionsProps['onDuplicated']
}

/** Loads one story and hands it to the editor; remounted (a key) for each story opened. */
export function StoryPane({ id, draft, focusHeadline, onSpiked, onDuplicated }: PaneProps) {
  const [opened, setOpened] = useState<{ story: Story; desk: DeskDetails | null; base: number | null } | null>(() =>
    draft ? { story: draftStory(draft), desk: null, base: null } : null,
  )
  const story = opened?.story ?? null
  const [error, setError] = useState<string | null>(null)
  // What a reload was asked to do (a restore, a share) failed: said above the story opened again.
  const [problem, setProblem] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const replacing = useRef<Replacement | null>(null)

  useEffect(() => {
    // A draft is shown as it is; loaded from the library only when reloaded (a restore, a share) once made.
    const loading = draft && attempt === 0 ? null : (draft?.made?.id ?? id)
    if (loading === null) return
    let current = true
    const work = replacing.current
    replacing.current = null
    const open = async () => {
      // The editor just closed saved as it went: the story is read (and restored, or shared) only
      // on top of that save, so no key typed in it is lost and none lands over the restore.
      await lastSaveOf(loading)
      if (work) await work().catch((e: Error) => current && setProblem(e.message))
      // desk:open is story:get for a local story; a shared one comes with the base its edits are made on.
      return invoke('desk:open', { id: loading })
    }
    open()
      .then((loaded) => current && setOpened(loaded))
      .catch((e: Error) => current && setError(e.message))
    return () => {
      current = false
    }
  }, [id, draft, attempt])

  if (error) {
    return (
      <div className="banner banner-error" role="alert">
        This story could not be opened: {error}{' '}
        <button onClick={() => (setError(null), setAttempt((a) => a + 1))}>Try again</button>
      </div>
    )
  }
  if (!story || !opened) return <p className="loading">Opening story…</p>
  return (
    <StoryEditor
      key={`${draft?.key ?? story.id}:${attempt}`}
      story={story}
      draft={attempt === 0 ? draft : null}
      desk={opened.desk}
      base={opened.base}
      onReload={(work) =>
        // The editor closes first, and at once (not at React's next render, when a key pressed
        // meanwhile would go to an editor about to close); `work` runs once its last save is in.
        flushSync(() => {
          replacing.current = work ?? null
          setProblem(null)
          setOpened(null)
          setAttempt((a) => a + 1)
        })
      }
      problem={problem}
      onDismissProblem={() => setProblem(null)}
      focusHeadline={focusHeadline ?? false}
      onSpiked={onSpiked}
      onDuplicated={onDuplicated}
    />
  )
}

type Fields = EditableFields

interface EditorProps extends Omit<PaneProps, 'id' | 'draft'> {
  draft: Draft | null | undefined
  story: Story
  desk: DeskDetails | null
  base: number | null
  onReload: (work?: Replacement) => void
  /** What the last reload was asked to do and could not (a restore, a share), in the editor's words. */
  problem: string | null
  onDismissProblem: () => void
}

function StoryEditor({
  story,
  draft,
  desk,
  base,
  onReload,
  problem,
  onDismissProblem,
  focusHeadline,
  onSpiked,
  onDuplicated,
}: EditorProps) {
  const editorRef = useRef<LexicalEditor | null>(null)
  const [fields, setFields] = useState<Fields>(() => {
    const { body: _body, ...rest } = storyFieldsOf(story)
    return rest
  })
  const [words, setWords] = useState(story.wordCount)
  const headlineRef = useRef<HTMLTextAreaElement>(null)
  // A new story starts with the caret in its headline (Ctrl/Cmd+N, New story), once the pane is in place.
  useEffect(() => {
    if (!focusHeadline) return
    const frame = requestAnimationFrame(() => headlineRef.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [focusHeadline])
  const currentBody = useCallback(() => readBody(editorRef.current), [])
  const currentBodyText = useCallback(() => (editorRef.current ? readBodyJsonText(editorRef.current) : null), [])
  // A shared story: what colleagues wrote comes in merged, and is put in front of the editor.
  const [deskNow, setDeskNow] = useState(desk)
  const onMerged = useCallback((merged: Story, details?: DeskDetails | null) => {
    const { body, ...rest } = storyFieldsOf(merged)
    setFields(rest)
    if (details !== undefined) setDeskNow(details)
    if (editorRef.current) mergeDeskBody(editorRef.current, body)
  }, [])
  const autosave = useAutosave(
    story,
    currentBody,
    base === null ? undefined : { base, onMerged },
    draft ?? undefined,
    currentBodyText,
  )
  // The story as the library has it: null while a new story is still a draft (nothing asks main about it then).
  const made = autosave.made
  const typography = useTypographyRules(made?.id ?? null)
  const { change, refresh } = autosave
  useEffect(
    () => (desk ? deskStoriesChanged.on((ids) => ids.includes(story.id) && void refresh()) : undefined),
    [desk, story.id, refresh],
  )

  const set = useCallback(
    <K extends keyof Fields>(key: K, value: Fields[K]) => {
      setFields((old) => ({ ...old, [key]: value }))
      change({ [key]: value })
    },
    [change],
  )

  // Find and replace reads the fields as they are now and writes through set (so autosave saves them).
  const fieldsNow = useRef(fields)
  useEffect(() => {
    fieldsNow.current = fields
  }, [fields])
  const storyFind = useMemo<StoryFindAccess>(
    () => ({
      read: () => fieldsNow.current,
      write: (changes) => {
        for (const [key, value] of Object.entries(changes)) set(key as keyof Fields, value as never)
      },
    }),
    [set],
  )

  const { state } = autosave
  // Spelling and the side panels come the frame after the story's words are on screen.
  const painted = useAfterPaint()
  // "Published" goes through the preflight (PublishDialog); other statuses are set at once.
  const [publishing, setPublishing] = useState(false)
  const { publish: publishSaved } = autosave
  const publish = useCallback(
    async (override: Parameters<typeof publishSaved>[0]) => {
      const saved = await publishSaved(override)
      setFields((old) => ({ ...old, status: saved.status, publishedAt: saved.publishedAt }))
    },
    [publishSaved],
  )
  return (
    <div className={storyPanels.length ? 'story-layout with-panels' : 'story-layout'}>
      <article className="story" aria-label="Story">
        <header className="story-bar">
          <label className="status-picker">
            Status{' '}
            <select
              aria-label="Story status"
              value={fields.status}
              onChange={(e) => {
                const next = e.target.value as Fields['status']
                if (next === 'published' && fields.status !== 'published') setPublishing(true)
                else set('status', next)
              }}
            >
              {storyStatuses.map((s) => (
                <option key={s} value={s}>
                  {s[0]!.toUpperCase() + s.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <span className="counts" role="note" aria-label="Length">
            {words} {words === 1 ? 'word' : 'words'}
            {/* Left out in a narrow column, so the bar keeps to one line. */}
            <span className="reading-time"> · {readingMinutes(words)} min read</span>
          </span>
          {story.source?.agency && <span className="source">Wire: {story.source.agency}</span>}
          {made && <StoryDeskBar id={made.id} status={fields.status} desk={deskNow} onShared={onReload} />}
          {made && (
            <StoryActions story={made} headline={fields.headline} onSpiked={onSpiked} onDuplicated={onDuplicated} />
          )}
          <SaveIndicator state={state} />
        </header>
        {(state.kind === 'error' || state.kind === 'conflict') && (
          <div className="banner banner-error" role="alert">
            {state.kind === 'conflict'
              ? 'This story was changed elsewhere, so your latest edits were not saved.'
              : 'Your latest edits are not saved yet.'}{' '}
            {state.message}{' '}
            {state.kind === 'conflict' ? (
              <>
                <button onClick={() => void autosave.keepMine()}>Keep my version</button>
                <button onClick={() => onReload()}>Load the other version</button>
              </>
            ) : (
              <button onClick={() => void autosave.saveNow()}>Try again</button>
            )}
          </div>
        )}
        {problem && (
          <div className="banner banner-error" role="alert">
            {problem} <button onClick={onDismissProblem}>Dismiss</button>
          </div>
        )}
        {/* One line while folded, at the top of the story, where an embargo that holds is seen first. */}
        <EmbargoField embargo={fields.embargo} onChange={(embargo) => set('embargo', embargo)} />
        <StoryNotes
          agencyNote={fields.editorNote ?? ''}
          deskNote={fields.deskNote ?? ''}
          kill={fields.kill}
          onDeskNote={(note) => set('deskNote', note)}
        />
        <textarea
          className="headline"
          aria-label="Headline"
          placeholder="Headline"
          rows={1}
          ref={headlineRef}
          autoFocus={focusHeadline}
          value={fields.headline}
          onChange={(e) => set('headline', e.target.value.replace(/\n/g, ' '))}
          onInput={(e) => typeset(e, typography)}
        />
        <textarea
          className="standfirst"
          aria-label="Standfirst"
          placeholder="Standfirst: the sentence under the headline"
          rows={1}
          value={fields.standfirst}
          onChange={(e) => set('standfirst', e.target.value)}
          onInput={(e) => typeset(e, typography)}
        />
        <div className="meta">
          <BylinesField bylines={fields.bylines} onChange={(bylines) => set('bylines', bylines)} />
          <DatelineField dateline={fields.dateline} onChange={(dateline) => set('dateline', dateline)} />
          <label className="slug">
            Slug
            <input aria-label="Slug" value={fields.slug} onChange={(e) => set('slug', e.target.value)} />
          </label>
          <KeywordsField keywords={fields.keywords ?? []} onChange={(keywords) => set('keywords', keywords)} />
        </div>

        <BodyEditor
          initial={story.body}
          editorRef={editorRef}
          onChange={autosave.bodyChanged}
          onWords={setWords}
          storyFind={storyFind}
          typography={typography}
        />
        {made && painted && <SpellingLayer storyId={made.id} editor={editorRef} />}
        <PlaceholderMarks editor={editorRef} />
        {publishing && made && <PublishDialog id={made.id} publish={publish} onClose={() => setPublishing(false)} />}
      </article>
      {made && painted && <SidePanels story={made} fields={fields} set={set} editor={editorRef} reload={onReload} />}
    </div>
  )
}
