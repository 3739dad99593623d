import { resolve } from 'node:path'
import type { Library } from '../library'
import { call } from '../api'
import { exportFormats, type ExportFormat } from '../../shared/export'
import type { Input } from '../../shared/contract'
import { preflightLines } from './format'

interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** The export flags as parsed from the command line. */
export interface ExportFlags {
  out?: string
  format?: string
  singleFile: boolean
  all: boolean
  markPublished: boolean
  /** Past the preflight's blocking items: needs --reason (and --desk-head for a killed story). */
  force: boolean
  reason?: string
  deskHead?: string
}

/** The request `copydesk export` makes, or the reason the command line does not make one (a usage error). */
export function exportRequestFrom(args: string[], flags: ExportFlags, cwd: string): Input<'story:export'> | string {
  if (!flags.out) return 'export needs --out DIR, the folder to write to'
  if (flags.all && args.length) return 'export takes story IDs or --all, not both'
  if (!flags.all && !args.length) return 'export needs story IDs, or --all for the whole library'
  const format = flags.format ?? 'html'
  if (!(exportFormats as readonly string[]).includes(format)) {
    return `--format must be ${exportFormats.join(' or ')}, not "${format}"`
  }
  if (flags.force && !flags.reason?.trim()) return '--force needs --reason "why the story should go anyway"'
  if (!flags.force && (flags.reason || flags.deskHead)) return '--reason and --desk-head go with --force'
  const ids: number[] = []
  for (const arg of args) {
    const id = Number(arg)
    if (!Number.isSafeInteger(id) || id <= 0) return `"${arg}" is not a story id`
    ids.push(id)
  }
  return {
    ...(flags.all ? { all: true } : { ids }),
    outDir: resolve(cwd, flags.out),
    format: format as ExportFormat,
    singleFile: flags.singleFile,
    markPublished: flags.markPublished,
    ...(flags.force
      ? { override: { reason: flags.reason!, ...(flags.deskHead ? { deskHead: flags.deskHead } : {}) } }
      : {}),
  }
}

/**
 * `copydesk export`: the same api call the app makes. Each story is written or named on stderr with
 * why; exit 0 when every story was written, 1 when any was not.
 */
export async function runExport(
  library: Library,
  request: Input<'story:export'>,
  json: boolean,
  io: Io,
): Promise<number> {
  const { outDir, results } = await call(library, 'story:export', request)
  for (const result of results) {
    if (result.ok) continue
    io.stderr(`copydesk: story ${result.id} was not exported: ${result.error}\n`)
    const blocking = (result.preflight ?? []).filter((i) => i.level === 'blocking')
    if (blocking.length) {
      io.stderr(preflightLines(result.preflight ?? []).join('\n') + '\n')
      const desk = blocking.some((i) => i.deskHead) ? ' --desk-head NAME' : ''
      io.stderr(`copydesk: to export it anyway: --force --reason "why"${desk}\n`)
    }
  }
  if (json) {
    io.stdout(JSON.stringify({ outDir, results }, null, 2) + '\n')
  } else {
    const lines: string[] = []
    for (const result of results) {
      if (!result.ok) continue
      lines.push(`${String(result.id).padStart(6)}  ${result.headline || '(no headline)'}\n        -> ${result.file}`)
      if (result.published) lines.push('        marked published')
      for (const line of preflightLines(result.preflight ?? [])) lines.push(`  ${line}`)
      for (const warning of result.warnings) lines.push(`        ! ${warning}`)
    }
    const written = results.filter((r) => r.ok).length
    lines.push(`${written} of ${results.length} ${results.length === 1 ? 'story' : 'stories'} exported to ${outDir}`)
    io.stdout(lines.join('\n') + '\n')
  }
  return results.every((r) => r.ok) ? 0 : 1
}
