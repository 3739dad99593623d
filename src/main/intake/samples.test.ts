import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { blockTexts } from '../../shared/body-text'
import { call } from '../api'
import { importWireFiles } from './import-wire'
import { useTempLibraries } from '@test/library-fixture'
import { sampleFiles, sampleName, samplesPresent } from '@test/wire/fixtures'

/**
 * Every file under ../shared/samples is real wire copy and must import with a headline and a body,
 * no metadata in the body, the bylines as the copy states them (people as people, agencies as
 * agencies) and the dateline place where the copy states one.
 *
 * The one exception to "a body" is a file whose wire item itself carries no text: IPTC's NewsML-G2
 * guideline listing has an empty inlineXML (only a comment). It must still import, with its
 * headline, and the editor is told in the notes that the item carried no story text.
 */
const CARRIES_NO_TEXT = new Set(['LISTING 1 A NewsML-G2 News Item.xml'])

/** What each sample's copy states: its bylines ("agency:" for an agency) and its dateline place. */
const STATED: Record<string, { bylines: string[]; place?: string }> = {
  '000_30a9b267f3936a89.txt': { bylines: ['agency:Press Association'] },
  'superdesk/IPTC7901.txt': { bylines: ['agency:dpa'], place: 'Berlin' },
  'superdesk/LISTING 1 A NewsML-G2 News Item.xml': { bylines: ['Meredith Jameson'], place: 'Berlin' },
  'superdesk/afp.xml': { bylines: ['agency:AFP'], place: 'STOCKHOLM' },
  'superdesk/anpa-1.tst': {
    bylines: ['Paul Byrne', 'Almudena Calatrava', 'agency:Associated Press'],
    place: 'BUENOS AIRES, Argentina',
  },
  'superdesk/ap-nitf.xml': { bylines: ['Bernard Condon'], place: 'NEW YORK' },
  'superdesk/ap_anpa-1.tst': { bylines: ['Charles Odum'], place: 'ATLANTA' },
  'superdesk/bbc-ninjs-text-test.json': { bylines: ['John Doe'] },
  'superdesk/ninjs1.json': { bylines: ['Peter', 'Jane'], place: 'Milton Keynes' },
  'superdesk/pa1.xml': { bylines: ['agency:PA'] },
  'superdesk/stt_newsml_test.xml': { bylines: ['agency:STT'], place: 'Helsinki' },
  'wire-more/g2__dpa-dw2g2__with_dateline.xml': { bylines: ['Andrej Sokolow', 'agency:dpa'], place: 'New York' },
  'wire-more/g2__dpa-testdata__170629-99-43688.xml': { bylines: ['Almut Kipp', 'agency:dpa'], place: 'Hamburg' },
  'wire-more/g2__iptc__LISTING_2_Text_Document.xml': { bylines: ['Meredith Jameson'], place: 'New York, NY' },
  'wire-more/g2__sd-cp__globenewswire_202006097942547-en.newsml': {
    bylines: ['agency:GlobeNewswire'],
    place: 'Toronto, ON, Canada',
  },
  'wire-more/iptc7901__dpa-dw27901__dw-1.iptc': {
    bylines: ['Marco Krefting', 'Sunrita Sen', 'agency:dpa'],
    place: 'Waghäusel',
  },
  'wire-more/iptc7901__dpa-dw27901__spe-tab.iptc': { bylines: ['agency:dpa'] },
  'wire-more/iptc7901__sd-belga__ats.txt': { bylines: ['agency:ATS'], place: 'Paris' },
  'wire-more/newsml1__ninjs-repo__businesswire-20130515006361.xml': {
    bylines: ['agency:Business Wire'],
    place: 'ROUND ROCK, Texas',
  },
  'wire-more/newsml1__sd-belga__efe_belga.xml': { bylines: ['agency:EFE'], place: 'Nueva Delhi' },
  'wire-more/newsml1__syndication-newsml__reuters-test.xml': { bylines: ['agency:Reuters'] },
  'wire-more/ninjs__ninjs-repo__1.4_ninjsExComplex1.json': {
    bylines: ['Paulo Santalucia', "Frances d'Emilio"],
    place: 'Grossetto, Italy',
  },
  'wire-more/ninjs__ninjs-repo__3.0_dpa_text.json': { bylines: ['Christian Hollmann', 'agency:dpa'] },
  'wire-more/nitf__ninjs-repo__NTB_nitf_sample.xml': {
    bylines: ['agency:NTB', 'agency:AFP', 'agency:dpa'],
    place: 'Unnao',
  },
}

/**
 * Paragraphs that are metadata, not copy, written here independently of the importer's own lists:
 * a time stamp, a subject list, a genre label, a byline line, flags, desk initials and sign-offs,
 * notes sections, CSS, the agency's dateline left in place.
 */
const METADATA: [what: string, test: RegExp][] = [
  ['a time stamp', /^\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}$|^\d{4}-\d{2}-\d{2}(T[\d:+-]+)?$|^\d{8}(T\d+)?/],
  ['a subject or keyword list', /^[^\s.]{2,30}(\n[^\s.]{2,30}){2,}$/],
  ['a genre label', /^\(?(KORR-Bericht|Fragen & Antworten|Zusammenfassung|Hintergrund|Interview|Eil|Vorschau)\)?$/],
  ['a byline line', /^(By|Von|Par|Av|Af|Di|Por)\s+\p{Lu}[\p{L}'-]+\s+\p{Lu}[\p{L}'-]+(,\s*\w+)?$/u],
  ['a flag line', /^\((Eil|Berichtigung|Achtung|Vorschau|Foto Produktion|KORR-Bericht)\b|^\d+(ST|ND|RD|TH) LEAD$/],
  [
    'desk initials or a sign-off',
    /^\(?[A-Za-z]{2,5}(\\?\/[A-Za-z]{1,5}){1,6}\)?$|^==\s*\w+$|^\(©\w+\)$|^ends$|^dpa( [a-zäöü0-9/]{1,8}){2,}$/,
  ],
  ['a notes section', /Notizblock|not for publication|nicht zur Veröffentlichung|Redaktionelle Hinweise/i],
  ['a banner to the desk', /^\*{3}.*\*{3}$/],
  ['a stylesheet', /\{[^}]*:[^}]*\}/],
  ['a dateline left in the text', /^[\p{Lu}][^()]{0,40}\((dpa|AP|AFP|EFE|Reuters|ats|NTB|STT)\)\s*[-–—_:.]/u],
]

describe.skipIf(!samplesPresent)('the sample corpus (../shared/samples)', () => {
  const libraries = useTempLibraries()
  const files = sampleFiles().filter((path) => !/README\.md$/i.test(path))

  it('has samples to read, and says what each one states', () => {
    expect(files.length).toBeGreaterThan(0)
    for (const path of files) expect(STATED, sampleName(path)).toHaveProperty([sampleName(path)])
  })

  it.each(files.map((path) => [sampleName(path), path]))(
    '%s imports with a headline, a body free of metadata, its bylines and its dateline',
    (name, path) => {
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
        for (const paragraph of blockTexts(story.body))
          for (const [what, test] of METADATA)
            expect(test.test(paragraph), `${what} in the body: "${paragraph}"`).toBe(false)
        expect(story.bodyText).not.toContain(story.headline.length > 20 ? `${story.headline}\n` : '\u0000')

        const stated = STATED[name]
        if (!stated) continue
        expect(story.bylines.map((b) => (b.kind === 'agency' ? `agency:${b.name}` : b.name))).toEqual(stated.bylines)
        if (stated.place) expect(story.dateline.place).toBe(stated.place)
      }
    },
  )
})
