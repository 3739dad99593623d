import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliCommands, USAGE } from './commands'
import { readmeCliSection, README_BEGIN, README_END, withCliSection } from './readme'

const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8')

describe('the CLI documentation', () => {
  it("README's CLI section is the one the command list makes (run npm run docs:cli after changing it)", () => {
    expect(withCliSection(readme)).toBe(readme)
  })

  it('names every command, in the usage text and in the README', () => {
    const section = readme.slice(readme.indexOf(README_BEGIN), readme.indexOf(README_END))
    for (const { synopsis } of cliCommands) {
      expect(USAGE).toContain(`  ${synopsis}`)
      expect(section).toContain(`  ${synopsis}`)
    }
    expect(readmeCliSection()).toContain(section.slice(README_BEGIN.length).trim())
  })
})
