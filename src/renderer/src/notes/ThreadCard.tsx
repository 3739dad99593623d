import { useId, useState } from 'react'
import { MAX_COMMENT_CHARACTERS } from '@shared/limits'
import type { ThreadView } from './NotesPanel'
import { isShortcut } from '../app/keys'

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })

interface Props {
  view: ThreadView
  onGo: () => void
  onReply: (text: string) => void
  onResolve: () => void
  onReopen: () => void
}

/** One comment thread: the words it is on (choose them to go there), its comments, a reply, resolve. */
export function ThreadCard({ view, onGo, onReply, onResolve, onReopen }: Props) {
  const { thread, words } = view
  const [reply, setReply] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const cut = !words.trim()
  const quote = cut ? thread.quote : words

  const send = () => {
    const text = reply.trim()
    if (!text) return setError('Write the reply first')
    if (text.length > MAX_COMMENT_CHARACTERS)
      return setError(`A reply holds at most ${MAX_COMMENT_CHARACTERS.toLocaleString('en')} characters`)
    onReply(text)
    setReply('')
    setError(null)
  }

  return (
    <li className="thread" data-resolved={thread.resolved ? 'true' : undefined} aria-labelledby={`${id}-go`}>
      <button type="button" className="thread-go" id={`${id}-go`} onClick={onGo}>
        <span className="visually-hidden">Go to </span>“{quote}”
        {cut && <span className="thread-cut"> (these words were cut)</span>}
      </button>
      <ol className="thread-comments" aria-label="Comments">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="thread-meta">
              <span className="thread-author">{comment.author}</span> ·{' '}
              <time dateTime={comment.at}>{when(comment.at)}</time>
            </p>
            <p className="thread-text">{comment.text}</p>
          </li>
        ))}
      </ol>
      {thread.resolved ? (
        <p className="thread-state">
          Resolved by {thread.resolved.by} ·{' '}
          <button type="button" onClick={onReopen}>
            Reopen
          </button>
        </p>
      ) : (
        <div className="thread-reply">
          <textarea
            aria-label={`Reply to the comment on “${quote}”`}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-invalid={error ? true : undefined}
            placeholder="Reply…"
            rows={2}
            value={reply}
            onChange={(e) => {
              setReply(e.target.value)
              setError(null)
            }}
            onKeyDown={(e) => {
              if (isShortcut(e.nativeEvent, { key: 'Enter' })) {
                e.preventDefault()
                send()
              }
            }}
          />
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
          <span className="thread-actions">
            <button type="button" onClick={send}>
              Reply
            </button>
            <button type="button" onClick={onResolve}>
              Resolve
            </button>
          </span>
        </div>
      )}
    </li>
  )
}
