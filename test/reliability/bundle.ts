import { build, type BuildOptions } from 'esbuild'
import { basename, join, resolve } from 'node:path'
import { repoRoot } from './paths'

export { repoRoot }

/**
 * Child processes the reliability tests kill or trace are bundled once into plain CommonJS, so each
 * of the many starts costs what `node` costs, not a TypeScript loader's start. better-sqlite3 (a
 * native addon) and sharp (libvips, whose ESM build reads import.meta.url) stay outside the bundle
 * and are found through NODE_PATH.
 */
export async function bundleChild(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, basename(entry).replace(/\.ts$/, '.cjs'))
  const options: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'sharp'],
    logLevel: 'silent',
  }
  await build({ ...options, entryPoints: [resolve(repoRoot, entry)], outfile })
  // Main's worker threads beside it, as the app's build puts them beside index.js (start-worker.ts).
  for (const [name, source] of WORKERS)
    await build({ ...options, entryPoints: [resolve(repoRoot, source)], outfile: join(outDir, `${name}.js`) })
  return outfile
}

const WORKERS = [
  ['check-worker', 'src/main/checks/check-worker.ts'],
  ['wire-read-worker', 'src/main/intake/wire-read-worker.ts'],
  ['picture-writer-worker', 'src/main/library/picture-writer-worker.ts'],
] as const

export const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') }
