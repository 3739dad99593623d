import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname } from 'node:path'
import { z } from 'zod'

/**
 * One figure and its floor: the same work done by the bare underlying part in the same run. The
 * ratio is how many times the floor the figure costs (value / floor for times and sizes, floor /
 * value for rates), so it reads the same way for every metric and holds on a noisy machine.
 */
export const metricSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/),
  value: z.number(),
  unit: z.string(),
  floor: z.number(),
  ratio: z.number(),
  target: z.number().nullable(),
  better: z.enum(['lower', 'higher']),
})
export type Metric = z.infer<typeof metricSchema>

export const resultsSchema = z.strictObject({
  machine: z.string(),
  date: z.iso.datetime(),
  quick: z.boolean(),
  metrics: z.array(metricSchema),
})
export type Results = z.infer<typeof resultsSchema>

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100)

export function metric(
  name: string,
  value: number,
  unit: string,
  floor: number,
  better: Metric['better'],
  target: number | null = null,
): Metric {
  const ratio = better === 'lower' ? value / floor : floor / value
  return {
    name,
    value: round(value),
    unit,
    floor: round(floor),
    ratio: Number.isFinite(ratio) ? Math.round(ratio * 10) / 10 : 0,
    // Rounded like the value: an aim derived from a floor (export's "<= 2x the floor") printed 10554.992036258507.
    target: target === null ? null : round(target),
    better,
  }
}

/** Nearest-rank percentile: an actual sample, never an interpolation between two. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    if (line) return line.split(':')[1]!.trim()
  } catch {
    // not Linux: os.cpus() below
  }
  return cpus()[0]?.model ?? 'unknown CPU'
}

export function machineDescription(): string {
  const gib = Math.round(totalmem() / 2 ** 30)
  return `${cpuModel()}, ${cpus().length} cores, ${gib} GiB RAM, ${process.platform} ${process.arch}, node ${process.version}`
}

export function meetsTarget(m: Metric): boolean | null {
  if (m.target === null) return null
  return m.better === 'lower' ? m.value <= m.target : m.value >= m.target
}

export interface Unavailable {
  suite: string
  reason: string
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width)
}

/** The table printed at the end of a run; unavailable suites are listed with why. */
export function formatTable(metrics: readonly Metric[], unavailable: readonly Unavailable[]): string {
  const header = ['metric', 'value', 'unit', 'floor', 'ratio', 'target', 'aim']
  const rows = metrics.map((m) => {
    const met = meetsTarget(m)
    return [
      m.name,
      String(m.value),
      m.unit,
      String(m.floor),
      `${m.ratio}x`,
      m.target === null ? '' : `${m.better === 'lower' ? '<=' : '>='} ${m.target}`,
      met === null ? '' : met ? 'met' : 'MISSED',
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const numeric = new Set([1, 3, 4])
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, numeric.has(i))).join('  ')
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
  for (const u of unavailable) out.push(`${u.suite}: not available (${u.reason})`)
  return out.join('\n')
}

/** Written whole to a side file and renamed, so a reader never sees half a result. */
export function writeResults(file: string, results: Results): void {
  const checked = resultsSchema.parse(results)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(`${file}.tmp`, JSON.stringify(checked, null, 2) + '\n')
  renameSync(`${file}.tmp`, file)
}
