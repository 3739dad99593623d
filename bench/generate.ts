import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  bodyOf,
  headingNode,
  listNode,
  paragraphNode,
  quoteNode,
  textNode,
  type BlockNode,
  type Body,
} from '../src/shared/body'
import { slugify } from '../src/shared/slug'
import type {
  Byline,
  Dateline,
  Picture,
  RelatedEntry,
  StoryFields,
  StorySource,
  StoryStatus,
} from '../src/shared/story'
import { openLibrary } from '../src/main/library'
import { insertStory } from '../src/main/library/stories'
import {
  agencies,
  attributions,
  conjunctions,
  determiners,
  firstNames,
  generalAdjectives,
  generalNouns,
  generalVerbsPast,
  headlineVerbs,
  nameSyllables,
  organisations,
  pictureCredits,
  places,
  prepositions,
  relatedSites,
  reporterTitles,
  surnames,
  titles,
  topics,
  units,
  type Topic,
} from './vocabulary'

/** Bump when the generator's output changes: cached libraries are keyed by it. */
export const GENERATOR_VERSION = 3

export const FULL_SIZE = 100_000
export const QUICK_SIZE = 5_000

/* ---------- randomness: seeded, so every run and every machine builds the same library ---------- */

export interface Rng {
  (): number
}

/** mulberry32: small, fast and good enough to pick words. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))
const chance = (rng: Rng, p: number) => rng() < p

/** Early entries far more often than late ones (a Zipf-like skew), as words are in real copy. */
function pick<T>(rng: Rng, list: readonly T[]): T {
  const r = rng()
  return list[Math.floor(r * r * list.length)]!
}

function uniform<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * Words in generated text. Every space-separated token holds letters or digits, so this equals
 * countWords from src/shared/body.ts (the test checks it) at a fraction of the cost.
 */
function tokens(text: string): number {
  let n = 1
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++
  return n
}

/** "an" before a vowel sound, as a sub would fix it. */
function article(word: string): string {
  return /^[aeio]/i.test(word) ? 'an' : 'a'
}

/* ---------- names, places, phrases ---------- */

/** A surname from syllables: the long tail of names that appear in a handful of stories. */
function rareSurname(rng: Rng): string {
  let name = uniform(rng, nameSyllables)
  const parts = int(rng, 1, 2)
  for (let i = 0; i < parts; i++) name += uniform(rng, nameSyllables)
  return capital(name)
}

function surname(rng: Rng): string {
  return chance(rng, 0.35) ? rareSurname(rng) : uniform(rng, surnames)
}

function personName(rng: Rng): string {
  return `${uniform(rng, firstNames)} ${surname(rng)}`
}

function place(rng: Rng): string {
  return chance(rng, 0.2)
    ? `${rareSurname(rng)}${uniform(rng, ['ton', 'bury', 'field', 'mouth', ' Cross'])}`
    : pick(rng, places)
}

/**
 * What a story is about: one subject, sometimes with a second (a strike is health and economy).
 * Most content words come from it, which gives search realistic document frequencies.
 */
export interface Subject {
  main: Topic
  other: Topic
  /** The story's cast: a news story comes back to the same few people, places and bodies. */
  people: string[]
  places: string[]
  organisations: string[]
}

function subjectOf(rng: Rng): Subject {
  const main = uniform(rng, topics)
  const other = chance(rng, 0.3) ? uniform(rng, topics) : main
  const cast = (count: number, make: () => string) => Array.from({ length: count }, make)
  return {
    main,
    other,
    people: cast(int(rng, 2, 6), () => personName(rng)),
    places: cast(int(rng, 1, 3), () => place(rng)),
    organisations: cast(int(rng, 2, 3), () => pick(rng, chance(rng, 0.75) ? main.organisations : organisations)),
  }
}

function topicOf(rng: Rng, subject: Subject): Topic {
  return chance(rng, 0.8) ? subject.main : subject.other
}

function noun(rng: Rng, subject: Subject): string {
  return chance(rng, 0.75) ? pick(rng, topicOf(rng, subject).nouns) : pick(rng, generalNouns)
}

function organisation(rng: Rng, subject: Subject): string {
  return uniform(rng, subject.organisations)
}

function nounPhrase(rng: Rng, subject: Subject): string {
  const roll = rng()
  if (roll < 0.1) return uniform(rng, subject.people)
  if (roll < 0.17) return uniform(rng, subject.places)
  if (roll < 0.24) return organisation(rng, subject)
  const topic = topicOf(rng, subject)
  const adjective = chance(rng, 0.4)
    ? (chance(rng, 0.5) ? pick(rng, topic.adjectives) : pick(rng, generalAdjectives)) + ' '
    : ''
  const head = noun(rng, subject)
  const determiner = pick(rng, determiners)
  return `${determiner === 'a' ? article(adjective || head) : determiner} ${adjective}${head}`
}

