import { runCli } from './cli/run'

// The entry of `copydesk` (bin/copydesk.cjs loads the built copy of this file).
process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
})
