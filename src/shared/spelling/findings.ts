import { bodyRuns } from '../body-text'
import type { Finding, FindingWhere } from '../checks'
import { clip } from '../checks/rule'
import type { StoryFields } from '../story'
import { editDistance, isCapitalised, type SpellChecker } from './checker'
import { styleBreaches, type StyleEntry } from './style-book'

/** What spelling reads of a story. */
export type SpeltStory = Pick<StoryFields, 'headline' | 'standfirst' | 'leadPicture' | 'body'>

/** A stretch of the story's words that spelling reads: its place, for findings, and its text. */
export interface SpellRun {
  where: FindingWhere
  /** How a finding names the place when the field alone does not ("caption", "credit"). */
  part?: 'caption' | 'credit'
  text: string
}

/**
 * Every field spelling reads, in reading order: headline, standfirst, the body's blocks, then
 * the pictures' captions and credits (their offsets count in the caption or credit itself).
 */
export function spellingRuns(story: SpeltStory): SpellRun[] {
  const runs: SpellRun[] = [
    { where: { field: 'headline' }, text: story.headline },
    { where: { field: 'standfirst' }, text: story.standfirst },
    ...bodyRuns(story.body).map((run) => ({ where: { field: 'body' as const, block: run.block! }, text: run.text })),
  ]
  const pictures: { where: FindingWhere; caption: string; credit: string }[] = []
  if (story.leadPicture) pictures.push({ where: { field: 'picture' }, ...story.leadPicture })
  story.body.root.children.forEach((block, index) => {
    if (block.type === 'picture') pictures.push({ where: { field: 'picture', block: index }, ...block })
  })
  for (const p of pictures) {
    runs.push({ where: p.where, part: 'caption', text: p.caption })
    runs.push({ where: p.where, part: 'credit', text: p.credit })
  }
  return runs
}

/** Where a finding is: the run's place with the words' offset (pictures are named by block alone). */
function at(run: SpellRun, offset: number, length: number): FindingWhere {
  return run.where.field === 'picture' ? run.where : { ...run.where, offset, length }
}

const inPart = (run: SpellRun) => (run.part ? ` (in the ${run.part})` : '')

export function styleBookFindings(runs: readonly SpellRun[], book: readonly StyleEntry[]): Finding[] {
  if (!book.length) return []
  return runs.flatMap((run) =>
    styleBreaches(run.text, book).map((breach): Finding => {
      const why = breach.entry.note ? ` ${breach.entry.note}` : ''
      const finding: Finding = {
        rule: 'style-book',
        severity: 'warning',
        message: breach.replacement
          ? `House style is “${breach.replacement}”, not “${breach.found}”${inPart(run)}.${why}`
          : `House style: not “${breach.found}”${inPart(run)}.${why}`,
        excerpt: clip(breach.found),
        where: at(run, breach.offset, breach.length),
      }
      if (breach.replacement !== null && run.where.field !== 'picture')
        finding.fix = { replacement: breach.replacement }
      return finding
    }),
  )
}

export interface SpellingFindingOptions {
  /** Words the editor chose to let stand in this story. */
  ignored?: ReadonlySet<string>
  /** Words the style book already reports: one finding for a slip is enough. */
  skip?: ReadonlySet<string>
  /** Give the first misspellings' suggestions in the message (the CLI); suggestions cost a dictionary walk each. */
  suggestFor?: number
  names?: readonly string[]
}

export function spellingFindings(
  runs: readonly SpellRun[],
  checker: SpellChecker,
  options: SpellingFindingOptions = {},
): Finding[] {
  let suggestionsLeft = options.suggestFor ?? 0
  return runs.flatMap((run) =>
    checker
      .misspellings(run.text, options.ignored)
      .filter((m) => !options.skip?.has(m.word.toLowerCase()))
      .map((m): Finding => {
        const finding: Finding = {
          rule: 'spelling',
          severity: 'warning',
          message: `Not in the dictionary: “${m.word}”${inPart(run)}.`,
          excerpt: m.word,
          where: at(run, m.offset, m.length),
        }
        if (suggestionsLeft-- > 0) {
          const suggestions = checker.suggest(m.word, options.names)
          finding.message += suggestions.length ? ` Perhaps: ${suggestions.slice(0, 3).join(', ')}.` : ''
          // A sure fix only: a near miss of a common word. A name the dictionary lacks is the desk's call.
          const best = suggestions[0]
          if (best && run.where.field !== 'picture' && !isCapitalised(m.word) && editDistance(best, m.word) <= 2)
            finding.fix = { replacement: best }
        }
        return finding
      }),
  )
}

/** Style-book breaches, then misspellings that are not already breaches, in one list. */
export function houseFindings(
  story: SpeltStory,
  checker: SpellChecker | null,
  book: readonly StyleEntry[],
  options: SpellingFindingOptions = {},
): Finding[] {
  const runs = spellingRuns(story)
  const style = styleBookFindings(runs, book)
  if (!checker) return style
  const skip = new Set(book.map((e) => e.form.toLowerCase()))
  return [...style, ...spellingFindings(runs, checker, { ...options, skip })]
}