function number(rng: Rng): string {
  const roll = rng()
  if (roll < 0.3) return `${int(rng, 2, 99)} ${uniform(rng, units)}`
  if (roll < 0.5) return `£${int(rng, 1, 950)}m`
  if (roll < 0.7) return `${int(rng, 2, 12)}.${int(rng, 1, 9)} ${uniform(rng, units)}`
  return `${int(rng, 1990, 2026)}`
}

function verb(rng: Rng, subject: Subject): string {
  return chance(rng, 0.5) ? pick(rng, topicOf(rng, subject).verbs) : pick(rng, generalVerbsPast)
}

function clause(rng: Rng, subject: Subject): string {
  let out = `${nounPhrase(rng, subject)} ${verb(rng, subject)} ${nounPhrase(rng, subject)}`
  if (chance(rng, 0.6)) {
    out += ` ${pick(rng, prepositions)} ${chance(rng, 0.25) ? number(rng) : nounPhrase(rng, subject)}`
  }
  if (chance(rng, 0.3)) out += ` ${pick(rng, prepositions)} ${nounPhrase(rng, subject)}`
  return out
}

/** Copy says "said", mostly; "told the BBC" is the exception, not the rule. */
function attribution(rng: Rng): string {
  return chance(rng, 0.85) ? 'said' : uniform(rng, attributions)
}

function speaker(rng: Rng, subject: Subject): string {
  const title = chance(rng, 0.85) ? pick(rng, topicOf(rng, subject).titles) : uniform(rng, titles)
  return `${uniform(rng, subject.people)}, ${title} ${pick(rng, ['of', 'at'])} ${organisation(rng, subject)}`
}

function sentence(rng: Rng, subject: Subject): string {
  const roll = rng()
  if (roll < 0.2) {
    return `“${capital(clause(rng, subject))},” ${speaker(rng, subject)}, ${attribution(rng)}.`
  }
  let text = capital(clause(rng, subject))
  if (chance(rng, 0.45)) text += ` ${pick(rng, conjunctions)} ${clause(rng, subject)}`
  if (chance(rng, 0.3)) text += `, ${organisation(rng, subject)} ${attribution(rng)}`
  return `${text}.`
}

/** The sentence under the headline: always a full one, never three words. */
function standfirst(rng: Rng, subject: Subject): string {
  return `${capital(clause(rng, subject))} ${pick(rng, conjunctions)} ${clause(rng, subject)}.`
}

/** News paragraphs are short: one to three sentences. */
function paragraphText(rng: Rng, subject: Subject): string {
  const count = int(rng, 1, 3)
  const sentences: string[] = []
  for (let i = 0; i < count; i++) sentences.push(sentence(rng, subject))
  return sentences.join(' ')
}

export function headline(rng: Rng, subject: Subject = subjectOf(rng)): string {
  const topic = subject.main
  const opener = chance(rng, 0.5) ? uniform(rng, subject.places) : capital(pick(rng, topic.nouns))
  const tail = chance(rng, 0.5)
    ? `${pick(rng, conjunctions)} ${noun(rng, subject)} ${pick(rng, headlineVerbs)}`
    : `${pick(rng, prepositions)} ${pick(rng, topic.adjectives)} ${pick(rng, topic.nouns)}`
  return `${opener} ${pick(rng, topic.nouns)} ${pick(rng, headlineVerbs)} ${noun(rng, subject)} ${tail}`
}

/** The newsroom's own reporters: the same eighty names sign the staff-written copy. */
const reporters = (() => {
  const rng = seededRng(80)
  return Array.from({ length: 80 }, () => ({ name: personName(rng), title: pick(rng, reporterTitles) }))
})()

function bylinesOf(rng: Rng): { bylines: Byline[]; agency: (typeof agencies)[number] | null } {
  if (chance(rng, 0.35)) {
    const agency = pick(rng, agencies)
    return { bylines: [{ name: agency.name, kind: 'agency' }], agency }
  }
  const first = uniform(rng, reporters)
  const bylines: Byline[] = [{ name: first.name, kind: 'person', title: first.title }]
  const second = uniform(rng, reporters)
  if (chance(rng, 0.2) && second !== first) bylines.push({ name: second.name, kind: 'person' })
  return { bylines, agency: null }
}

