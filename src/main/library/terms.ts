/**
 * Words as the search index sees them (FTS5's unicode61 tokenizer with remove_diacritics 2): runs
 * of letters and digits, lower case, accents off Latin letters. Related-story suggestions pick a
 * story's distinctive terms in JavaScript and look each one up in the index, so both must agree.
 */
export const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu

const ASCII = /^[A-Za-z0-9]*$/

export function foldTerm(token: string): string {
  // Most words in news copy are plain ASCII: lower-casing is all the folding they need (and far cheaper).
  if (ASCII.test(token)) return token.toLowerCase()
  return token
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
}

/**
 * Words too common in news copy to say what a story is about. The index would rank them low
 * anyway; leaving them out saves reading their long lists of stories.
 */
// prettier-ignore
const STOPWORDS = new Set([
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'around', 'as',
  'at', 'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'could', 'did',
  'do', 'does', 'doing', 'down', 'during', 'each', 'even', 'ever', 'every', 'few', 'for', 'from', 'further', 'had',
  'has', 'have', 'having', 'he', 'her', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'how', 'however', 'i',
  'if', 'in', 'into', 'is', 'it', 'its', 'itself', 'just', 'last', 'least', 'less', 'like', 'made', 'make', 'many',
  'may', 'me', 'might', 'more', 'most', 'mr', 'mrs', 'ms', 'much', 'must', 'my', 'near', 'new', 'no', 'nor', 'not',
  'now', 'of', 'off', 'on', 'once', 'one', 'only', 'or', 'other', 'our', 'ours', 'out', 'over', 'own', 'per', 'said',
  'same', 'say', 'says', 'she', 'should', 'since', 'so', 'some', 'still', 'such', 'than', 'that', 'the', 'their',
  'theirs', 'them', 'themselves', 'then', 'there', 'these', 'they', 'this', 'those', 'though', 'through', 'to', 'told',
  'too', 'two', 'under', 'until', 'up', 'upon', 'us', 'very', 'was', 'we', 'week', 'were', 'what', 'when', 'where',
  'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'within', 'without', 'would', 'year',
  'years', 'yet', 'you', 'your', 'yours',
])

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term)
}

/** Worth looking up: not a stopword, not a bare number, at least three characters. */
export function isContentTerm(term: string): boolean {
  return term.length >= 3 && !STOPWORDS.has(term) && !/^\p{N}+$/u.test(term)
}

const SENTENCE_OPENERS = new Set(['.', '!', '?', ':', '"', '“', '‘', "'", '(', '\n'])

function isCapital(token: string): boolean {
  const first = token[0]!
  return first !== first.toLowerCase()
}

/** The word at `index` begins the text or a sentence (after . ! ? : an opening quote, a new line). */
function startsSentence(text: string, index: number): boolean {
  let i = index - 1
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--
  return i < 0 || SENTENCE_OPENERS.has(text[i]!)
}

export interface TermCount {
  /** Occurrences, weighted by where they are (headline counts most) and by looking like a name. */
  weight: number
  /** Capitalised in mid-sentence at least once: a person, place or organisation. */
  name: boolean
}

/**
 * Count a text's content terms into `counts`. A capitalised word that does not start a sentence
 * is most likely a name (Zelensky, Kyiv, Pentagon), and names are what related stories share,
 * so it counts double.
 */
export function countTerms(text: string, fieldWeight: number, counts: Map<string, TermCount>): void {
  for (const match of text.matchAll(TOKEN)) {
    const term = foldTerm(match[0])
    if (!isContentTerm(term)) continue
    const name = isCapital(match[0]) && !startsSentence(text, match.index)
    const count = counts.get(term) ?? { weight: 0, name: false }
    count.weight += fieldWeight * (name ? 2 : 1)
    count.name ||= name
    counts.set(term, count)
  }
}

/** The distinct content terms of a short text (a headline), in order of first appearance. */
export function contentTerms(text: string): string[] {
  const seen = new Set<string>()
  for (const match of text.matchAll(TOKEN)) {
    const term = foldTerm(match[0])
    if (isContentTerm(term)) seen.add(term)
  }
  return [...seen]
}
