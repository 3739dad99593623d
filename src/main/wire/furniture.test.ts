import { describe, expect, it } from 'vitest'
import { paragraphBlocks } from './blocks'
import { clearFurniture, isEmbargoLine, isFlagLine, isNotForPublication, isNotesHeading, isSignOff } from './furniture'

describe('page furniture, in the languages of the agencies', () => {
  it.each([
    '(Eil)',
    '(Berichtigung: Im dritten Absatz muss es richtig heißen …)',
    '(Achtung - Planungshinweis)',
    '(Vorschau)',
    '(KORR-Bericht)',
    '2ND LEAD',
    '1ST LEAD',
    'URGENT',
    'URGENTE',
    'HASTER',
    '(Rättelse)',
    '(Rectificatif)',
    '(Correzione)',
    '(Korjaus)',
    '*** TRANSLATED ***',
    'AP-NewsAlert',
    '(عاجل)',
  ])('%s is a flag line', (line) => expect(isFlagLine(line)).toBe(true))

  it.each([
    'The minister said the talks would fail.',
    'Berlin (dpa) - Die Regierung hat am Montag …',
    'Lead poisoning found in three schools',
    'Update on the weather: more rain is coming to the west of the country over the weekend, forecasters say.',
  ])('%s is copy, not a flag', (line) => expect(isFlagLine(line)).toBe(false))

  it.each([
    'Sperrfrist: Donnerstag, 12.00 Uhr',
    'EMBARGOED UNTIL 0001 GMT SATURDAY',
    'Embargo hasta las 10.00 GMT',
    'Sous embargo jusqu’à 18h00',
    'Embargo fino alle 12',
    'Julkaisuvapaa klo 10',
    'Må ikke bringes før kl. 06.00',
    'Holdes til kl. 12.00',
    'حظر النشر حتى الساعة العاشرة',
  ])('%s is an embargo line', (line) => expect(isEmbargoLine(line)).toBe(true))

  it.each([
    'The following information is not for publication',
    'Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt',
    'Ikke for publisering',
    'Ej för publicering',
    'Ei julkaistavaksi',
    'No publicable',
    'À ne pas publier',
    'Non per la pubblicazione',
    'ليس للنشر',
  ])('%s starts the part that is not for publication', (line) => expect(isNotForPublication(line)).toBe(true))

  it.each([
    'Note to editors:',
    'Eds: With AP Photos.',
    'Hinweis an die Redaktion',
    'Till redaktionen',
    'Nota para los editores',
    'Note aux rédactions',
  ])('%s opens a note to editors', (line) => expect(isNotesHeading(line)).toBe(true))

  it.each([
    '(SDA/sj)',
    '(ats/afp/nn)',
    'daa/mt/msr',
    '==Kyodo',
    '/ritzau/',
    '/ritzau/AFP',
    '(©NTB)',
    'dpa kre/su yysw a3 lön mda',
    'AAP st/kb',
    'efe al/jp',
    'ends',
    'ENDS',
    '-30-',
    '(ANSA).',
    'NNNN',
    'ب ح/س ع',
  ])('%s is a sign-off', (line) => expect(isSignOff(line)).toBe(true))

  it.each(['He said: “No.”', 'Mehr Informationen gibt es morgen.', 'Fin de semana tranquilo en Madrid.'])(
    '%s is not a sign-off',
    (line) => expect(isSignOff(line)).toBe(false),
  )

  it('clears a body: flags and embargo at the top, the unpublished section and sign-offs at the end', () => {
    const blocks = paragraphBlocks([
      'ZCZC',
      '(Eil)',
      'EMBARGOED UNTIL 0001 GMT',
      'Parliament approved the budget on Tuesday.',
      'The vote was 310 to 250. ==Kyodo',
      'AAP st/kb',
    ])
    const cleared = clearFurniture(blocks)
    expect(
      blocks.map((b) => (b.type === 'paragraph' ? b.children.map((c) => ('text' in c ? c.text : '')).join('') : '')),
    ).toEqual(['Parliament approved the budget on Tuesday.', 'The vote was 310 to 250.'])
    expect(cleared).toEqual({ notes: ['(Eil)'], embargo: 'EMBARGOED UNTIL 0001 GMT' })

    const withNotes = paragraphBlocks(['Text of the story.', 'Ikke for publisering', 'Kontakt: vakt@example.no'])
    expect(clearFurniture(withNotes).notes).toEqual(['Ikke for publisering\nKontakt: vakt@example.no'])
    expect(withNotes).toHaveLength(1)
  })

  it('leaves a body of plain copy alone', () => {
    const blocks = paragraphBlocks(['Interview with the mayor follows below.', 'She said the plan would work.'])
    expect(clearFurniture(blocks)).toEqual({ notes: [] })
    expect(blocks).toHaveLength(2)
  })
})
