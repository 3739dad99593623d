import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Where the Electron binary is, without triggering electron's download-on-require. */
export function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron')
  const dir = resolve('node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

/** Why the _electron spec cannot run here, or null when it can. */
export function electronSkipReason(): string | null {
  if (!electronBinary()) {
    return 'no Electron binary on this machine (it cannot be downloaded here). Run it where one can be: `npm install && npm run rebuild:electron && npm run build && npx playwright test --project electron`.'
  }
  if (!existsSync(resolve('native/electron/better_sqlite3.node'))) {
    return 'better-sqlite3 is not built for Electron yet: run `npm run rebuild:electron` (needs network).'
  }
  return null
}
