import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { Suite } from '../context'
import { metric } from '../report'

/**
 * Bounded work (issue 24): the checks on stories full of names one letter apart (16 KB, 256 KB,
 * 1 MB), the rules alone and `story:check` through the api (rules and spelling on the check
 * thread, with main's longest stall while it runs), and one message of 5,000 small items (refused: over the stories-per-file limit) and of
 * 1,000 (the limit); invalid UTF-8 decoded (MB/s, beside TextDecoder's floor on valid UTF-8 in the same
 * process: a ratio to watch); a 19 MB text file of 3.8 million short paragraphs, refused at the
 * story's limit (time, peak memory). Each in a fresh process (bench/bounds-child.ts) so its peak memory is its own.
 * Floors: 0 (these are ceilings to watch, not ratios).
 */
function child(root: string, what: string, size: number): Record<string, number> {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'bounds-child.ts'), what, String(size)],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  if (run.status !== 0) throw new Error(`bounds-child ${what} ${size} failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number>
}

export const boundsSuite: Suite = {
  name: 'bounds',
  run(ctx) {
    const metrics = []
    for (const [label, bytes] of [
      ['16k', 16 * 1024],
      ['256k', 256 * 1024],
      ['1m', 1024 * 1024],
    ] as const) {
      const r = child(ctx.root, 'checks', bytes)
      metrics.push(metric(`bounds.checks-names.${label}.ms`, r.ms!, 'ms', 0, 'lower'))
      metrics.push(metric(`bounds.checks-names.${label}.rss`, r.maxRssMB!, 'MB', 0, 'lower'))
      const api = child(ctx.root, 'story-check', bytes)
      metrics.push(metric(`bounds.story-check.${label}.ms`, api.ms!, 'ms', 0, 'lower'))
      metrics.push(metric(`bounds.story-check.${label}.rss`, api.maxRssMB!, 'MB', 0, 'lower'))
      // What the window would feel: the longest main's thread was held while the check ran.
      metrics.push(metric(`bounds.story-check.${label}.main-stall`, api.mainStallMs!, 'ms', 0, 'lower'))
    }
    for (const items of [5000, 1000]) {
      const r = child(ctx.root, 'import', items)
      metrics.push(metric(`bounds.import-items.${items}.ms`, r.ms!, 'ms', 0, 'lower'))
      metrics.push(metric(`bounds.import-items.${items}.growth`, r.growthMB!, 'MB', 0, 'lower'))
    }
    const decode = child(ctx.root, 'decode', 19)
    metrics.push(metric('bounds.decode-invalid-utf8.mbps', decode.invalidMBps!, 'MB/s', decode.floorMBps!, 'higher'))
    metrics.push(metric('bounds.decode-valid-utf8-floor.mbps', decode.floorMBps!, 'MB/s', 0, 'higher'))
    const paragraphs = child(ctx.root, 'paragraphs', 19)
    metrics.push(metric('bounds.paragraphs-19mb.ms', paragraphs.ms!, 'ms', 0, 'lower'))
    metrics.push(metric('bounds.paragraphs-19mb.rss', paragraphs.maxRssMB!, 'MB', 0, 'lower'))
    return { metrics }
  },
}
