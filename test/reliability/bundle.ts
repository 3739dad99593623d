import { build } from 'esbuild'
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
  await build({
    entryPoints: [resolve(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'sharp'],
    logLevel: 'silent',
  })
  return outfile
}

export const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') }
