import { wireFormats } from '../wire/formats'

/**
 * The commands of `copydesk`, listed once: the usage text (`copydesk --help`) and the README's CLI
 * section (`npm run docs:cli`, checked by readme.test.ts) are made from this list, and run.ts must
 * implement every name in it (a missing one is a type error).
 */
export const cliCommands = [
  {
    name: 'import',
    synopsis: 'import FILE... [--json]',
    summary: 'wire copy into stories (any format Copydesk reads: --help lists them)',
  },
  {
    name: 'list',
    synopsis: 'list [--status draft|editing|ready|published] [--embargoed] [--json]',
    summary: 'stories, newest first (--embargoed: only those under an embargo that holds)',
  },
  { name: 'search', synopsis: 'search QUERY [--json]', summary: 'stories matching every word (prefixes too)' },
  {
    name: 'vocabulary',
    synopsis: 'vocabulary [--json]',
    summary: "finish copying the search vocabulary (an older library's; the app does it in the background)",
  },
  {
    name: 'show',
    synopsis: 'show ID [--json]',
    summary: 'one story (--json: the story format of docs/story-format.md)',
  },
  {
    name: 'check',
    synopsis: 'check ID [--json]',
    summary: 'copy-desk checks, spelling and the style book; exit 0 whatever they find (docs/copy-desk.md)',
  },
  {
    name: 'comments',
    synopsis: 'comments ID [--json]',
    summary: 'the inline comments on a story, open first; they never export (docs/comments.md)',
  },
  {
    name: 'spike',
    synopsis: 'spike ID... [--json]',
    summary: 'set stories aside on the spike: out of the list and search, kept for the house period',
  },
  { name: 'unspike', synopsis: 'unspike ID... [--json]', summary: 'bring stories back from the spike, as they were' },
  { name: 'spiked', synopsis: 'spiked [--json]', summary: 'what is on the spike, and from when each may be purged' },
  {
    name: 'purge',
    synopsis: 'purge [ID... | --all] [--json]',
    summary: 'delete spiked stories for good: those named, all, or those past the house period',
  },
  {
    name: 'duplicate',
    synopsis: 'duplicate ID [--json]',
    summary: 'a new draft copied from a story ("copy of story ID" in its history)',
  },
  {
    name: 'backup',
    synopsis: 'backup FILE [--json]',
    summary: 'copy the library to FILE, a new file (safe while Copydesk runs)',
  },
  {
    name: 'upgrade',
    synopsis: 'upgrade [--json]',
    summary:
      'finish upgrading an old library now (the app does it in the background) and give the space freed back to the disk',
  },
  {
    name: 'export',
    synopsis:
      'export (ID... | --all) --out DIR [--format html|ninjs] [--single-file] [--mark-published] [--force --reason TEXT [--desk-head NAME]] [--json]',
    summary:
      'publish-ready HTML pages (or ninjs 2.0) into DIR (docs/export.md); exit 1 for a story the preflight holds, unless --force --reason (docs/preflight.md)',
  },
  {
    name: 'preflight',
    synopsis: 'preflight ID [--json]',
    summary: 'the list export and "published" show first: blocking items and warnings; exit 1 while something blocks',
  },
  {
    name: 'embargo',
    synopsis: 'embargo ID [TIME [--zone ZONE] | --clear] [--json]',
    summary: "show, set (2026-12-03T12:00, read in ZONE or the house's zone) or lift a story's embargo",
  },
  {
    name: 'dictionary',
    synopsis: 'dictionary add|remove|list|import|export [WORD...|FILE] [--note TEXT] [--format lines|dic] [--json]',
    summary: 'the house dictionary and style book; "FORM -> PREFERRED" adds a style-book entry (docs/spelling.md)',
  },
  {
    name: 'desk',
    synopsis: 'desk join URL NAME | share ID | hand ID USER|desk STATUS | sync | status | sign-out [--anyway] [--json]',
    summary:
      "this library's link to a desk server: sign in (password on stdin), share a story, hand it to a colleague, sync, what waits, sign out (docs/team.md)",
  },
  {
    name: 'server',
    synopsis: 'server [--database URL | --embedded] | server user add|list|disable',
    summary: 'run the desk server (PostgreSQL behind it) or manage its accounts (copydesk server --help)',
  },
] as const

export type CliCommandName = (typeof cliCommands)[number]['name']

/** Where the summaries start: a synopsis longer than this puts its summary on the next line. */
const SUMMARY_COLUMN = 59

/** The command lines of the usage text: synopsis, then what the command does. */
export function commandLines(): string {
  return cliCommands
    .map(({ synopsis, summary }) => {
      const line = `  ${synopsis}`
      return line.length < SUMMARY_COLUMN - 1
        ? `${line.padEnd(SUMMARY_COLUMN)}${summary}`
        : `${line}\n${' '.repeat(SUMMARY_COLUMN)}${summary}`
    })
    .join('\n')
}

export const USAGE = `usage: copydesk [--library PATH] <command> [options]

commands:
${commandLines()}

wire formats: ${wireFormats.map((f) => f.label).join(', ')} (recognised from the bytes, not the file name).

The library is --library PATH, else $COPYDESK_LIBRARY, else library.sqlite in Copydesk's user-data folder.
Exit status: 0 all went well, 1 some input failed, 2 usage error.
`
