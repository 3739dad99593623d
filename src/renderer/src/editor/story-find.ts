import type { Byline, Picture } from '@shared/story'
import type { FindOptions } from './find'

/** Where find and replace looks: the whole story, or one part of it. */
export const findScopes = ['story', 'headline', 'standfirst', 'bylines', 'body', 'pictures'] as const
export type FindScope = (typeof findScopes)[number]
export const SCOPE_LABELS: Record<FindScope, string> = {
  story: 'Whole story',
  headline: 'Headline',
  standfirst: 'Standfirst',
  bylines: 'Bylines',
  body: 'Body',
  pictures: 'Captions, credits, alt text',
}

/** The story's words outside the body editor that find and replace reaches. */
export interface PlainFields {
  headline: string
  standfirst: string
  bylines: Byline[]
  leadPicture: Picture | null
}

/** A part of the story the count is given for (the body's pictures count under pictures). */
export type CountedPart = Exclude<FindScope, 'story'>

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const WORD_EDGE = "[\\p{L}\\p{N}_'’]"

/** The same matching as the body's (find.ts): case and whole word as asked, the query taken literally. */
export function queryPattern(query: string, options: FindOptions): RegExp | null {
  if (!query) return null
  const body = escape(query)
  return new RegExp(
    options.wholeWord ? `(?<!${WORD_EDGE})${body}(?!${WORD_EDGE})` : body,
    options.matchCase ? 'gu' : 'giu',
  )
}

export function countIn(text: string, pattern: RegExp | null): number {
  if (!pattern) return 0
  let n = 0
  for (const _ of text.matchAll(pattern)) n++
  return n
}

/** The text with every match replaced (the replacement taken literally, never as $1), and how many were. */
export function replaceIn(text: string, pattern: RegExp | null, replacement: string): { text: string; count: number } {
  const count = countIn(text, pattern)
  if (!pattern || !count) return { text, count: 0 }
  return { text: text.replace(pattern, () => replacement), count }
}

export const inScope = (scope: FindScope, part: CountedPart) => scope === 'story' || scope === part

const pictureTexts = (p: Picture) => [p.caption, p.credit, p.alt]

/** Matches in the plain fields, per part (the body is counted by the editor). */
export function countPlain(
  fields: PlainFields,
  pattern: RegExp | null,
  scope: FindScope,
): Partial<Record<CountedPart, number>> {
  const counts: Partial<Record<CountedPart, number>> = {}
  if (inScope(scope, 'headline')) counts.headline = countIn(fields.headline, pattern)
  if (inScope(scope, 'standfirst')) counts.standfirst = countIn(fields.standfirst, pattern)
  if (inScope(scope, 'bylines')) counts.bylines = fields.bylines.reduce((n, b) => n + countIn(b.name, pattern), 0)
  if (inScope(scope, 'pictures') && fields.leadPicture) {
    counts.pictures = pictureTexts(fields.leadPicture).reduce((n, t) => n + countIn(t, pattern), 0)
  }
  return counts
}

/** A picture's caption, credit and alt with every match replaced. */
export function replaceInPicture(picture: Picture, pattern: RegExp | null, replacement: string) {
  const caption = replaceIn(picture.caption, pattern, replacement)
  const credit = replaceIn(picture.credit, pattern, replacement)
  const alt = replaceIn(picture.alt, pattern, replacement)
  return {
    picture: { ...picture, caption: caption.text, credit: credit.text, alt: alt.text },
    count: caption.count + credit.count + alt.count,
  }
}

/** The plain fields with every match in scope replaced: only the fields that changed, and the count per part. */
export function replacePlain(
  fields: PlainFields,
  pattern: RegExp | null,
  replacement: string,
  scope: FindScope,
): { changes: Partial<PlainFields>; counts: Partial<Record<CountedPart, number>> } {
  const changes: Partial<PlainFields> = {}
  const counts: Partial<Record<CountedPart, number>> = {}
  if (inScope(scope, 'headline')) {
    const r = replaceIn(fields.headline, pattern, replacement)
    if (r.count) {
      changes.headline = r.text
      counts.headline = r.count
    }
  }
  if (inScope(scope, 'standfirst')) {
    const r = replaceIn(fields.standfirst, pattern, replacement)
    if (r.count) {
      changes.standfirst = r.text
      counts.standfirst = r.count
    }
  }
  if (inScope(scope, 'bylines')) {
    let n = 0
    const bylines = fields.bylines.map((b) => {
      const r = replaceIn(b.name, pattern, replacement)
      n += r.count
      return r.count && r.text.trim() ? { ...b, name: r.text } : b
    })
    if (n) {
      changes.bylines = bylines
      counts.bylines = n
    }
  }
  if (inScope(scope, 'pictures') && fields.leadPicture) {
    const r = replaceInPicture(fields.leadPicture, pattern, replacement)
    if (r.count) {
      changes.leadPicture = r.picture
      counts.pictures = r.count
    }
  }
  return { changes, counts }
}

/** "headline 1, body 3, captions 1": the count per part, in the story's order, parts with none left out. */
export function describeCounts(counts: Partial<Record<CountedPart, number>>): string {
  return findScopes
    .filter((s): s is CountedPart => s !== 'story' && !!counts[s])
    .map((s) => `${SCOPE_LABELS[s].split(',')[0]!.toLowerCase()} ${counts[s]}`)
    .join(', ')
}
