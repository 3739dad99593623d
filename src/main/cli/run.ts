import { embargoCommand, preflightCommand } from './embargo'
import { parseArgs } from 'node:util'
import { ApiError } from '../../shared/errors'
import { compactAfterUpgrade, resolveLibraryPath, type Library } from '../library'
import { SCHEMA_VERSION } from '../library/migrations'
import { call } from '../api'
import { backupLibrary, backupsDirFor, openLibraryOrAdvise } from '../library/backup'
import { libraryProblem } from '../library/sqlite-problems'
import { countSearchTerms, fillAllSearchTerms } from '../library/search-terms'
import { defaultUserDataDir } from '../library/paths'
import { storyStatuses, type StoryStatus } from '../../shared/story'
import { formatSearchHits, formatStory, formatSummaries } from './format'
import { formatFindings } from './check'
import { commentsReport, formatComments } from './comments'
import { runImport } from './import'
import { exportRequestFrom, runExport, type ExportFlags } from './export'
import { USAGE, type CliCommandName } from './commands'
import { runDesk } from './desk'
import { runServerCli } from '../../server/main'

export { USAGE } from './commands'
import { runDictionary } from './dictionary'
import { duplicateCommand, formatSpike, purgeCommand, spikeCommand, unspikeCommand } from './spike'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

class UsageError extends Error {}

const LIST_PAGE = 500

interface Parsed {
  command: string
  args: string[]
  library?: string
  json: boolean
  status?: StoryStatus
  exportFlags: ExportFlags
  note?: string
  /** list --embargoed: only stories under an embargo that holds. */
  embargoed?: boolean
  /** embargo ID TIME --zone ZONE, or --clear. */
  zone?: string
  clear?: boolean
}

function parse(argv: string[]): Parsed {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      json: { type: 'boolean', default: false },
      status: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      out: { type: 'string' },
      format: { type: 'string' },
      'single-file': { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      'mark-published': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      reason: { type: 'string' },
      'desk-head': { type: 'string' },
      embargoed: { type: 'boolean', default: false },
      zone: { type: 'string' },
      clear: { type: 'boolean', default: false },
      note: { type: 'string' },
    },
  })
  const exportFlags: ExportFlags = {
    out: values.out,
    format: values.format,
    singleFile: values['single-file'] ?? false,
    all: values.all ?? false,
    markPublished: values['mark-published'] ?? false,
    force: values.force ?? false,
    reason: values.reason,
    deskHead: values['desk-head'],
  }
  if (values.help) return { command: 'help', args: [], json: false, exportFlags }
  const [command, ...args] = positionals
  if (!command) throw new UsageError('no command given')
  if (values.status !== undefined && !(storyStatuses as readonly string[]).includes(values.status)) {
    throw new UsageError(`--status must be one of ${storyStatuses.join(', ')}, not "${values.status}"`)
  }
  return {
    command,
    args,
    library: values.library,
    json: values.json ?? false,
    status: values.status as StoryStatus | undefined,
    exportFlags,
    note: values.note,
    embargoed: values.embargoed ?? false,
    zone: values.zone,
    clear: values.clear ?? false,
  }
}

function storyId(text: string | undefined): number {
  const id = Number(text)
  if (!text || !Number.isSafeInteger(id) || id <= 0) throw new UsageError(`"${text ?? ''}" is not a story id`)
  return id
}

type Command = (library: Library, parsed: Parsed, io: CliIo) => number | Promise<number>

