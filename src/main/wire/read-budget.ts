import { MAX_BLOCKS } from '../../shared/limits'
import { WireError } from './errors'

/**
 * How much of a wire file is read before it is refused. A story holds at most MAX_BLOCKS blocks
 * (shared/limits.ts), but the readers used to build every paragraph of a file before that limit
 * was checked: a 16 MB text file of 2.5 million short paragraphs took a 512 MB heap and ran it out
 * of memory. Each reader now counts what it collects as it goes and stops as soon as the story
 * could no longer be saved, so a file costs at most about this much memory, whatever its size.
 */

/**
 * Paragraphs read for one story. A little over the blocks a story holds: the readers drop some of
 * what they read (a scraped page's head and related list, site furniture, "___" dividers), so a
 * story at the limit is still read whole.
 */
export const MAX_BLOCKS_READ = MAX_BLOCKS + 1_000

/**
 * Paragraphs read from one file, all its stories together: a ninjs list or a NewsML-G2 message of
 * a thousand stories, each under the story limit, must not hold twenty million blocks in memory
 * at once. Real copy is hundreds of bytes a paragraph; this is 100 bytes each over a 20 MB file.
 */
export const MAX_BLOCKS_READ_PER_FILE = 200_000

/**
 * Elements of markup built into a tree from one document or HTML body (NITF, NewsML, ninjs
 * body_html). The densest real wire copy has one element per 70 bytes or so, under 300,000 in a
 * 20 MB file; a tree of them takes about 100 MB. A file of millions of `<p>`s stops here.
 */
export const MAX_MARKUP_ELEMENTS = 300_000

const en = (n: number) => n.toLocaleString('en')

/** Blocks read from the file being read by readingFile, or undefined outside one (a reader called alone, in a test). */
let readFromFile: number | undefined

/** Read one file's stories with a count of paragraphs of its own. Called by parseWire. */
export function readingFile<T>(read: () => T): T {
  readFromFile = 0
  try {
    return read()
  } finally {
    readFromFile = undefined
  }
}

/**
 * One more block collected: `inStory` is how many the story being read has now. Throws, in words,
 * once the story (or the file) could no longer be saved, so the reader stops there.
 */
export function blockRead(inStory: number): void {
  if (inStory > MAX_BLOCKS_READ) {
    throw new WireError(
      `the story has more than ${en(MAX_BLOCKS_READ)} paragraphs; a story holds at most ${en(MAX_BLOCKS)} blocks (split it into parts)`,
    )
  }
  if (readFromFile !== undefined && ++readFromFile > MAX_BLOCKS_READ_PER_FILE) {
    throw new WireError(
      `its stories hold more than ${en(MAX_BLOCKS_READ_PER_FILE)} paragraphs in all; Copydesk reads at most that many from one file (split the file)`,
    )
  }
}

/** Throws, in words, when a markup tree passes MAX_MARKUP_ELEMENTS elements. */
export function elementRead(count: number): void {
  if (count > MAX_MARKUP_ELEMENTS) {
    throw new WireError(
      `it holds more than ${en(MAX_MARKUP_ELEMENTS)} elements of markup (paragraphs, links, formatting); a story holds at most ${en(MAX_BLOCKS)} blocks and no wire file needs that many (split it into parts)`,
    )
  }
}

/**
 * Lines of a line-based wire story (ANPA 1312, IPTC 7901) split into a list. A story at every limit
 * wrapped at 60 columns is under 100,000 lines; a list of millions of lines takes hundreds of
 * megabytes before a paragraph is made, so the lines are counted (cheaply, without splitting) first.
 */
export const MAX_LINES_READ = 500_000

/** Throws, in words, when the text has more than MAX_LINES_READ lines. */
export function assertLinesWithin(text: string): void {
  let lines = 1
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (++lines > MAX_LINES_READ) {
      throw new WireError(
        `it has more than ${en(MAX_LINES_READ)} lines; a story holds at most ${en(MAX_BLOCKS)} blocks, and Copydesk reads at most ${en(MAX_LINES_READ)} lines of one (split it into parts)`,
      )
    }
  }
}
