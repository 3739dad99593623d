import { commandLines } from './commands'

/** The README's CLI section is generated between these markers (npm run docs:cli). */
export const README_BEGIN = '<!-- cli:begin (generated from src/main/cli/commands.ts by npm run docs:cli) -->'
export const README_END = '<!-- cli:end -->'

/** The section as the command list says it should read. */
export function readmeCliSection(): string {
  return ['```', 'copydesk [--library PATH] <command> [options]', '', commandLines(), '```'].join('\n')
}

/** The README with its CLI section replaced by the generated one; throws when the markers are missing. */
export function withCliSection(readme: string): string {
  const begin = readme.indexOf(README_BEGIN)
  const end = readme.indexOf(README_END)
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${README_BEGIN} ... ${README_END} markers`)
  // Blank lines around the block, as Prettier keeps Markdown.
  return `${readme.slice(0, begin + README_BEGIN.length)}\n\n${readmeCliSection()}\n\n${readme.slice(end)}`
}
