import { describe, expect, it } from 'vitest'
import { blockTexts, bodyToText } from '@shared/body-text'
import { fixture } from '@test/wire/fixtures'
import { detectFormat } from '../detect'
import type { WireDraft } from '../draft'
import { DERIVED_HEADLINE_NOTE } from '../headline'
import { parseWire } from '../parse'

/**
 * Issue 16: copy from agencies Copydesk had not been shown, class by class. The fixtures under
 * test/fixtures/wire/agencies are written for these tests, each in the agency's language and house
 * style (dpa, SDA/ATS, Kyodo, AAP, NTB, ANSA, AFP French and Arabic, Belga, EFE, Reuters, TT, AP,
 * STT, Ritzau, PA).
 */

function one(name: string): WireDraft & { format: string } {
  const parsed = parseWire(fixture(`agencies/${name}`))
  expect(parsed.drafts).toHaveLength(1)
  return { ...parsed.drafts[0]!, format: parsed.format }
}
const paragraphs = (draft: WireDraft) => blockTexts(draft.body)
const text = (draft: WireDraft) => bodyToText(draft.body)

describe('1. page furniture stays out of the body', () => {
  it('dpa 7901 (German): flags, genre label, embargo, notebook and sign-off go to the notes', () => {
    const draft = one('dpa-7901-heading-block.iptc')
    expect(text(draft)).not.toMatch(
      /Eil|Berichtigung|Hintergrund|Foto Produktion|Sperrfrist|Notizblock|Kontakte|jw\/lb/,
    )
    expect(draft.notes).toEqual(
      expect.arrayContaining([
        '(Eil)',
        '(Hintergrund)',
        '(Berichtigung: In der ersten Fassung stand im zweiten Absatz ein falscher Wochentag. Richtig ist Donnerstag.)',
        'Sperrfrist: Donnerstag, 12.00 Uhr',
      ]),
    )
    expect(draft.notes.join('\n')).toMatch(/nicht zur Veröffentlichung bestimmt[\s\S]*Autor: Jonas Weber/)
    expect(paragraphs(draft).at(-1)).toBe('Die Tarifparteien wollen am Montag wieder zusammenkommen.')
  })

  it('SDA/ATS (French), Kyodo (English), EFE (Spanish), ANSA (Italian), Belga, Ritzau (Danish), NTB, AFP Arabic: sign-offs are dropped', () => {
    expect(paragraphs(one('ats-7901-french.txt')).at(-1)).toBe(
      'Les CFF exploiteront les lignes avec des partenaires étrangers.',
    )
    expect(paragraphs(one('kyodo-7901-english.txt')).at(-1)).toBe(
      'Schools in the prefecture were closed and ferry services suspended.',
    )
    expect(paragraphs(one('efe-newsml1-spanish.xml')).at(-1)).toBe(
      'Las ayudas llegarán a unos 200.000 hogares, según el ministerio.',
    )
    const ansa = paragraphs(one('ansa-nitf-italian.xml'))
    expect(ansa[0]).toMatch(/^Le scuole di Genova/)
    expect(ansa.at(-1)).toBe('I sindaci hanno invitato i cittadini a limitare gli spostamenti.')
    expect(paragraphs(one('belga-newsml1-french.xml')).at(-1)).toBe(
      'La direction attribue ce résultat aux nouveaux terminaux.',
    )
    expect(paragraphs(one('ritzau-own-schema.xml')).at(-1)).toBe(
      'Politiet opfordrer bilister til at udskyde deres rejse.',
    )
    expect(paragraphs(one('ntb-nitf-norwegian.xml')).at(-1)).toBe(
      'Meteorologene venter at vinden løyer utover ettermiddagen.',
    )
    expect(paragraphs(one('afp-nitf-arabic.xml')).at(-1)).toBe('ويستمر المعرض عشرة أيام.')
    expect(text(one('tt-ninjs1-swedish.json'))).not.toMatch(/\n\nTT$/)
  })

  it('notes to editors and not-for-publication lines in every language reach the notes, not the text', () => {
    expect(one('ntb-nitf-norwegian.xml').notes).toContain('Ikke for publisering: bilder kommer senere.')
    expect(one('stt-g2-finnish.xml').notes).toContain('Ei julkaistavaksi: kuvat tulevat myöhemmin.')
    expect(one('tt-ninjs1-swedish.json').notes).toContain('Till redaktionen: texten uppdateras')
    expect(one('afp-nitf-arabic.xml').notes).toContain('ملاحظة للمحررين: الصور متاحة')
    expect(one('afp-g2-french-no-headline.xml').notes).toContain('Note aux rédactions : papier à suivre')
  })
})

