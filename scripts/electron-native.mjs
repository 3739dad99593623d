#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/, beside (not over) the Node build
// that tests and the CLI use. The app passes this file to better-sqlite3 as `nativeBinding`
// (src/main/shell/native-binding.ts). Runs before `npm start` and at pack time; it needs the
// network (Electron's prebuilt addon or headers), so on an offline machine it explains and stops.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arch = process.env.COPYDESK_ARCH || process.arch
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')).version
const outDir = join(root, 'native', 'electron')
const stamp = `electron ${electronVersion} ${process.platform}-${arch} better-sqlite3 ${sqliteVersion}`
const stampFile = join(outDir, 'BUILT_FOR')

if (
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8').trim() === stamp &&
  existsSync(join(outDir, 'better_sqlite3.node'))
) {
  process.exit(0)
}

const work = mkdtempSync(join(tmpdir(), 'copydesk-native-'))
const pkg = join(work, 'better-sqlite3')
cpSync(join(root, 'node_modules/better-sqlite3'), pkg, {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
})
// node-gyp must fetch Electron's headers, not reuse the Node headers a machine may point it at.
const env = {
  ...process.env,
  npm_config_nodedir: '',
  npm_config_runtime: 'electron',
  npm_config_target: electronVersion,
  npm_config_arch: arch,
  npm_config_disturl: 'https://electronjs.org/headers',
}
delete env.npm_config_nodedir
const bin = (name) => join(root, 'node_modules', '.bin', name)
try {
  try {
    execFileSync(bin('prebuild-install'), ['--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`], {
      cwd: pkg,
      env,
      stdio: 'inherit',
    })
  } catch {
    execFileSync(
      bin('node-gyp'),
      [
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: pkg, env, stdio: 'inherit' },
    )
  }
  mkdirSync(outDir, { recursive: true })
  cpSync(join(pkg, 'build/Release/better_sqlite3.node'), join(outDir, 'better_sqlite3.node'))
  writeFileSync(stampFile, stamp + '\n')
  console.log(`better-sqlite3 built for ${stamp} in native/electron/`)
} catch (error) {
  console.error(
    `\nCopydesk: could not get better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch}).\n` +
      'This step needs the network (a prebuilt addon from GitHub or Electron headers from electronjs.org).\n' +
      'Tests and the copydesk CLI do not need it; the desktop app does. See docs/architecture.md.\n',
  )
  process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
