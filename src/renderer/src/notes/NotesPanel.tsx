import { useEffect, useId, useState } from 'react'
import type { CommentThread } from '@shared/comments'
import { MAX_COMMENT_AUTHOR } from '@shared/limits'
import { LiveRegion } from '../app/LiveRegion'
import {
  $markedWords,
  $reopenComment,
  $replyToComment,
  $resolveComment,
  $threads,
  goToComment,
  OPEN_COMMENT_BOX_COMMAND,
} from '../editor/comments'
import type { StoryPanelProps } from '../story/panel-props'
import { setCommentAuthor, useCommentAuthor } from './author'
import { ThreadCard } from './ThreadCard'

/** A pause this long in typing reads the threads again: live, never in the way of a keystroke. */
const READ_DELAY_MS = 150

export interface ThreadView {
  thread: CommentThread
  /** The thread's words as they stand now; empty when they were cut from the story. */
  words: string
}

/**
 * The Notes panel: the story's comment threads in the order they were made, open ones first, each
 * with the words it is on. Choosing a thread selects its words in the body; resolved threads fold
 * into a list of their own. Comments never leave Copydesk (docs/comments.md).
 */
export function NotesPanel({ editor }: StoryPanelProps) {
  const [views, setViews] = useState<ThreadView[]>([])
  const [message, setMessage] = useState('')
  const author = useCommentAuthor()
  const nameId = useId()

  useEffect(() => {
    const body = editor.current
    if (!body) return
    const read = () =>
      setViews(
        body.getEditorState().read(() => {
          const words = $markedWords()
          return $threads().map((thread) => ({ thread, words: words.get(thread.id) ?? '' }))
        }),
      )
    read()
    // Read again once typing pauses: the words under a mark change as the editor types.
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = body.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (!dirtyElements.size && !dirtyLeaves.size) return
      clearTimeout(timer)
      timer = setTimeout(read, READ_DELAY_MS)
    })
    return () => {
      clearTimeout(timer)
      off()
    }
  }, [editor])

  const update = (change: () => void, said: string) => {
    editor.current?.update(change)
    setMessage(said)
  }
  const open = views.filter((v) => !v.thread.resolved)
  const resolved = views.filter((v) => v.thread.resolved)
  const card = (view: ThreadView) => (
    <ThreadCard
      key={view.thread.id}
      view={view}
      onGo={() => {
        if (!editor.current || !goToComment(editor.current, view.thread.id))
          setMessage('The words this comment was on have been cut from the story.')
      }}
      onReply={(text) => update(() => $replyToComment(view.thread.id, text, author.name), 'Reply added.')}
      onResolve={() => update(() => $resolveComment(view.thread.id, author.name), 'Comment resolved.')}
      onReopen={() => update(() => $reopenComment(view.thread.id), 'Comment reopened.')}
    />
  )

  return (
    <div className="notes-panel">
      <p className="notes-summary">
        {views.length === 0
          ? 'No comments. Select words in the body and choose Comment to add one.'
          : `${open.length} open ${open.length === 1 ? 'comment' : 'comments'}${resolved.length ? `, ${resolved.length} resolved` : ''}. Comments are never exported or published.`}
      </p>
      <LiveRegion message={message} />
      <button
        type="button"
        className="notes-add"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor.current?.dispatchCommand(OPEN_COMMENT_BOX_COMMAND, undefined)}
      >
        Comment on the selected words
      </button>
      {open.length > 0 && (
        <ul className="notes-list" aria-label="Open comments">
          {open.map(card)}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="notes-resolved">
          <summary>
            {resolved.length} resolved {resolved.length === 1 ? 'comment' : 'comments'}
          </summary>
          <ul className="notes-list" aria-label="Resolved comments">
            {resolved.map(card)}
          </ul>
        </details>
      )}
      <p className="notes-author">
        <label htmlFor={nameId}>Your name on comments</label>
        <input
          id={nameId}
          value={author.own}
          placeholder={author.name}
          maxLength={MAX_COMMENT_AUTHOR}
          onChange={(e) => setCommentAuthor(e.target.value)}
        />
      </p>
    </div>
  )
}
