import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { fixture } from '@test/wire/fixtures'
import { call } from '../api'
import { importWireFiles } from './import-wire'

/**
 * Issue 16: what wire copy says about itself (notes to editors, embargo, urgency, keywords and
 * subjects, language) reaches the story, stored in the library and read back through the api.
 */
describe('what the copy says about itself becomes part of the story', () => {
  const libraries = useTempLibraries()

  const imported = (name: string) => {
    const library = libraries.open()
    const [result] = importWireFiles(library, [{ name, bytes: fixture(`agencies/${name}`) }])
    expect(result, result?.error).toMatchObject({ ok: true })
    return call(library, 'story:get', { id: result!.id! })
  }

  it('NITF (NTB, Norwegian): ed-msg, date.release, urgency, baselang, key-list', () => {
    const story = imported('ntb-nitf-norwegian.xml')
    expect(story.editorNote).toContain('Ikke for publisering: bilder kommer senere.')
    expect(story.embargo).toEqual({ at: '2026-12-01T08:00:00.000Z', zone: '+01:00', from: 'wire' })
    expect(story.urgency).toBe(3)
    expect(story.language).toBe('nb-NO')
    expect(story.keywords).toEqual(['ferje-nordland'])
  })

  it('NewsML-G2 (AFP, French): edNote, embargoed, urgency, language, keyword and subject', () => {
    const story = imported('afp-g2-french-no-headline.xml')
    expect(story.editorNote).toContain('Note aux rédactions : papier à suivre')
    expect(story.embargo).toEqual({ at: '2026-12-01T09:00:00.000Z', zone: '+01:00', from: 'wire' })
    expect(story.urgency).toBe(2)
    expect(story.language).toBe('fr')
    expect(story.keywords).toEqual(['grève', 'transport'])
  })

  it('ninjs 1.x (TT, Swedish): ednote, embargoed, urgency, language, subjects', () => {
    const story = imported('tt-ninjs1-swedish.json')
    expect(story.editorNote).toContain('Till redaktionen: texten uppdateras')
    expect(story.embargo).toEqual({ at: '2026-12-01T09:00:00.000Z', zone: '+01:00', from: 'wire' })
    expect(story.urgency).toBe(2)
    expect(story.language).toBe('sv')
    expect(story.keywords).toEqual(['Väder', 'Tåg'])
  })

  it('IPTC 7901 (dpa): the Sperrfrist line is the embargo, the header priority the urgency, flags the note', () => {
    const story = imported('dpa-7901-heading-block.iptc')
    expect(story.embargo).toEqual({ note: 'Sperrfrist: Donnerstag, 12.00 Uhr', from: 'wire' })
    expect(story.urgency).toBe(3)
    expect(story.editorNote).toMatch(/\(Eil\)[\s\S]*\(Berichtigung:/)
    expect(story.bodyText).not.toMatch(/Sperrfrist|Eil/)
  })

  it('ANPA (AP news alert): the flash priority letter is urgency 1; NewsML 1 (EFE): Urgency and Language', () => {
    expect(imported('ap-anpa-newsalert.tst').urgency).toBe(1)
    const efe = imported('efe-newsml1-spanish.xml')
    expect(efe.urgency).toBe(4)
  })

  it('copy that says nothing about itself leaves the fields blank', () => {
    const story = imported('pa-nitf-standfirst-repeated.xml')
    expect(story).toMatchObject({ editorNote: '', embargo: null, urgency: null, language: '' })
  })
})
