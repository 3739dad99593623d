import { fork, spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import pg from 'pg'
import { addUser, type Role } from '../../src/server/accounts'
import { freePort, startCluster, type Cluster } from '../../src/server/postgres-cluster'
import { migrateServer } from '../../src/server/schema'

const root = join(__dirname, '..', '..')
const TSX = ['--import', 'tsx']

/** A desk for a test: a throwaway PostgreSQL cluster and the desk server as its own process. */
export interface Desk {
  cluster: Cluster
  pool: pg.Pool
  url: string
  server: ChildProcess | null
  startServer(): Promise<void>
  stopServer(signal?: NodeJS.Signals): Promise<void>
  addUser(name: string, role: Role, desk: string): Promise<void>
  close(): Promise<void>
}

export const PASSWORD = 'a long test password'

export async function startDesk(): Promise<Desk> {
  const cluster = await startCluster()
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 })
  pool.on('error', () => undefined)
  await migrateServer(pool)
  const port = await freePort()
  const desk: Desk = {
    cluster,
    pool,
    url: `http://127.0.0.1:${port}`,
    server: null,
    async startServer() {
      const child = spawn(
        process.execPath,
        [...TSX, join(root, 'src/server/main.ts'), '--database', cluster.url, '--port', String(port)],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      desk.server = child
      let log = ''
      child.stderr.on('data', (d: Buffer) => {
        log += d.toString()
        if (process.env.COPYDESK_TEAM_DEBUG) process.stderr.write(d)
      })
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`desk server did not start: ${log}`)), 30_000)
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('listening on')) {
            clearTimeout(timer)
            resolve()
          }
        })
        child.once('exit', (code) => {
          clearTimeout(timer)
          reject(new Error(`desk server exited (${code}): ${log}`))
        })
      })
    },
    async stopServer(signal = 'SIGTERM') {
      const child = desk.server
      if (!child || child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill(signal)
      await exited
      desk.server = null
    },
    async addUser(name, role, deskName) {
      await addUser(pool, { name, password: PASSWORD, role, desk: deskName })
    },
    async close() {
      await desk.stopServer('SIGKILL')
      await pool.end()
      cluster.destroy()
    },
  }
  await desk.startServer()
  return desk
}

/** One editor's app (main side) in its own process, driven over IPC. */
export interface Client {
  readonly process: ChildProcess
  run<T = unknown>(op: string, ...args: unknown[]): Promise<T>
  /** Words the process said it typed (each already in its library when said). */
  readonly typed: string[]
  kill(): Promise<void>
}

export async function startClient(libraryFile: string): Promise<Client> {
  const child = fork(join(__dirname, 'client-process.ts'), [], { execArgv: TSX, stdio: 'pipe' })
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const typed: string[] = []
  let next = 0
  let log = ''
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString()
    if (process.env.COPYDESK_TEAM_DEBUG) process.stderr.write(d)
  })
  child.stdout?.on('data', (d: Buffer) => {
    if (process.env.COPYDESK_TEAM_DEBUG) process.stderr.write(d)
  })
  await new Promise<void>((resolve, reject) => {
    // Generous: tsx compiles the client on start, and with several engineers' runs on two cores that took 28 s.
    const timer = setTimeout(() => reject(new Error('client did not start')), 90_000)
    child.once('message', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  child.on('message', (m: { id?: number; ok?: boolean; value?: unknown; error?: string; typed?: string }) => {
    if (m.typed) typed.push(m.typed)
    if (m.id === undefined) return
    const pending = waiting.get(m.id)
    waiting.delete(m.id)
    if (m.ok) pending?.resolve(m.value)
    else pending?.reject(new Error(m.error))
  })
  child.on('exit', (code, signal) => {
    const why = new Error(`client process ended (${signal ?? code}): ${log.slice(-2000)}`)
    for (const pending of waiting.values()) pending.reject(why)
    waiting.clear()
  })
  const client: Client = {
    process: child,
    typed,
    run<T>(op: string, ...args: unknown[]) {
      const id = next++
      return new Promise<T>((resolve, reject) => {
        if (!child.connected) return reject(new Error(`client process has ended: ${log.slice(-2000)}`))
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
        child.send({ id, op, args })
      })
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
  }
  await client.run('open', libraryFile)
  return client
}

/** Poll (bounded in count) until `check` holds. */
export async function eventually<T>(what: string, check: () => Promise<T | false>, tries = 200): Promise<T> {
  let last: unknown
  for (let i = 0; i < tries; i++) {
    try {
      const value = await check()
      if (value !== false) return value
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${what} did not happen${last ? `: ${(last as Error).message}` : ''}`)
}
