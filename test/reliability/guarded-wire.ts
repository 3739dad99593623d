import { spawn, type ChildProcess } from 'node:child_process'
import { childEnv } from './bundle'
import type { WireReply, WireRequest } from './children/wire-worker'

export type GuardedReply = WireReply | { id: number; outcome: { kind: 'hang'; message: string }; ms: number }

/**
 * The wire importer behind a time bound: files go to a worker process one at a time; one that is
 * not read within `boundMs` is reported as a hang and the worker is replaced. The bound is
 * generous on purpose (a loaded CI machine is slow): it catches loops and quadratic blow-ups, it
 * does not measure speed.
 */
export class GuardedWire {
  private child: ChildProcess | null = null
  private next = 1
  private pending: { id: number; resolve: (reply: GuardedReply) => void; timer: NodeJS.Timeout } | null = null
  slowestMs = 0

  constructor(
    private readonly worker: string,
    private readonly boundMs = 20_000,
  ) {}

  private start(): ChildProcess {
    const child = spawn(process.execPath, [this.worker], {
      env: childEnv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    })
    child.on('message', (reply: WireReply) => {
      const pending = this.pending
      if (!pending || pending.id !== reply.id) return
      clearTimeout(pending.timer)
      this.pending = null
      this.slowestMs = Math.max(this.slowestMs, reply.ms)
      pending.resolve(reply)
    })
    child.on('exit', (code, signal) => {
      // A worker killed for taking too long has already been replaced and its file reported.
      if (this.child !== child) return
      this.child = null
      const pending = this.pending
      if (!pending) return
      clearTimeout(pending.timer)
      this.pending = null
      pending.resolve({
        id: pending.id,
        outcome: { kind: 'crash', message: `the worker died (${signal ?? code})` },
        ms: 0,
      })
    })
    return child
  }

  read(name: string, bytes: Uint8Array, library?: string): Promise<GuardedReply> {
    if (this.pending) throw new Error('GuardedWire reads one file at a time')
    const child = (this.child ??= this.start())
    const id = this.next++
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null
        this.child = null
        child.kill('SIGKILL')
        resolve({
          id,
          outcome: { kind: 'hang', message: `${name} was still being read after ${this.boundMs / 1000} s` },
          ms: this.boundMs,
        })
      }, this.boundMs)
      this.pending = { id, resolve, timer }
      const request: WireRequest = { id, name, bytes, ...(library ? { library } : {}) }
      child.send(request)
    })
  }

  close(): void {
    this.child?.disconnect()
    this.child = null
  }
}
