/**
 * Copydesk's limits, in one place so that import, save, the api and export agree: whatever one door
 * accepts, the others accept too (a story imported must still be editable and savable). The table
 * in docs/reliability.md lists them with the reason for each figure.
 */

/**
 * Findings one rule may report on one story. Past this the panel shows one more line, "…and N more",
 * pointing at the next: a thousand identical warnings help no one, and listing them freezes the page.
 */
export const MAX_FINDINGS_PER_RULE = 50

/**
 * The longest word the name rules treat as a name: no real name is longer, and each candidate costs
 * work in proportion to its length squared (every one-letter deletion of it is a key).
 */
export const MAX_NAME_LENGTH = 40

/**
 * Stories made from one wire file. A NewsML-G2 package or a ninjs list carries a few items, rarely
 * dozens; a file of thousands is a feed dump or an attack, and each story costs a row, a revision
 * and index entries. Past this the file is refused whole (a file is imported all or nothing).
 */
export const MAX_STORIES_PER_FILE = 1000

/** Top-level blocks in a story's body (paragraphs, headings, lists, quotes, pictures). */
export const MAX_BLOCKS = 20000

/**
 * Nodes inside nodes in a story's body (a list in a list item in a list…). Each level is about four
 * levels of JSON, and SQLite's JSON functions stop at 1,000 (History read such a story as
 * "malformed JSON"); no copy nests lists more than a handful deep.
 */
export const MAX_NESTING = 64

/** Characters of text in a story's body: about 300,000 words, far beyond any story, inside what the checks do in a moment. */
export const MAX_BODY_CHARACTERS = 2_000_000

/**
 * Characters of a body sent as JSON text (story:autosave): its text at the limit above, every
 * character escaped, with Lexical's fields around each node. Refused before it is parsed.
 */
export const MAX_BODY_JSON_CHARACTERS = 32_000_000

/**
 * Levels of JSON anywhere in a body (objects and arrays), Lexical's extra fields included. A body at
 * the nesting limit is about 130 deep; a node carrying a field nested 100,000 deep (nodes keep
 * unknown fields for Lexical's bookkeeping) overflowed the stack on the way in ("internal").
 */
export const MAX_BODY_JSON_DEPTH = 300

/**
 * What is wrong with a body's size or shape, in words, or null: walked without recursion, so a
 * body nested a million deep is measured, not a stack overflow. The same test at save (bodySchema),
 * the api and import, so nothing is imported that could not then be saved. Every field of every
 * node is walked (not only `children`), so no value inside a node can be deeper than the limit.
 */
export function bodyLimitProblem(body: unknown): string | null {
  const root = (body as { root?: { children?: unknown } } | null)?.root
  const blocks = Array.isArray(root?.children) ? root.children : []
  if (blocks.length > MAX_BLOCKS)
    return `the story has ${blocks.length.toLocaleString('en')} blocks; a story holds at most ${MAX_BLOCKS.toLocaleString('en')} (split it into parts)`
  let characters = 0
  // [value, nodes deep (each `children` list is a level), JSON levels deep (body, root, children, block)]
  const stack: [unknown, number, number][] = blocks.map((block) => [block, 1, 4])
  while (stack.length) {
    const [node, depth, json] = stack.pop()!
    if (depth > MAX_NESTING)
      return `the story nests lists within lists more than ${MAX_NESTING} levels deep (counting each list and its items); flatten them`
    if (json > MAX_BODY_JSON_DEPTH)
      return `the story holds data nested more than ${MAX_BODY_JSON_DEPTH} levels deep inside its paragraphs; it cannot be stored`
    if (typeof node !== 'object' || node === null) continue
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, depth, json + 1])
      continue
    }
    const { text } = node as { text?: unknown }
    if (typeof text === 'string') {
      characters += text.length
      if (characters > MAX_BODY_CHARACTERS)
        return `the story is longer than ${MAX_BODY_CHARACTERS.toLocaleString('en')} characters (split it into parts)`
    }
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'object' || value === null) continue
      if (key === 'children' && Array.isArray(value))
        for (const child of value) stack.push([child, depth + 1, json + 2])
      else stack.push([value, depth, json + 1])
    }
  }
  return null
}

/**
 * Inline comments (src/shared/comments.ts) ride in the story body but are not its words, so the
 * character limit above does not see them: they have limits of their own. A story with hundreds of
 * open threads is a story no one can read; a thread is a conversation of a few lines, not a chat log.
 */
export const MAX_COMMENT_THREADS = 500
/** Comments in one thread, the first one included. */
export const MAX_COMMENTS_PER_THREAD = 100
/** One comment: a paragraph or two of advice, never a second story. */
export const MAX_COMMENT_CHARACTERS = 4000
/** All the comments of a story together (the figures above multiplied would be 200 million). */
export const MAX_ALL_COMMENT_CHARACTERS = 200_000
/** The words a thread was made on, kept so the thread still says what it was about when they are cut. */
export const MAX_COMMENT_QUOTE = 300
/** An author's name. */
export const MAX_COMMENT_AUTHOR = 80
/** Threads one stretch of words may carry at once (overlapping comments). */
export const MAX_MARK_IDS = 50
