import { runCli } from './cli/run'

// The entry of `copydesk` (bin/copydesk.cjs loads the built copy of this file).
// Most commands finish at once; backup settles later (SQLite's online backup runs in steps).
void Promise.resolve(
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  }),
).then((code) => {
  process.exitCode = code
})
