import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call } from '../api'
import { importWireFiles } from './import-wire'
import { useTempLibraries } from '../../../test/library-fixture'
import { sampleFiles, sampleName, samplesPresent } from '../../../test/wire/fixtures'

/**
 * Every file under ../shared/samples is real wire copy and must import with a headline and a body.
 * The one exception is a file whose wire item itself carries no text: IPTC's NewsML-G2 guideline
 * listing has an empty inlineXML (only a comment). It must still import, with its headline, and the
 * editor is told in the notes that the item carried no story text.
 */
const CARRIES_NO_TEXT = new Set(['LISTING 1 A NewsML-G2 News Item.xml'])

describe.skipIf(!samplesPresent)('the sample corpus (../shared/samples)', () => {
  const libraries = useTempLibraries()
  const files = sampleFiles()

  it('has samples to read', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files.map((path) => [sampleName(path), path]))('%s imports with a headline and a body', (_name, path) => {
    const library = libraries.open()
    const results = importWireFiles(library, [{ name: basename(path), bytes: readFileSync(path) }])
    for (const result of results) {
      expect(result, `${result.file}: ${result.error}`).toMatchObject({ ok: true })
      const story = call(library, 'story:get', { id: result.id! })
      expect(story.headline.trim()).not.toBe('')
      if (CARRIES_NO_TEXT.has(basename(path))) {
        expect(story.bodyText).toBe('')
        expect(call(library, 'story:original', { id: story.id }).notes).toContain(
          'The wire item carried no story text: only its headline and details were imported.',
        )
      } else {
        expect(story.bodyText.trim()).not.toBe('')
        expect(story.wordCount).toBeGreaterThan(0)
      }
    }
  })
})
