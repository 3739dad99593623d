import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Tests and the CLI run on Node and use better-sqlite3's own build. The Electron app needs the same
 * addon compiled for Electron's ABI; scripts/electron-native.mjs puts it in native/electron/ (at
 * `npm start` and at pack time), and the app hands its path to better-sqlite3 as nativeBinding.
 */
export function electronNativeBinding(appPath: string, resourcesPath?: string): string | undefined {
  const candidates = [
    resourcesPath && join(resourcesPath, 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'),
    join(appPath, 'native', 'electron', 'better_sqlite3.node'),
  ].filter((path): path is string => !!path)
  return candidates.find((path) => existsSync(path))
}
