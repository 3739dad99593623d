// electron-builder beforePack: the packaged app gets better-sqlite3 built for Electron and the
// target architecture (npmRebuild is off so node_modules keeps the Node build tests use).
const { execFileSync } = require('node:child_process')
const { join } = require('node:path')

const ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

exports.default = async function beforePack(context) {
  execFileSync(process.execPath, [join(__dirname, 'electron-native.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, COPYDESK_ARCH: ARCH[context.arch] ?? process.arch },
  })
}
