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