function picture(rng: Rng, subject: Subject, credit: string): Picture {
  const caption = `${capital(nounPhrase(rng, subject))} ${pick(rng, prepositions)} ${uniform(rng, subject.places)} on ${uniform(rng, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])}.`
  const alt = `${capital(nounPhrase(rng, subject))} ${pick(rng, prepositions)} ${nounPhrase(rng, subject)}`
  return { alt, caption, credit }
}

function pictureBlock(rng: Rng, subject: Subject): BlockNode {
  return { type: 'picture', version: 1, ...picture(rng, subject, pick(rng, pictureCredits)) }
}

function paragraphWithLink(rng: Rng, text: string): BlockNode {
  const cut = text.indexOf(' ', Math.floor(text.length / 2))
  if (cut < 0) return paragraphNode(text)
  const rest = text.slice(cut + 1)
  const space = rest.indexOf(' ')
  const linked = space < 0 ? rest : rest.slice(0, space)
  const after = space < 0 ? '' : rest.slice(space)
  const link = {
    type: 'link' as const,
    url: `${uniform(rng, relatedSites)}${int(rng, 1000, 99999)}`,
    rel: 'noreferrer',
    target: null,
    title: null,
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    children: [textNode(linked)],
  }
  const paragraph = paragraphNode('')
  if (paragraph.type !== 'paragraph') return paragraph
  return { ...paragraph, children: [textNode(text.slice(0, cut + 1)), link, ...(after ? [textNode(after)] : [])] }
}

export interface BodyOptions {
  /** Only paragraphs and subheads: the typing benchmark loads the same body into bare editors. */
  plain?: boolean
}

/**
 * A body of about `target` words in news shape: short paragraphs, a subhead every so often, now
 * and then a quote, a list, a link or a picture.
 */
export function body(rng: Rng, target: number, subject: Subject, options: BodyOptions = {}): Body {
  const blocks: BlockNode[] = []
  let count = 0
  let sinceHeading = 0
  while (count < target) {
    if (blocks.length > 3 && sinceHeading > 6 && chance(rng, 0.15)) {
      const heading = headline(rng, subject)
        .split(' ')
        .slice(0, int(rng, 3, 6))
        .join(' ')
      const n = tokens(heading)
      if (count + n < target) {
        blocks.push(headingNode(heading))
        count += n
        sinceHeading = 0
      }
    }
    let text = paragraphText(rng, subject)
    let n = tokens(text)
    if (count + n > target) {
      const kept = text.split(' ').slice(0, Math.max(1, target - count))
      text = kept.join(' ').replace(/[,.;:“”]*$/, '') + '.'
      n = tokens(text)
      if (n === 0) break
    }
    sinceHeading++
    const roll = rng()
    if (!options.plain && roll < 0.03) blocks.push(quoteNode(text))
    else if (!options.plain && roll < 0.05) {
      const items = text.split(/(?<=\.) /).filter(Boolean)
      blocks.push(listNode(chance(rng, 0.5) ? 'bullet' : 'number', items))
    } else if (!options.plain && roll < 0.08) blocks.push(paragraphWithLink(rng, text))
    else blocks.push(paragraphNode(text))
    count += n
    if (!options.plain && blocks.length === 6 && chance(rng, 0.1)) blocks.push(pictureBlock(rng, subject))
  }
  return bodyOf(blocks)
}

/* ---------- stories ---------- */

export interface GeneratedStory {
  fields: StoryFields
  source: StorySource | null
  /** When it was filed: the library is spread over years, newest last. */
  at: Date
}

const FIRST_DAY = Date.UTC(2016, 0, 1)
const LAST_DAY = Date.UTC(2026, 10, 20)

function statusFor(rng: Rng, position: number): StoryStatus {
  // Old copy is published; the desk's work in progress is the most recent stories.
  if (position < 0.995) return chance(rng, 0.96) ? 'published' : 'ready'
  return uniform(rng, ['draft', 'editing', 'ready', 'published'] as const)
}

/** Earlier stories this one can link to (id and headline), supplied by the library builder. */
export type Earlier = (rng: Rng) => { id: number; headline: string } | null

