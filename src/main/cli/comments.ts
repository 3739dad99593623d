import type { Body } from '../../shared/body'
import { commentThreads, markedTexts, openComments } from '../../shared/comments'

/** A thread as the CLI gives it: the words it is on now (or its quote, when they were cut), and its comments. */
export function commentsReport(body: Body) {
  const words = markedTexts(body)
  return {
    open: openComments(body),
    threads: commentThreads(body).map((thread) => ({
      id: thread.id,
      words: words.get(thread.id) ?? '',
      quote: thread.quote,
      resolved: thread.resolved ?? null,
      comments: thread.comments,
    })),
  }
}

/** Open threads first, then resolved ones; each comment on a line of its own under the words. */
export function formatComments(body: Body): string {
  const { open, threads } = commentsReport(body)
  if (!threads.length) return 'No comments.\n'
  const ordered = [...threads.filter((t) => !t.resolved), ...threads.filter((t) => t.resolved)]
  const blocks = ordered.map((thread) => {
    const on = thread.words ? `“${thread.words}”` : `“${thread.quote}” (these words were cut)`
    const state = thread.resolved ? `resolved by ${thread.resolved.by}` : 'open'
    const lines = thread.comments.map(
      (c, i) => `  ${i ? '↳ ' : ''}${c.author} (${c.at.slice(0, 16).replace('T', ' ')}): ${c.text}`,
    )
    return [`${state.padEnd(8)}  ${on}`, ...lines].join('\n')
  })
  const resolved = threads.length - open
  return `${blocks.join('\n\n')}\n\n${open} open, ${resolved} resolved\n`
}
