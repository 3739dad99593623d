import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker, type ResourceLimits } from 'node:worker_threads'

/**
 * Starts one of main's worker threads by its entry's name (`check-worker`, `wire-read-worker`).
 * Built, electron-vite puts `<name>.js` beside index.js and cli.js (a module calling this may sit in
 * a chunk one folder down). Else the TypeScript source `<sourceDir>/<name>.ts` runs, compiled on
 * the fly by tsx (vitest, the e2e bridge, the bench).
 */
export function startWorker(
  name: string,
  sourceDir: string,
  options: { resourceLimits?: ResourceLimits; workerData?: Record<string, unknown> } = {},
): Worker {
  for (const built of [join(__dirname, `${name}.js`), join(__dirname, '..', `${name}.js`)])
    if (existsSync(built)) return new Worker(built, options)
  const entry = join(sourceDir, `${name}.ts`)
  // A worker started on a .ts file ignores --import hooks in Node 20: register tsx's require hook first.
  const boot = `const { workerData } = require('node:worker_threads'); require(workerData.bootTsx).register(); require(workerData.bootEntry)`
  const workerData = { ...options.workerData, bootTsx: createRequire(entry).resolve('tsx/cjs/api'), bootEntry: entry }
  return new Worker(boot, { ...options, eval: true, workerData })
}
