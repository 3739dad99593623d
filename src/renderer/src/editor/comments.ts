import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark'
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $getState,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  $setState,
  createCommand,
  createState,
  type BaseSelection,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical'
import { commentThreadsSchema, type CommentThread } from '@shared/comments'
import { MAX_COMMENT_QUOTE } from '@shared/limits'

/**
 * Inline comments in the editor (src/shared/comments.ts says how they are kept). The threads are
 * the root's node state, so every change to them is an editor update: saved by autosave, undone by
 * Ctrl+Z, and read by the Notes panel from the editor state like any other edit.
 */

const sameThreads = (a: CommentThread[], b: CommentThread[]) => a === b || JSON.stringify(a) === JSON.stringify(b)

export const commentsState = createState('comments', {
  // The body was validated on its way in; a state that is not threads (never expected) reads as none.
  parse: (value: unknown): CommentThread[] => {
    const parsed = commentThreadsSchema.safeParse(value ?? [])
    return parsed.success ? parsed.data : []
  },
  isEqual: sameThreads,
})

/** Open the comment box on the selected words (the toolbar button, Ctrl+Alt+M). */
export const OPEN_COMMENT_BOX_COMMAND: LexicalCommand<void> = createCommand('OPEN_COMMENT_BOX')

/** Inside read() or update(): the story's threads. */
export function $threads(): CommentThread[] {
  return $getState($getRoot(), commentsState)
}

function $setThreads(update: (threads: CommentThread[]) => CommentThread[]): void {
  $setState($getRoot(), commentsState, (threads) => update(threads))
}

export function newCommentId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16)
}

/** Inside read(): the selected words, when some are selected (a comment needs words to be on). */
export function $selectedQuote(selection: BaseSelection | null = $getSelection()): string | null {
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null
  const text = selection.getTextContent().replace(/\s+/g, ' ').trim()
  return text ? text : null
}

const quoteOf = (text: string) =>
  text.length > MAX_COMMENT_QUOTE ? `${text.slice(0, MAX_COMMENT_QUOTE - 1).trimEnd()}…` : text

/**
 * Inside update(): a new thread on the selected words, its first comment `text`. Returns its id, or
 * null when nothing is selected.
 */
export function $addComment(text: string, author: string, now = new Date()): string | null {
  const selection = $getSelection()
  const quote = $selectedQuote()
  if (!$isRangeSelection(selection) || !quote) return null
  const id = newCommentId()
  $wrapSelectionInMarkNode(selection, selection.isBackward(), id)
  const thread: CommentThread = {
    id,
    quote: quoteOf(quote),
    comments: [{ id: newCommentId(), author, text: text.trim(), at: now.toISOString() }],
  }
  $setThreads((threads) => [...threads, thread])
  return id
}

function $changeThread(id: string, change: (thread: CommentThread) => CommentThread): void {
  $setThreads((threads) => threads.map((thread) => (thread.id === id ? change(thread) : thread)))
}

export function $replyToComment(id: string, text: string, author: string, now = new Date()): void {
  $changeThread(id, (thread) => ({
    ...thread,
    comments: [...thread.comments, { id: newCommentId(), author, text: text.trim(), at: now.toISOString() }],
  }))
}

export function $resolveComment(id: string, author: string, now = new Date()): void {
  $changeThread(id, (thread) => ({ ...thread, resolved: { by: author, at: now.toISOString() } }))
}

export function $reopenComment(id: string): void {
  $changeThread(id, ({ resolved: _resolved, ...thread }) => thread)
}

/** Inside read(): the marks of one thread, in reading order. */
export function $marksOf(id: string): MarkNode[] {
  const out: MarkNode[] = []
  const stack: LexicalNode[] = [...$getRoot().getChildren()].reverse()
  while (stack.length) {
    const node = stack.pop()!
    if ($isMarkNode(node) && node.hasID(id)) out.push(node)
    if ($isElementNode(node)) stack.push(...node.getChildren().reverse())
  }
  return out
}

/** Inside read(): every thread's marked words as they stand now, in one walk of the body. */
export function $markedWords(): Map<string, string> {
  const words = new Map<string, string[]>()
  // Children go on the stack last first, so they come off in reading order.
  const stack: LexicalNode[] = $getRoot().getChildren().reverse()
  while (stack.length) {
    const node = stack.pop()!
    if ($isMarkNode(node))
      for (const id of node.getIDs()) words.set(id, [...(words.get(id) ?? []), node.getTextContent()])
    if ($isElementNode(node)) stack.push(...node.getChildren().reverse())
  }
  return new Map([...words].map(([id, parts]) => [id, parts.join(' ').replace(/\s+/g, ' ').trim()]))
}

/** Select a thread's words (the first stretch to the last) and bring them into view; false when they were cut. */
export function goToComment(editor: LexicalEditor, id: string): boolean {
  let key: string | null = null
  editor.update(() => {
    const marks = $marksOf(id)
    const first = marks[0]?.getFirstDescendant()
    const last = marks.at(-1)?.getLastDescendant()
    if (!$isTextNode(first) || !$isTextNode(last)) return
    const selection = $createRangeSelection()
    selection.anchor.set(first.getKey(), 0, 'text')
    selection.focus.set(last.getKey(), last.getTextContentSize(), 'text')
    $setSelection(selection)
    key = marks[0]!.getKey()
  })
  if (!key) return false
  editor.focus()
  editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
  return true
}

/**
 * Inside a transform: a mark whose threads are not in this story (pasted from another story, or
 * left by an undo that took its thread away) loses those ids, and with none left its words stand
 * alone. Ids are never shown, but a highlight with no comment behind it would confuse.
 */
function $dropStrayIds(mark: MarkNode): boolean {
  const known = new Set($threads().map((t) => t.id))
  const ids = mark.getIDs()
  const kept = ids.filter((id) => known.has(id))
  if (kept.length === ids.length) return true
  if (kept.length) {
    mark.setIDs(kept)
    return true
  }
  $unwrapMarkNode(mark)
  return false
}

const sameIds = (a: MarkNode, b: MarkNode) => {
  const x = a.getIDs().sort()
  const y = b.getIDs().sort()
  return x.length === y.length && x.every((id, i) => id === y[i])
}

/**
 * The transform on every changed mark: stray ids go (above), and a mark next to one with the same
 * threads (a paragraph split by Enter and joined again by Backspace) becomes one with it, so the
 * words read as one stretch again.
 */
export function $tidyMark(mark: MarkNode): void {
  if (!$dropStrayIds(mark)) return
  const previous = mark.getPreviousSibling()
  if ($isMarkNode(previous) && sameIds(previous, mark)) {
    previous.append(...mark.getChildren())
    mark.remove()
    return
  }
  const next = mark.getNextSibling()
  if ($isMarkNode(next) && sameIds(next, mark)) {
    mark.append(...next.getChildren())
    next.remove()
  }
}
