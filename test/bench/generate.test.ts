import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildLibrary, generateStory, headlineOf, typingStory } from '../../bench/generate'
import { countWords } from '../../src/shared/body'
import { bodyToText } from '../../src/shared/body-text'
import { openLibrary } from '../../src/main/library'
import { getStory } from '../../src/main/library/stories'
import { storyFieldsSchema } from '../../src/shared/story'
import { useTempLibraries } from '../library-fixture'

const temp = useTempLibraries()

describe('the benchmark library generator', () => {
  const stories = Array.from({ length: 60 }, (_, i) => generateStory(i, 60))

  it('writes stories the story schema accepts', () => {
    for (const { fields } of stories) expect(() => storyFieldsSchema.parse(fields)).not.toThrow()
  })

  it('writes news-length bodies: 600 to 1,500 words, in short paragraphs', () => {
    for (const { fields } of stories) {
      const words = countWords(bodyToText(fields.body))
      expect(words).toBeGreaterThanOrEqual(600)
      expect(words).toBeLessThanOrEqual(1500)
      const paragraphs = fields.body.root.children.filter((b) => b.type === 'paragraph')
      expect(paragraphs.length).toBeGreaterThan(8)
    }
  })

  it('gives stories the parts an editor expects: headline, standfirst, byline, dateline, pictures, links', () => {
    for (const { fields } of stories) {
      expect(fields.headline.split(' ').length).toBeGreaterThanOrEqual(5)
      expect(fields.headline).not.toMatch(/\.$/)
      expect(countWords(fields.standfirst)).toBeGreaterThan(5)
      expect(fields.bylines.length).toBeGreaterThan(0)
      expect(fields.dateline.place).toMatch(/^[\p{Lu} ]+$/u)
    }
    expect(stories.filter((s) => s.fields.leadPicture).length).toBeGreaterThan(20)
    expect(stories.filter((s) => s.fields.related.length > 0).length).toBeGreaterThan(20)
    expect(stories.filter((s) => s.fields.bylines[0]!.kind === 'agency').length).toBeGreaterThan(5)
    // Different stories, not one story sixty times.
    expect(new Set(stories.map((s) => s.fields.headline)).size).toBe(stories.length)
  })

  it("knows a story's headline without generating the story (shards link to earlier shards by it)", () => {
    stories.forEach((story, i) => expect(headlineOf(i)).toBe(story.fields.headline))
  })

  it('is the same on every run, so a cached library is the library the code would build', () => {
    expect(generateStory(12, 60)).toEqual(stories[12])
  })

  it('writes typing stories of the asked length with only paragraphs and subheads', () => {
    const story = typingStory(10_000)
    expect(() => storyFieldsSchema.parse(story)).not.toThrow()
    const words = countWords(bodyToText(story.body))
    expect(words).toBeGreaterThan(9_900)
    expect(words).toBeLessThanOrEqual(10_000)
    expect(new Set(story.body.root.children.map((b) => b.type))).toEqual(new Set(['paragraph', 'heading']))
  })

  it('builds a library whose related links point at earlier stories with their headlines', async () => {
    const file = await buildLibrary(join(temp.dir(), 'library.sqlite'), 40)
    const library = openLibrary(file)
    try {
      const count = library.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }
      expect(count.n).toBe(40)
      let linked = 0
      for (let id = 1; id <= 40; id++) {
        for (const entry of getStory(library.db, id).related) {
          if (entry.storyId === undefined) continue
          linked++
          expect(entry.storyId).toBeLessThan(id)
          expect(entry.headline).toBe(getStory(library.db, entry.storyId).headline)
        }
      }
      expect(linked).toBeGreaterThan(10)
    } finally {
      library.close()
    }
  })
})
