import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Suite } from '../context'
import { metric } from '../report'

function residentMemory(root: string, library: string): number {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(root, 'bench', 'memory-child.ts'), library],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  return (JSON.parse(out.trim().split('\n').at(-1)!) as { rss: number }).rss / 2 ** 20
}

/**
 * The main process's resident memory with the whole library open and a few minutes' work done,
 * beside the same process and work on an empty library: what the library's size costs in memory.
 */
export const memorySuite: Suite = {
  name: 'memory',
  run(ctx) {
    const full: number[] = []
    const empty: number[] = []
    for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
      full.push(residentMemory(ctx.root, ctx.library.file))
      empty.push(residentMemory(ctx.root, join(ctx.tmpDir, `empty-${i}.sqlite`)))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    return { metrics: [metric('memory.rss', median(full), 'MiB', median(empty), 'lower')] }
  },
}