/** Story number `index` of `total`: the same story for the same arguments, on every machine. */
export function generateStory(index: number, total: number, earlier: Earlier = () => null): GeneratedStory {
  const rng = seededRng(0x5eed ^ Math.imul(index + 1, 0x9e3779b1))
  const position = total > 1 ? index / (total - 1) : 1
  const at = new Date(FIRST_DAY + Math.floor(position * (LAST_DAY - FIRST_DAY)) + int(rng, 0, 3_600_000))
  const subject = subjectOf(rng)
  const title = headline(rng, subject)
  const { bylines, agency } = bylinesOf(rng)
  const where = subject.places[0]!
  const local = new Date(at.getTime() - int(rng, 0, 6) * 3_600_000).toISOString().slice(0, 16)
  const dateline: Dateline = { place: where.toUpperCase(), date: local, ...(agency ? { source: agency.short } : {}) }
  const related: RelatedEntry[] = []
  for (let i = int(rng, 0, 4); i > 0; i--) {
    const target = chance(rng, 0.8) ? earlier(rng) : null
    if (target) related.push({ headline: target.headline, storyId: target.id })
    else
      related.push({
        headline: headline(rng, subjectOf(rng)),
        url: `${uniform(rng, relatedSites)}${int(rng, 1000, 99999)}`,
      })
  }
  const fields: StoryFields = {
    slug: slugify(title),
    status: statusFor(rng, position),
    headline: title,
    standfirst: standfirst(rng, subject),
    bylines,
    dateline,
    leadPicture: chance(rng, 0.7) ? picture(rng, subject, agency?.short ?? pick(rng, pictureCredits)) : null,
    body: body(rng, int(rng, 600, 1500), subject),
    related,
  }
  const source: StorySource | null = agency
    ? {
        format: uniform(rng, ['nitf', 'newsml-g2', 'ninjs', 'iptc7901'] as const),
        agency: agency.short,
        importedAt: at.toISOString(),
      }
    : null
  return { fields, source, at }
}

/** A story of about `target` words with only paragraphs and subheads, for the typing benchmark. */
export function typingStory(target: number): StoryFields {
  const rng = seededRng(target)
  const subject = subjectOf(rng)
  const title = `Typing test: ${headline(rng, subject)}`
  return {
    slug: slugify(title),
    status: 'editing',
    headline: title,
    standfirst: standfirst(rng, subject),
    bylines: [{ name: personName(rng), kind: 'person' }],
    dateline: { place: 'LONDON', date: '2026-11-20T09:00' },
    leadPicture: null,
    body: body(rng, target, subject, { plain: true }),
    related: [],
  }
}

/* ---------- the cached library ---------- */

export function libraryFileFor(cacheDir: string, size: number): string {
  return join(cacheDir, `library-g${GENERATOR_VERSION}-${size}.sqlite`)
}

export interface BuildProgress {
  (done: number, total: number): void
}

/**
 * Story `index`'s headline without the rest of it: the same random draws as generateStory up to
 * the headline, so a story can link to an earlier one that another process generated.
 */
export function headlineOf(index: number): string {
  const rng = seededRng(0x5eed ^ Math.imul(index + 1, 0x9e3779b1))
  int(rng, 0, 3_600_000)
  return headline(rng, subjectOf(rng))
}

/** The earlier stories story `index` can link to: mostly recent ones, as a desk links to last week's coverage. */
function earlierFor(index: number, total: number, known: Map<number, string>): Earlier {
  return (rng) => {
    if (index === 0) return null
    const back = Math.min(index, 1 + Math.floor(rng() * rng() * 2000))
    const id = index - back + 1
    let title = known.get(id)
    if (title === undefined) known.set(id, (title = headlineOf(id - 1)))
    return { id, headline: title }
  }
}

/** Stories a transaction while building. */
const BUILD_BATCH = 10_000
/** Stories a shard: a library of more is generated by SHARD_PROCESSES processes at once. */
export const SHARD_STORIES = 50_000
const SHARD_PROCESSES = 3

/**
 * Stories `from` to `to` (indexes; story i gets id i + 1) of a `size`-story library, written into
 * their own library file through insertStory like every import, without the search index (it is
 * built once, at the end). Run in a process of its own (bench/generate-shard.ts) for large sizes.
 */
export function writeShard(file: string, from: number, to: number, size: number): void {
  const library = openLibrary(file)
  const { db } = library
  try {
    // A cache can be rebuilt, so skip the WAL and fsyncs while filling it: in rollback mode a
    // transaction on a new file journals next to nothing. (better-sqlite3's defensive mode refuses
    // journal_mode = OFF.)
    db.pragma('journal_mode = DELETE')
    db.pragma('synchronous = OFF')
    db.exec('DROP TRIGGER stories_ai; DROP TRIGGER stories_ad')
    // Ids follow on from the shards before: a placeholder row holds the one before this shard's first.
    if (from > 0) db.prepare("INSERT INTO stories (id, body, created_at, updated_at) VALUES (?, '', '', '')").run(from)
    const known = new Map<number, string>()
    const batch = db.transaction((first: number, last: number) => {
      for (let i = first; i < last; i++) {
        const story = generateStory(i, size, earlierFor(i, size, known))
        const saved = insertStory(db, story.fields, { source: story.source, now: story.at, reason: 'import' })
        known.set(saved.id, saved.headline)
        if (known.size > 4000) known.delete(known.keys().next().value!)
        if (saved.id !== i + 1) throw new Error(`expected story id ${i + 1}, got ${saved.id}`)
      }
    })
    for (let first = from; first < to; first += BUILD_BATCH) batch(first, Math.min(to, first + BUILD_BATCH))
    if (from > 0) db.prepare('DELETE FROM stories WHERE id = ?').run(from)
  } finally {
    library.close()
  }
}

