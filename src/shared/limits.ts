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