describe('2. the right line is the headline', () => {
  it('a 7901 heading block whose first line is a flag and whose headline ends " ="', () => {
    expect(one('dpa-7901-heading-block.iptc').headline).toBe('Lokführer legen Nahverkehr in Bayern lahm')
    expect(one('ats-7901-french.txt').headline).toBe('Le Conseil fédéral présente un plan pour les trains de nuit')
    const kyodo = one('kyodo-7901-english.txt')
    expect(kyodo.headline).toBe('Typhoon forces cancellation of 300 flights in Okinawa')
    expect(kyodo.notes).toContain('URGENT')
  })

  it('an AP headline-list advisory keeps its title and the list is the body', () => {
    const draft = one('ap-anpa-headline-list.tst')
    expect(draft.headline).toBe('AP Top Entertainment News at 11:23 p.m. EST')
    expect(draft.body.root.children[0]).toMatchObject({ type: 'list' })
    expect(paragraphs(draft)[0]!.split('\n')).toEqual([
      'Film festival opens with a record number of premieres',
      'Singer cancels tour dates after injury',
      'Museum returns stolen painting to its owners',
    ])
    expect(draft.notes).toContain('Eds: Headlines are updated hourly.')
  })

  it('copy with no headline (an AP news alert, an empty <headline/>) gets one from its first sentence, marked as made', () => {
    const alert = one('ap-anpa-newsalert.tst')
    expect(alert.headline).toBe(
      'A magnitude 5.8 earthquake has struck near Los Angeles, the U.S. Geological Survey says',
    )
    expect(alert.notes).toEqual(expect.arrayContaining(['AP-NewsAlert', DERIVED_HEADLINE_NOTE]))
    const afp = one('afp-g2-french-no-headline.xml')
    expect(afp.headline).toBe(
      'Les conducteurs de tramway de Lyon ont cessé le travail mardi matin pour réclamer de meilleures conditions',
    )
    expect(afp.notes).toContain(DERIVED_HEADLINE_NOTE)
  })

  it('ninjs 1.x headline_main is read', () => {
    expect(one('tt-ninjs1-swedish.json').headline).toBe('Snökaos i Norrland – tåg stoppade')
  })
})

describe('3. NewsML 1 components by role', () => {
  it('the body is the component whose role says so, never a stylesheet or a title', () => {
    const belga = one('belga-newsml1-french.xml')
    expect(belga.headline).toBe("Le port d'Anvers bat un record de conteneurs")
    expect(paragraphs(belga)[0]).toBe(
      "Le port d'Anvers a traité plus de conteneurs que jamais en novembre, selon les chiffres publiés lundi.",
    )
    const efe = one('efe-newsml1-spanish.xml')
    expect(efe.headline).toBe('El Gobierno aprueba el plan de vivienda para jóvenes')
    expect(text(efe)).not.toMatch(/margin/)
  })
})