/** One implementation per command of the list in commands.ts (a missing or extra one does not compile). */
const commands: Record<Exclude<CliCommandName, 'server'>, Command> = {
  desk(library, { args, json }, io) {
    return runDesk(library, args, json, io).catch((error: unknown) => {
      if (error instanceof Error && error.message.startsWith('usage:')) throw new UsageError(error.message.slice(7))
      throw error
    })
  },
  export(library, { args, json, exportFlags }, io) {
    const request = exportRequestFrom(args, exportFlags, process.cwd())
    if (typeof request === 'string') throw new UsageError(request)
    return runExport(library, request, json, io)
  },
  import(library, { args, json }, io) {
    if (!args.length) throw new UsageError('import needs at least one FILE')
    return runImport(library, args, json, io)
  },
  list(library, { status, json, embargoed }, io) {
    const items = []
    for (let offset = 0; ; offset += LIST_PAGE) {
      const page = call(library, 'story:list', {
        status,
        limit: LIST_PAGE,
        offset,
        ...(embargoed ? { embargoed } : {}),
      })
      items.push(...page.items)
      if (page.items.length < LIST_PAGE) break
    }
    io.stdout(json ? JSON.stringify(items, null, 2) + '\n' : formatSummaries(items))
    return EXIT.ok
  },
  search(library, { args, json }, io) {
    const query = args.join(' ')
    if (!query.trim()) throw new UsageError('search needs a QUERY')
    const { items } = call(library, 'story:search', { query, limit: 200 })
    io.stdout(json ? JSON.stringify(items, null, 2) + '\n' : formatSearchHits(items))
    return EXIT.ok
  },
  vocabulary(library, { args, json }, io) {
    if (args.length) throw new UsageError('vocabulary takes no arguments')
    const copied = fillAllSearchTerms(library.db)
    const words = countSearchTerms(library.db)
    io.stdout(
      json
        ? JSON.stringify({ library: library.file, copied, words, complete: true }) + '\n'
        : `the search vocabulary is complete: ${words} words (${copied} copied from the index now)\n`,
    )
    return EXIT.ok
  },
  show(library, { args, json }, io) {
    if (args.length !== 1) throw new UsageError('show needs exactly one story ID')
    const story = call(library, 'story:get', { id: storyId(args[0]) })
    io.stdout(json ? JSON.stringify(story, null, 2) + '\n' : formatStory(story))
    return EXIT.ok
  },
  dictionary(library, { args, json, note, exportFlags }, io) {
    const complaint = runDictionary(library, args, { json, note, format: exportFlags.format }, io)
    if (complaint) throw new UsageError(complaint)
    return EXIT.ok
  },
  async check(library, { args, json }, io) {
    if (args.length !== 1) throw new UsageError('check needs exactly one story ID')
    const { findings } = await call(library, 'story:check', { id: storyId(args[0]) })
    // Findings are the desk's to judge, not a failed command: the exit status is 0 either way.
    io.stdout(json ? JSON.stringify({ findings }, null, 2) + '\n' : formatFindings(findings))
    return EXIT.ok
  },
  async preflight(library, { args, json }, io) {
    if (args.length !== 1) throw new UsageError('preflight needs exactly one story ID')
    const { text, blocked } = await preflightCommand(library, storyId(args[0]), json)
    io.stdout(text)
    return blocked ? EXIT.failed : EXIT.ok
  },
  embargo(library, { args, json, zone, clear }, io) {
    if (args.length < 1 || args.length > 2) throw new UsageError('embargo needs a story ID, then a TIME or --clear')
    const outcome = embargoCommand(library, storyId(args[0]), args[1], { zone, clear: clear ?? false, json })
    if (typeof outcome !== 'string') throw new UsageError(outcome.usage)
    io.stdout(outcome)
    return EXIT.ok
  },
  comments(library, { args, json }, io) {
    if (args.length !== 1) throw new UsageError('comments needs exactly one story ID')
    const { body } = call(library, 'story:get', { id: storyId(args[0]) })
    io.stdout(json ? JSON.stringify(commentsReport(body), null, 2) + '\n' : formatComments(body))
    return EXIT.ok
  },
  async spike(library, { args, json }, io) {
    if (!args.length) throw new UsageError('spike needs at least one story ID')
    for (const id of args.map(storyId)) io.stdout(await spikeCommand(library, id, json))
    return EXIT.ok
  },
  async unspike(library, { args, json }, io) {
    if (!args.length) throw new UsageError('unspike needs at least one story ID')
    for (const id of args.map(storyId)) io.stdout(await unspikeCommand(library, id, json))
    return EXIT.ok
  },
  spiked(library, { json }, io) {
    const { days, items } = call(library, 'spike:list', {})
    io.stdout(json ? JSON.stringify({ days, items }, null, 2) + '\n' : formatSpike(items, days))
    return EXIT.ok
  },
  purge(library, { args, json, exportFlags }, io) {
    if (args.length && exportFlags.all) throw new UsageError('purge takes story IDs or --all, not both')
    io.stdout(purgeCommand(library, args.map(storyId), exportFlags.all, json))
    return EXIT.ok
  },
  duplicate(library, { args, json }, io) {
    if (args.length !== 1) throw new UsageError('duplicate needs exactly one story ID')
    io.stdout(duplicateCommand(library, storyId(args[0]), json))
    return EXIT.ok
  },
  upgrade(library, { args, json }, io) {
    if (args.length) throw new UsageError('upgrade takes no arguments')
    // The open (runCli, `now` for this command) has finished every upgrade step; the space freed is given back here.
    const { before, after } = compactAfterUpgrade(library.db)
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
    io.stdout(
      json
        ? JSON.stringify({ library: library.file, before, after }) + '\n'
        : `${library.file} is up to date (library version ${SCHEMA_VERSION}), ${mb(after)}` +
            (before > after ? `: ${mb(before - after)} given back to the disk\n` : '\n'),
    )
    return EXIT.ok
  },
  async backup(library, { args, json }, io) {
    if (args.length !== 1 || !args[0]) throw new UsageError('backup needs exactly one FILE to write the copy to')
    const { file, bytes } = await backupLibrary(library.db, args[0])
    const size = `${(bytes / 1024 / 1024).toFixed(1)} MB`
    io.stdout(
      json
        ? JSON.stringify({ library: library.file, file, bytes }) + '\n'
        : `backed up ${library.file} to ${file} (${size})\n`,
    )
    return EXIT.ok
  },
}

