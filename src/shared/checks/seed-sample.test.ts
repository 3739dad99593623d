import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bodyFromParagraphs } from '../body'
import { runChecks } from './index'
import { blankStoryFields } from '../story'

// Real wire copy by other people: read from beside the repository, never copied into it.
const SAMPLE = fileURLToPath(new URL('../../../../shared/samples/000_30a9b267f3936a89.txt', import.meta.url))
const present = existsSync(SAMPLE)

describe('the checks on the seed sample', () => {
  it.skipIf(!present)(
    `finds the slips a tired eye misses (sample: ${present ? 'present' : `absent at ${SAMPLE}`})`,
    () => {
      const [headline, ...paragraphs] = readFileSync(SAMPLE, 'utf8').split(/\n\s*\n/)
      const findings = runChecks({
        ...blankStoryFields(),
        headline: headline!.trim(),
        standfirst: '',
        bylines: [{ name: 'Press Association', kind: 'agency' }],
        dateline: { date: '2023-11-20T15:34' },
        leadPicture: null,
        body: bodyFromParagraphs(paragraphs),
      })
      const found = findings.map((f) => [f.rule, f.excerpt])
      expect(found).toContainEqual(['unpaired-quote', '“We count on your support,“'])
      expect(found).toContainEqual(['honorific-without-name', 'Mr posted'])
      expect(found).toContainEqual(['comparison-without-than', 'more 44 billion'])
      expect(found).toContainEqual(['name-variants', 'Zelenskyy'])
      expect(findings.find((f) => f.rule === 'name-variants')!.message).toMatch(
        /"Zelensky" \(\d times\) and "Zelenskyy"/,
      )
      // Fred Kagan's quote runs over two paragraphs with the convention's marks: no alarm for it.
      expect(findings.filter((f) => f.rule === 'unpaired-quote')).toHaveLength(1)
    },
  )
})