describe('4. bylines', () => {
  it('strips the byline word of the language and splits the people', () => {
    expect(one('dpa-7901-heading-block.iptc').bylines).toEqual([
      { name: 'Jonas Weber', kind: 'person' },
      { name: 'Lea Brandt', kind: 'person' },
      { name: 'dpa', kind: 'agency' },
    ])
    expect(one('ntb-nitf-norwegian.xml').bylines).toEqual([
      { name: 'Kari Nordmann', kind: 'person' },
      { name: 'Ola Hansen', kind: 'person' },
      { name: 'NTB', kind: 'agency' },
    ])
    expect(one('efe-newsml1-spanish.xml').bylines).toEqual([
      { name: 'Ana López', kind: 'person' },
      { name: 'Juan Pérez', kind: 'person' },
    ])
    expect(one('ansa-nitf-italian.xml').bylines.map((b) => b.name)).toEqual(['Marco Rossi', 'Giulia Bianchi'])
    expect(one('belga-newsml1-french.xml').bylines.map((b) => b.name)).toEqual(['Jean Dupont', 'Marie Lambert'])
    expect(one('ritzau-own-schema.xml').bylines.map((b) => b.name)).toEqual(['Jens Hansen', 'Mette Holm'])
    expect(one('tt-ninjs1-swedish.json').bylines).toEqual([
      { name: 'Anna Svensson', kind: 'person' },
      { name: 'TT', kind: 'agency' },
    ])
    expect(one('afp-g2-french-no-headline.xml').bylines).toEqual([{ name: 'Claire Dubois', kind: 'person' }])
  })

  it('a name and an organisation are one person; logins and desk initials are nobody', () => {
    expect(one('pa-nitf-standfirst-repeated.xml').bylines).toEqual([
      { name: 'Sam Jones', kind: 'person', title: 'PA Political Correspondent' },
    ])
    expect(one('stt-g2-finnish.xml').bylines).toEqual([
      { name: 'Matti Virtanen', kind: 'person' },
      { name: 'STT', kind: 'agency' },
    ])
    // EFE's Creator "al/jp" is the desk, not a writer.
    expect(one('efe-newsml1-spanish.xml').bylines.map((b) => b.name)).not.toContain('al/jp')
  })

  it("reads AP's bylines array", () => {
    expect(one('ap-media-bylines.json').bylines).toEqual([
      { name: 'Lisa Mascaro', kind: 'person' },
      { name: 'Kevin Freking', kind: 'person' },
      { name: 'Associated Press', kind: 'agency' },
    ])
  })
})

describe('5. datelines', () => {
  it.each([
    ['dpa-7901-heading-block.iptc', 'München', 'dpa'],
    ['ats-7901-french.txt', 'Berne', 'ATS'],
    ['kyodo-7901-english.txt', 'NAHA, Japan', 'Kyodo'],
    ['aap-7901-unframed.txt', 'SYDNEY', 'AAP'],
    ['ansa-nitf-italian.xml', 'GENOVA', 'ANSA'],
    ['efe-newsml1-spanish.xml', 'Madrid', 'EFE'],
    ['afp-nitf-arabic.xml', 'بيروت', 'AFP'],
    ['ntb-nitf-norwegian.xml', 'Bodø', 'NTB'],
    ['tt-ninjs1-swedish.json', 'Stockholm', 'TT'],
    ['belga-newsml1-french.xml', 'ANVERS', 'Belga'],
  ])('%s: %s (%s), taken out of the first paragraph', (name, place, source) => {
    const draft = one(name)
    expect(draft.dateline).toMatchObject({ place, source })
    expect(paragraphs(draft)[0]).not.toMatch(new RegExp(`\\(${source}\\)`, 'i'))
  })

  it('a 7901 dateline after a teaser paragraph: the teaser is the standfirst', () => {
    const draft = one('dpa-7901-heading-block.iptc')
    expect(draft.standfirst).toBe(
      'Pendler mussten am Morgen auf Busse und Fahrgemeinschaften ausweichen. Die Gewerkschaft spricht von einer Warnung.',
    )
    expect(paragraphs(draft)[0]).toMatch(/^Ein Warnstreik der Lokführer/)
  })

  it('located with only a literal gives the place; a date is never the place', () => {
    expect(one('stt-g2-finnish.xml').dateline.place).toBe('Tampere')
    expect(one('afp-g2-french-no-headline.xml').dateline.place).toBe('Lyon')
    expect(one('reuters-g2-package.xml').dateline.place).toBeUndefined()
  })
})

