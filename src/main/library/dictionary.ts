import { unpack, unpackText } from './packed'
import { prepared, type Db } from './open'
import { readHouseStyle } from './settings'
import { ApiError } from '../../shared/errors'
import type { HouseDictionary, HouseWordEntry } from '../../shared/spelling/house-dictionary'
import type { StyleEntry } from '../../shared/spelling/style-book'
import type { StorySpelling } from '../../shared/spelling/contract'

/**
 * The house dictionary and style book (tables house_words and style_book), and each story's own
 * spelling settings (story_spelling): the only place they are read or written.
 */

export function readHouseDictionary(db: Db): HouseDictionary {
  const words = prepared(
    db,
    'SELECT word, note FROM house_words ORDER BY word COLLATE NOCASE',
  ).all() as HouseWordEntry[]
  const styleBook = prepared(
    db,
    'SELECT form, preferred, note FROM style_book ORDER BY form COLLATE NOCASE',
  ).all() as StyleEntry[]
  return { words, styleBook }
}

/** Words already there keep their note unless a new one is given. */
export function addHouseWords(db: Db, entries: readonly HouseWordEntry[], now = new Date()): { added: number } {
  const insert = prepared(
    db,
    `INSERT INTO house_words (word, note, added_at) VALUES (?, ?, ?)
     ON CONFLICT (word) DO UPDATE SET note = CASE WHEN excluded.note = '' THEN note ELSE excluded.note END`,
  )
  const exists = prepared(db, 'SELECT 1 FROM house_words WHERE word = ?')
  return db.transaction(() => {
    let added = 0
    for (const { word, note } of entries) {
      if (!exists.get(word)) added++
      insert.run(word, note, now.toISOString())
    }
    return { added }
  })()
}

export function removeHouseWord(db: Db, word: string): { removed: boolean } {
  return { removed: prepared(db, 'DELETE FROM house_words WHERE word = ?').run(word).changes > 0 }
}

/** An entry for a form already in the book replaces it (the form is matched ignoring case). */
export function putStyleEntries(db: Db, entries: readonly StyleEntry[], now = new Date()): { added: number } {
  const exists = prepared(db, 'SELECT 1 FROM style_book WHERE form = ?')
  const upsert = prepared(
    db,
    `INSERT INTO style_book (form, preferred, note, added_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (form) DO UPDATE SET form = excluded.form, preferred = excluded.preferred, note = excluded.note`,
  )
  return db.transaction(() => {
    let added = 0
    for (const entry of entries) {
      if (entry.preferred === entry.form)
        throw new ApiError('invalid-input', `“${entry.form}” cannot be its own preferred form`)
      if (!exists.get(entry.form)) added++
      upsert.run(entry.form, entry.preferred, entry.note, now.toISOString())
    }
    return { added }
  })()
}

export function removeStyleEntry(db: Db, form: string): { removed: boolean } {
  return { removed: prepared(db, 'DELETE FROM style_book WHERE form = ?').run(form).changes > 0 }
}

/** A shared list merged in: new words and entries added, ones already there updated, none removed. */
export function importHouseDictionary(db: Db, file: HouseDictionary): { words: number; entries: number } {
  return db.transaction(() => ({
    words: addHouseWords(db, file.words).added,
    entries: putStyleEntries(db, file.styleBook).added,
  }))()
}

const LANGUAGE_IN_COPY = [
  /\bxml:lang\s*=\s*["']([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)["']/,
  /"language"\s*:\s*"([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)"/,
]

/** The language the wire copy declares (NewsML's and NITF's xml:lang, ninjs' language), if it does. */
export function languageOfOriginal(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 256 * 1024).toString('latin1')
  for (const pattern of LANGUAGE_IN_COPY) {
    const found = pattern.exec(head)?.[1]
    if (found) {
      try {
        return Intl.getCanonicalLocales(found)[0] ?? null
      } catch {
        continue
      }
    }
  }
  return null
}

function canonical(tag: string): string | null {
  if (!tag) return null
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null
  } catch {
    return null
  }
}

interface SpellingRow {
  language: string | null
  ignored: string
}

/**
 * The story's language, the one answer every part asks (spelling, the quotes typography sets, the
 * checks): the editor's choice for this story, else the language the wire copy came in (as the
 * importer read it into the story, else as its original declares it), else the house's.
 */
export function readStorySpelling(db: Db, id: number): StorySpelling {
  const story = prepared(db, 'SELECT language FROM stories WHERE id = ?').get(id) as { language: string } | undefined
  if (!story) throw new ApiError('not-found', `there is no story ${id} in the library`)
  const row = prepared(db, 'SELECT language, ignored FROM story_spelling WHERE story_id = ?').get(id) as
    SpellingRow | undefined
  return spellingOf(db, id, story.language, row, () => readHouseStyle(db).language)
}

