import { parseArgs } from 'node:util'
import { ApiError } from '../../shared/errors'
import { openLibrary, resolveLibraryPath, type Library } from '../library'
import { call } from '../api'
import { storyStatuses, type StoryStatus } from '../../shared/story'
import { formatSearchHits, formatStory, formatSummaries } from './format'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

export const USAGE = `usage: copydesk [--library PATH] <command> [options]

commands:
  list [--status draft|editing|ready|published] [--json]   stories, newest first
  search QUERY [--json]                                    stories matching every word (prefixes too)
  show ID [--json]                                         one story (--json: the story format of docs/story-format.md)

The library is --library PATH, else $COPYDESK_LIBRARY, else library.sqlite in Copydesk's user-data folder.
Exit status: 0 all went well, 1 some input failed, 2 usage error.
`

class UsageError extends Error {}

const LIST_PAGE = 500

interface Parsed {
  command: string
  args: string[]
  library?: string
  json: boolean
  status?: StoryStatus
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
    },
  })
  if (values.help) return { command: 'help', args: [], json: false }
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
  }
}

function storyId(text: string | undefined): number {
  const id = Number(text)
  if (!text || !Number.isSafeInteger(id) || id <= 0) throw new UsageError(`"${text ?? ''}" is not a story id`)
  return id
}

type Command = (library: Library, parsed: Parsed, io: CliIo) => number

const commands: Record<string, Command> = {
  list(library, { status, json }, io) {
    const items = []
    for (let offset = 0; ; offset += LIST_PAGE) {
      const page = call(library, 'story:list', { status, limit: LIST_PAGE, offset })
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
  show(library, { args, json }, io) {
    if (args.length !== 1) throw new UsageError('show needs exactly one story ID')
    const story = call(library, 'story:get', { id: storyId(args[0]) })
    io.stdout(json ? JSON.stringify(story, null, 2) + '\n' : formatStory(story))
    return EXIT.ok
  },
}

export function runCli(argv: string[], io: CliIo): number {
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
  const command = commands[parsed.command]
  if (!command) {
    io.stderr(`copydesk: unknown command "${parsed.command}"\n\n${USAGE}`)
    return EXIT.usage
  }
  let library: Library | undefined
  try {
    library = openLibrary(resolveLibraryPath({ flag: parsed.library, env: io.env }))
    return command(library, parsed, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`copydesk: ${error.message}\n\n${USAGE}`)
      return EXIT.usage
    }
    const message = error instanceof ApiError ? error.message : String((error as Error).message ?? error)
    io.stderr(`copydesk: ${message}\n`)
    return EXIT.failed
  } finally {
    library?.close()
  }
}
