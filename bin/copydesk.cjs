#!/usr/bin/env node
// The copydesk CLI: the built src/main/cli.ts. `npm run build` makes out/main/cli.js.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const built = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(built)) {
  process.stderr.write('copydesk: not built yet; run `npm run build` in ' + join(__dirname, '..') + '\n')
  process.exit(2)
}
require(built)