/**
 * An old library is upgraded when it is opened (library/upgrade.ts): a million stories take minutes,
 * so the CLI says how far it is, in twentieths, on stderr (stdout stays the command's own output).
 */
function upgradeProgress(io: CliIo): (task: string, done: number, total: number) => void {
  let said = -1
  return (_task, done, total) => {
    const twentieth = Math.floor((done * 20) / Math.max(1, total))
    if (twentieth === said) return
    said = twentieth
    io.stderr(
      `copydesk: upgrading the library: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} stories\n`,
    )
  }
}

export function runCli(argv: string[], io: CliIo): number | Promise<number> {
  // The desk server has its own options and needs no library.
  if (argv[0] === 'server') return runServerCli(argv.slice(1), io)
  let parsed: Parsed
  try {
    parsed = parse(argv)
  } catch (error) {
    io.stderr(`copydesk: ${(error as Error).message}\n\n${USAGE}`)
    return EXIT.usage
  }
  if (parsed.command === 'help') {
    io.stdout(USAGE)
    return EXIT.ok
  }
  const command = Object.hasOwn(commands, parsed.command)
    ? commands[parsed.command as Exclude<CliCommandName, 'server'>]
    : undefined
  if (!command) {
    io.stderr(`copydesk: unknown command "${parsed.command}"\n\n${USAGE}`)
    return EXIT.usage
  }
  let library: Library | undefined
  try {
    const backups = backupsDirFor(defaultUserDataDir(process.platform, io.env))
    library = openLibraryOrAdvise(resolveLibraryPath({ flag: parsed.library, env: io.env }), backups, {
      // `copydesk upgrade` finishes what the app would run in the background (a large library's search index).
      upgrade: { onProgress: upgradeProgress(io), now: parsed.command === 'upgrade' },
    })
    if (library.damage) io.stderr(`copydesk: warning: ${library.damage.message}\n`)
    const outcome = command(library, parsed, io)
    if (typeof outcome === 'number') return outcome
    // An async command (backup) keeps the library open until it has settled.
    const open = library
    library = undefined
    return outcome.catch((error: unknown) => failed(error, io, open)).finally(() => open.close())
  } catch (error) {
    return failed(error, io, library)
  } finally {
    library?.close()
  }
}

function failed(error: unknown, io: CliIo, library?: Library): number {
  if (error instanceof UsageError) {
    io.stderr(`copydesk: ${error.message}\n\n${USAGE}`)
    return EXIT.usage
  }
  // A damaged, full or read-only library in words, as the app says it (library/sqlite-problems.ts).
  const problem =
    library && !(error instanceof ApiError) ? libraryProblem(error, library.file, library.restoreAdvice) : null
  const message =
    problem?.message ?? (error instanceof ApiError ? error.message : String((error as Error).message ?? error))
  io.stderr(`copydesk: ${message}\n`)
  return EXIT.failed
}
