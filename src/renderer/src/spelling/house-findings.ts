import { useEffect, useState } from 'react'
import type { Finding } from '@shared/checks'
import type { SpeltStory } from '@shared/spelling/findings'
import { spellingRuns, styleBookFindings } from '@shared/spelling/findings'
import type { SpellingSnapshot } from './snapshot'
import { spelling } from './service'

/** Grows when the house dictionary or style book changes (here or in another window). */
export function useHouseVersion(): number {
  const [version, setVersion] = useState(spelling.version)
  useEffect(() => {
    void spelling.start().then(() => setVersion(spelling.version))
    return spelling.subscribe(() => setVersion(spelling.version))
  }, [])
  return version
}

const FIELD_OF_LABEL: Record<string, 'headline' | 'standfirst'> = { Headline: 'headline', Standfirst: 'standfirst' }

/**
 * The Checks panel's spelling and style-book findings: the style book read now from the story as
 * it stands, misspellings as the spelling layer last found them (the worker's answer). A word the
 * style book names is reported once, as a style-book breach with its fix.
 */
export function houseFindingsNow(story: SpeltStory, snapshot: SpellingSnapshot | null): Finding[] {
  const book = spelling.house.styleBook
  const style = styleBookFindings(spellingRuns(story), book)
  if (!snapshot) return style
  const banned = new Set(book.map((e) => e.form.toLowerCase()))
  const found: Finding[] = []
  const add = (
    field: Finding['where']['field'],
    block: number | undefined,
    word: string,
    offset: number,
    part = '',
  ) => {
    if (banned.has(word.toLowerCase())) return
    found.push({
      rule: 'spelling',
      severity: 'warning',
      message: `Not in the dictionary: “${word}”${part}.`,
      excerpt: word,
      where:
        field === 'picture'
          ? { field }
          : block === undefined
            ? { field, offset, length: word.length }
            : { field, block, offset, length: word.length },
    })
  }
  for (const [label, { misspellings }] of snapshot.fields) {
    const field = FIELD_OF_LABEL[label]
    for (const m of misspellings)
      if (field) add(field, undefined, m.word, m.offset)
      else add('picture', undefined, m.word, m.offset, ` (in the ${label.toLowerCase()})`)
  }
  for (const [block, misspellings] of snapshot.body) for (const m of misspellings) add('body', block, m.word, m.offset)
  return [...style, ...found]
}