/**
 * `readStorySpelling` for many stories already read (an export's batch): their own settings in one
 * query, and the house's language given, not read again for each.
 */
export function readStoriesSpelling(
  db: Db,
  stories: readonly { id: number; language?: string }[],
  houseLanguage: string,
): StorySpelling[] {
  const rows = new Map(
    (
      prepared(
        db,
        'SELECT story_id AS id, language, ignored FROM story_spelling WHERE story_id IN (SELECT value FROM json_each(?))',
      ).all(JSON.stringify(stories.map((s) => s.id))) as (SpellingRow & { id: number })[]
    ).map((row) => [row.id, row]),
  )
  return stories.map((story) => spellingOf(db, story.id, story.language ?? '', rows.get(story.id), () => houseLanguage))
}

function spellingOf(
  db: Db,
  id: number,
  storyLanguage: string,
  row: SpellingRow | undefined,
  house: () => string,
): StorySpelling {
  const original = () =>
    prepared(
      db,
      'SELECT f.bytes, f.deflated FROM story_originals o JOIN wire_files f ON f.id = o.file_id WHERE o.story_id = ?',
    ).get(id) as { bytes: Buffer; deflated: number } | undefined
  // The wire copy's own declaration is read only when the story has no language and the editor chose none.
  const stored = row?.language || canonical(storyLanguage) ? null : original()
  const wire = canonical(storyLanguage) ?? (stored ? languageOfOriginal(unpack(stored.bytes, stored.deflated)) : null)
  return {
    id,
    language: row?.language ?? wire ?? house(),
    languageFrom: row?.language ? 'story' : wire ? 'wire' : 'house',
    ignored: row ? (JSON.parse(row.ignored) as string[]) : [],
  }
}

/** A story's own language (null: back to the wire copy's or the house's) and the words let stand in it. */
export function saveStorySpelling(
  db: Db,
  request: { id: number; language?: string | null; ignore?: string[]; unignore?: string[] },
): StorySpelling {
  return db.transaction(() => {
    const now = readStorySpelling(db, request.id)
    const row = prepared(db, 'SELECT language FROM story_spelling WHERE story_id = ?').get(request.id) as
      { language: string | null } | undefined
    const language = request.language !== undefined ? request.language : (row?.language ?? null)
    const ignored = new Set(now.ignored)
    for (const word of request.ignore ?? []) ignored.add(word)
    for (const word of request.unignore ?? []) ignored.delete(word)
    prepared(
      db,
      `INSERT INTO story_spelling (story_id, language, ignored) VALUES (?, ?, ?)
       ON CONFLICT (story_id) DO UPDATE SET language = excluded.language, ignored = excluded.ignored`,
    ).run(request.id, language, JSON.stringify([...ignored].sort()))
    return readStorySpelling(db, request.id)
  })()
}

/** How many recent stories the names are read from, and how much of each body: a quick read, not a crawl. */
const NAME_STORIES = 300
const NAME_BODY_CHARS = 4000
const NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*(?![\p{L}\p{N}])/gu
const SENTENCE_END = /[.!?:;"“”‘'([{—–\n]\s*$/u

/**
 * Names the library holds in several stories: byline names, dateline places, and words written
 * with a capital where no sentence begins. They are offered as spelling suggestions, since the
 * dictionary cannot know today's names.
 */
export function libraryNames(db: Db, minStories = 2, limit = 2000): string[] {
  const rows = prepared(
    db,
    `SELECT byline_text, dateline, headline, body_text
     FROM stories ORDER BY updated_at DESC LIMIT ${NAME_STORIES}`,
  ).all() as { byline_text: string | null; dateline: string; headline: string; body_text: string | Buffer }[]
  const counts = new Map<string, number>()
  for (const row of rows) {
    const seen = new Set<string>()
    const place = (JSON.parse(row.dateline) as { place?: string }).place ?? ''
    for (const text of [row.byline_text ?? '', place]) for (const m of text.matchAll(NAME)) seen.add(m[0])
    // The body text is stored deflated (packed.ts): the opening is read once it is unpacked.
    for (const text of [row.headline, unpackText(row.body_text).slice(0, NAME_BODY_CHARS)]) {
      for (const m of text.matchAll(NAME)) {
        const before = text.slice(Math.max(0, m.index - 3), m.index)
        if (m.index > 0 && !SENTENCE_END.test(before)) seen.add(m[0])
      }
    }
    for (const name of seen) counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return [...counts]
    .filter(([, n]) => n >= minStories)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name]) => name)
}
