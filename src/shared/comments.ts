import { z } from 'zod'
import type { Body } from './body'
import {
  MAX_ALL_COMMENT_CHARACTERS,
  MAX_COMMENT_AUTHOR,
  MAX_COMMENT_CHARACTERS,
  MAX_COMMENT_QUOTE,
  MAX_COMMENT_THREADS,
  MAX_COMMENTS_PER_THREAD,
} from './limits'

/**
 * Inline comments: the desk's notes on the copy, which never publish (docs/comments.md).
 *
 * A comment thread lives in the story body, so it is saved, versioned and restored with the words
 * it is about, and needs no table of its own:
 * - the words are wrapped in Lexical's mark node (`{type: 'mark', ids: [threadId…], children}`),
 *   which moves with its text as the editor types, splits and joins paragraphs;
 * - the threads themselves are the root node's state (`root.$.comments`, Lexical's NodeState), so
 *   adding, answering or resolving one is an edit like any other (undo takes it back).
 *
 * Export never renders either (export/nodes/inline.ts renders a mark's words only), and
 * `stripComments` gives the body without them for anything else that leaves the app.
 */

/** A thread's or a comment's id: made by the app (random), short and plain. */
export const commentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a comment id is 1–64 letters, digits, - or _')

const authorSchema = z.string().trim().min(1, 'a comment needs an author').max(MAX_COMMENT_AUTHOR)

export const commentSchema = z.strictObject({
  id: commentIdSchema,
  author: authorSchema,
  text: z
    .string()
    .trim()
    .min(1, 'a comment needs some words')
    .max(MAX_COMMENT_CHARACTERS, `a comment holds at most ${MAX_COMMENT_CHARACTERS.toLocaleString('en')} characters`),
  at: z.iso.datetime(),
})
export type Comment = z.infer<typeof commentSchema>

export const commentThreadSchema = z.strictObject({
  id: commentIdSchema,
  /** The words the thread was made on, as they were then (the marked words may since be cut). */
  quote: z.string().max(MAX_COMMENT_QUOTE),
  /** The comment first, then the replies in order: flat, a reply is never a thread of its own. */
  comments: z
    .array(commentSchema)
    .min(1)
    .max(MAX_COMMENTS_PER_THREAD, `a comment thread holds at most ${MAX_COMMENTS_PER_THREAD} replies`),
  /** Set while the thread is resolved: who resolved it and when. */
  resolved: z.strictObject({ by: authorSchema, at: z.iso.datetime() }).optional(),
})
export type CommentThread = z.infer<typeof commentThreadSchema>

export const commentThreadsSchema = z
  .array(commentThreadSchema)
  .max(MAX_COMMENT_THREADS, `a story holds at most ${MAX_COMMENT_THREADS} comment threads`)
  .superRefine((threads, ctx) => {
    const ids = new Set<string>()
    let characters = 0
    for (const thread of threads) {
      if (ids.has(thread.id)) ctx.addIssue({ code: 'custom', message: `two comment threads share the id ${thread.id}` })
      ids.add(thread.id)
      for (const comment of thread.comments) characters += comment.text.length
    }
    if (characters > MAX_ALL_COMMENT_CHARACTERS)
      ctx.addIssue({
        code: 'custom',
        message: `the story's comments hold more than ${MAX_ALL_COMMENT_CHARACTERS.toLocaleString('en')} characters; resolve and remove some`,
      })
  })

/** The root node's state, where the threads are kept (Lexical writes it as `root.$`). */
export const rootStateSchema = z.strictObject({ comments: commentThreadsSchema.optional() })

/* ---------- reading ---------- */

/** The story's comment threads, in the order they were made. */
export function commentThreads(body: Body): CommentThread[] {
  return body.root.$?.comments ?? []
}

/** How many comment threads are still open (not resolved): what the publish preflight counts. */
export function openComments(body: Body): number {
  return commentThreads(body).filter((thread) => !thread.resolved).length
}

type Node = { type?: string; text?: unknown; ids?: string[]; children?: unknown }

const childrenOf = (node: Node): Node[] | null => (Array.isArray(node.children) ? (node.children as Node[]) : null)

/** Every thread's marked words as they stand now, joined across the places they were split into. */
export function markedTexts(body: Body): Map<string, string> {
  const texts = new Map<string, string>()
  // Bodies are validated before they get here, so the depth is bounded (MAX_NESTING).
  const walk = (node: Node, ids: readonly string[]) => {
    if (node.type === 'text' && typeof node.text === 'string')
      for (const id of ids) texts.set(id, (texts.get(id) ?? '') + node.text)
    const inner = node.type === 'mark' && node.ids ? [...ids, ...node.ids] : ids
    for (const child of childrenOf(node) ?? []) walk(child, inner)
  }
  for (const block of body.root.children) walk(block, [])
  return texts
}

/* ---------- leaving the app ---------- */

/** A block with its comment marks taken out and their words kept in place. */
export function withoutMarks<T>(block: T): T {
  return strip(block as Node) as T
}

function strip(node: Node): Node {
  const children = childrenOf(node)
  if (!children) return node
  return {
    ...node,
    children: children.flatMap((child) => (child.type === 'mark' ? (childrenOf(strip(child)) ?? []) : [strip(child)])),
  }
}

/**
 * The body with no trace of its comments: the marks' words kept in their place, the marks and the
 * threads gone. For whatever leaves the app as the story's body.
 */
export function stripComments(body: Body): Body {
  const { $: _state, ...root } = body.root
  return { root: { ...root, children: root.children.map((block) => strip(block as Node)) as Body['root']['children'] } }
}

/* ---------- history ---------- */

export interface CommentChanges {
  added: number
  replies: number
  resolved: number
  reopened: number
  /** Threads no longer in the story (a restore or an undo took them out). */
  removed: number
}

/** What happened to the comments between two versions of a body, counted. */
export function commentChanges(before: Body | undefined, after: Body | undefined): CommentChanges {
  const then = new Map((before ? commentThreads(before) : []).map((t) => [t.id, t]))
  const now = after ? commentThreads(after) : []
  const changes: CommentChanges = { added: 0, replies: 0, resolved: 0, reopened: 0, removed: 0 }
  for (const thread of now) {
    const old = then.get(thread.id)
    then.delete(thread.id)
    if (!old) {
      changes.added++
      changes.replies += thread.comments.length - 1
      if (thread.resolved) changes.resolved++
      continue
    }
    changes.replies += Math.max(0, thread.comments.length - old.comments.length)
    if (thread.resolved && !old.resolved) changes.resolved++
    if (!thread.resolved && old.resolved) changes.reopened++
  }
  changes.removed = then.size
  return changes
}

/** One line a thread, for History's comparison: the words, the comment, its author, replies, state. */
export function commentsText(body: Body | undefined): string {
  if (!body) return ''
  return commentThreads(body)
    .map((thread) => {
      const [first] = thread.comments
      const replies = thread.comments.length - 1
      const more = replies ? ` (${replies} ${replies === 1 ? 'reply' : 'replies'})` : ''
      return `On “${thread.quote}”: ${first?.text ?? ''} — ${first?.author ?? ''}${more}${thread.resolved ? ' · resolved' : ''}`
    })
    .join('\n')
}