describe('6. framing and detection', () => {
  it('DEL padding before SOH does not hide IPTC 7901', () => {
    expect(detectFormat(fixture('agencies/dpa-7901-heading-block.iptc'))).toBe('iptc7901')
    expect(detectFormat(fixture('agencies/kyodo-7901-english.txt'))).toBe('iptc7901')
  })

  it('7901 whose framing was stripped still has its headline, byline and dateline read', () => {
    const draft = one('aap-7901-unframed.txt')
    expect(draft.format).toBe('iptc7901')
    expect(draft.headline).toBe('Fire crews hold lines near Lithgow')
    expect(draft.bylines).toEqual([{ name: 'Sam Taylor', kind: 'person' }])
    expect(draft.slug).toBe('bushfire-nsw')
    expect(paragraphs(draft)).toEqual([
      'Firefighters have held containment lines overnight near Lithgow as temperatures eased.',
      'Residents were told they could return home from midday.',
    ])
  })
})

describe('7. not refusing too much', () => {
  it('mailto links in a tagline or body.end keep the story (the address goes to the notes)', () => {
    const draft = one('ntb-nitf-norwegian.xml')
    expect(draft.related.every((r) => !r.url || /^https?:/.test(r.url))).toBe(true)
    expect(draft.notes).toContain('Contact: kari.nordmann@example.no')
  })

  it('an unused external parameter-entity declaration in the DOCTYPE is ignored (and still never read)', () => {
    expect(one('ntb-nitf-norwegian.xml').headline).toBe('Fergene innstilt i Nordland')
    const used = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE nitf [ <!ENTITY % x SYSTEM "file:///etc/passwd"> %x; ]><nitf/>',
    )
    expect(() => parseWire(used)).toThrow(/declares entities/)
  })

  it("an agency's own XML schema (Ritzau) is read generically, and the editor is told", () => {
    const draft = one('ritzau-own-schema.xml')
    expect(draft.format).toBe('generic-xml')
    expect(draft.headline).toBe('Storm lukker Storebæltsbroen for lette køretøjer')
    expect(draft.standfirst).toBe('Vinden når stormstyrke i løbet af formiddagen.')
    expect(draft.source.agency).toBe('Ritzau')
    expect(draft.notes.join(' ')).toMatch(/Read generically/)
  })

  it('XML with nothing like a headline or text is still refused, naming the root', () => {
    expect(() => parseWire(Buffer.from('<?xml version="1.0"?><inventory><sku>12</sku></inventory>'))).toThrow(
      /root element <inventory>.*no element in it looks like a headline/,
    )
  })

  it('a NewsML-G2 package with no text imports as its headline and the titles it lists, with a note', () => {
    const draft = one('reuters-g2-package.xml')
    expect(draft.headline).toBe('Top news: central banks in focus')
    expect(paragraphs(draft)[0]!.split('\n')).toEqual([
      'ECB holds rates, signals cut next year',
      'Fed minutes show split over inflation',
    ])
    expect(draft.notes.join(' ')).toMatch(/text was not imported/)
  })

  it('ninjs 1.x body_html5 is read', () => {
    expect(paragraphs(one('tt-ninjs1-swedish.json'))[0]).toMatch(/^Flera tåg mellan Umeå och Luleå/)
  })
})

describe('8. nothing printed twice', () => {
  it('a standfirst that repeats the first paragraph is kept once', () => {
    const pa = one('pa-nitf-standfirst-repeated.xml')
    expect(pa.standfirst).toBe('Council tax bills in Leeds will rise by 5% from April, the city council has confirmed.')
    expect(paragraphs(pa)).toEqual(['The council said the rise was needed to protect adult social care.'])
    // EFE's abstract is the first paragraph with the dateline still on it: the body keeps it.
    const efe = one('efe-newsml1-spanish.xml')
    expect(efe.standfirst).toBe('')
    expect(paragraphs(efe)[0]).toMatch(/^El Consejo de Ministros aprobó/)
  })

  it('the keyword line is not a standfirst (EFE repeats it as the subheadline)', () => {
    expect(one('efe-newsml1-spanish.xml').standfirst).toBe('')
  })
})
