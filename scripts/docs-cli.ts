// npm run docs:cli: write the README's CLI section from the command list (src/main/cli/commands.ts).
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { withCliSection } from '../src/main/cli/readme'

const file = resolve(import.meta.dirname, '../README.md')
const before = readFileSync(file, 'utf8')
const after = withCliSection(before)
if (after !== before) writeFileSync(file, after)
console.log(after === before ? 'README.md: the CLI section is up to date' : 'README.md: CLI section rewritten')
