import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { callChannel, hasChannel, unavailable, type Suite } from '../context'
import { metric, type Metric, type Unavailable } from '../report'

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/** The floor: the bytes the export wrote, written again with plain fs calls, nothing rendered. */
export function plainWriteRate(exported: string, into: string, stories: number): number {
  const files = filesUnder(exported).map((file) => ({
    to: join(into, relative(exported, file)),
    bytes: readFileSync(file),
  }))
  const start = process.hrtime.bigint()
  for (const file of files) {
    mkdirSync(dirname(file.to), { recursive: true })
    writeFileSync(file.to, file.bytes)
  }
  return stories / (Number(process.hrtime.bigint() - start) / 1e9)
}

interface ExportReply {
  results: { ok: boolean; error?: string }[]
}

export const exportSuite: Suite = {
  name: 'export',
  async run(ctx) {
    if (!hasChannel('story:export')) return unavailable('export', "no 'story:export' channel in the api yet")
    // The desk exports its latest copy: the most recently added stories, newest first.
    const count = Math.min(ctx.storyCount, ctx.quick ? 300 : 3000)
    const ids = Array.from({ length: count }, (_, i) => ctx.storyCount - i)
    const metrics: Metric[] = []
    const missing: Unavailable[] = []
    for (const format of ['html', 'ninjs'] as const) {
      const outDir = join(ctx.tmpDir, `export-${format}`)
      // Warm-up on other stories: the first export loads the renderers and the house style.
      await callChannel(ctx.library, 'story:export', {
        ids: ids.slice(0, 20).map((id) => Math.max(1, id - count)),
        outDir: `${outDir}-warm`,
        format,
      })
      const start = process.hrtime.bigint()
      // story:export answers a promise: pictures are made ready off main's thread.
      const reply = (await callChannel(ctx.library, 'story:export', { ids, outDir, format })) as ExportReply
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9
      const written = reply.results.filter((r) => r.ok).length
      const failed = reply.results.find((r) => !r.ok)
      if (failed)
        ctx.log(`export.${format}: ${reply.results.length - written} of ${ids.length} failed, e.g. ${failed.error}`)
      if (written === 0) {
        missing.push({ suite: `export.${format}`, reason: `nothing was written: ${failed?.error}` })
        continue
      }
      const floor = plainWriteRate(outDir, join(ctx.tmpDir, `export-${format}-plain`), written)
      // Issue 22's aim: at most twice the floor's time, so at least half its rate.
      metrics.push(metric(`export.${format}.rate`, written / elapsed, 'stories/s', floor, 'higher', floor / 2))
    }
    return { metrics, unavailable: missing }
  },
}