/** The triggers that keep the search index on insert and delete, as the current schema makes them. */
function indexTriggerSql(): string {
  const scratch = openLibrary(':memory:')
  try {
    const rows = scratch.db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('stories_ai', 'stories_ad')")
      .all() as { sql: string }[]
    if (rows.length !== 2) throw new Error('the schema has no search-index triggers to restore')
    return rows.map((row) => `${row.sql};`).join('\n')
  } finally {
    scratch.close()
  }
}

function writeShardInProcess(file: string, from: number, to: number, size: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'generate-shard.ts'), file, String(from), String(to), String(size)],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    )
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`generating stories ${from}-${to} failed (exit ${code})`)),
    )
  })
}

/**
 * Build (once) a library of `size` generated stories. It is written to a side file and renamed at
 * the end, so a build cut short is never taken for a finished one. A large library is generated in
 * shards by several processes at once and copied in shard by shard (plain SQL, no JavaScript per
 * row); the search index is built once at the end (one INSERT … SELECT sorts every term once, where a
 * trigger per story merges segments again and again). A million stories take minutes, not hours.
 */
export async function buildLibrary(
  file: string,
  size: number,
  progress?: BuildProgress,
  shardStories = SHARD_STORIES,
): Promise<string> {
  if (existsSync(file)) return file
  mkdirSync(dirname(file), { recursive: true })
  const building = `${file}.building`
  const shardFile = (k: number) => `${building}.shard-${k}`
  const shards = Math.ceil(size / shardStories)
  const clear = (name: string) => {
    for (const leftover of [name, `${name}-wal`, `${name}-shm`, `${name}-journal`]) rmSync(leftover, { force: true })
  }
  clear(building)
  for (let k = 0; k < shards; k++) clear(shardFile(k))

  if (shards === 1) writeShard(building, 0, size, size)
  else {
    openLibrary(building).close()
    const started: Promise<void>[] = []
    let next = 0
    const start = () => {
      const k = next++
      if (k < shards)
        started[k] = writeShardInProcess(shardFile(k), k * shardStories, Math.min(size, (k + 1) * shardStories), size)
    }
    for (let i = 0; i < SHARD_PROCESSES; i++) start()
    const library = openLibrary(building)
    try {
      library.db.pragma('journal_mode = DELETE')
      library.db.pragma('synchronous = OFF')
      library.db.exec('DROP TRIGGER stories_ai; DROP TRIGGER stories_ad')
      for (let k = 0; k < shards; k++) {
        await started[k]
        start()
        library.db.exec(`ATTACH '${shardFile(k).replaceAll("'", "''")}' AS shard`)
        library.db.transaction(() => {
          library.db.exec('INSERT INTO stories SELECT * FROM shard.stories ORDER BY id')
          library.db.exec('INSERT INTO revisions SELECT * FROM shard.revisions')
        })()
        library.db.exec('DETACH shard')
        clear(shardFile(k))
        progress?.(Math.min(size, (k + 1) * shardStories), size)
      }
    } finally {
      library.close()
    }
  }

  const library = openLibrary(building)
  const { db } = library
  try {
    db.pragma('journal_mode = DELETE')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -262144')
    db.transaction(() => {
      // The index is contentless (migration 16): it is fed the text, unpacked, in one statement.
      db.exec(
        `INSERT INTO story_search (rowid, headline, standfirst, byline_text, body_text)
         SELECT id, headline, standfirst, byline_text, copydesk_text(body_text) FROM stories ORDER BY id`,
      )
      db.exec(indexTriggerSql())
    })()
    db.exec("INSERT INTO story_search (story_search) VALUES ('optimize')")
    // The stories were copied in with plain SQL, not through insertStory: their words go into the
    // search vocabulary (search-terms.ts) from the index, now one merged segment, in one pass.
    db.exec('INSERT OR IGNORE INTO search_terms (term) SELECT term FROM story_vocab')
  } finally {
    library.close()
  }
  renameSync(building, file)
  return file
}
