import { describe, expect, it } from 'vitest'
import { TEXT_FORMAT } from '@shared/body'
import { blockTexts, bodyToText } from '@shared/body-text'
import { parseWire } from '../parse'
import type { WireDraft } from '../draft'
import { fixture } from '@test/wire/fixtures'

function one(path: string): WireDraft & { format: string; encoding: string } {
  const parsed = parseWire(fixture(path))
  expect(parsed.drafts).toHaveLength(1)
  return { ...parsed.drafts[0]!, format: parsed.format, encoding: parsed.encoding }
}

const paragraphs = (draft: WireDraft) => blockTexts(draft.body)

describe('plain text scraped from a news site', () => {
  it('finds headline, date, picture (alt, caption, credit), standfirst, body, agency byline and the related list', () => {
    const draft = one('scraped-text/storm-ports.txt')
    expect(draft.headline).toBe('Storm Idris closes ferry ports as gusts reach 80mph')
    expect(draft.dateline).toEqual({ date: '2026-11-24T09:00Z' })
    expect(draft.pictures).toEqual([
      {
        alt: 'Waves over the harbour wall at Dover',
        caption: 'Waves break over the harbour wall at Dover on Tuesday morning.',
        credit: 'PA',
      },
    ])
    expect(draft.standfirst).toBe(
      'Crossings to Calais were halted before dawn and lorries queued for miles on the M20.',
    )
    expect(paragraphs(draft)[0]).toMatch(/^Ferry operators cancelled every sailing/)
    expect(paragraphs(draft).at(-1)).toBe('“We are asking people not to travel unless they really have to,” she said.')
    expect(draft.bylines).toEqual([{ name: 'PA Reporters', kind: 'agency' }])
    expect(draft.related.map((r) => r.headline)).toEqual([
      'Lifeboat volunteers rescue three walkers cut off by the tide',
      'Rail fares to rise by 4.6% in March',
      'Giant marrow wins village show for the third year running',
    ])
    expect(draft.source).toEqual({ format: 'scraped-text', agency: 'PA' })
    expect(bodyToText(draft.body)).not.toMatch(/By PA Reporters|Latest UK News|Picture: PA|Lifeboat volunteers/)
  })

  it('keeps every line of plain copy with no site furniture, and joins hard-wrapped lines', () => {
    const plain = one('scraped-text/plain-copy.txt')
    expect(plain.headline).toBe('Library reopens after roof repairs')
    expect(plain.standfirst).toBe('')
    expect(paragraphs(plain)).toHaveLength(3)
    const wrapped = one('scraped-text/wrapped.txt')
    expect(paragraphs(wrapped)[0]).toBe(
      'Small bakeries across the north-east say deliveries of bread flour have fallen by a third since October, and some have stopped taking orders for Christmas loaves altogether.',
    )
  })

  it('reads Latin-1, windows-1252, mixed and double-encoded text into the same clean Unicode', () => {
    expect(one('encodings/latin1.txt').headline).toBe('Café owner wins fight over pavement tables')
    expect(one('encodings/cp1252.txt').headline).toBe('Council leader quits over “broken promises”')
    expect(paragraphs(one('encodings/mixed.txt'))[1]).toBe('Diners praised the crème brûlée above all.')
    expect(one('encodings/mojibake.txt').headline).toBe('Mayor’s “clean air” plan approved')
    expect(one('encodings/controls.txt').headline).toBe('Storm warning lifted')
    expect(bodyToText(one('encodings/controls.txt').body)).toBe(
      'Forecasters lifted the amber warning on Sunday.\n\nRoads reopened by noon.',
    )
  })
})

describe('IPTC 7901', () => {
  it('reads the framing, keyword slug, byline, dateline and rewraps paragraphs; notes stay out of the body', () => {
    const draft = one('iptc7901/rail-strike.txt')
    expect(draft.format).toBe('iptc7901')
    expect(draft.headline).toBe('Rail strike halts trains across southern Germany')
    expect(draft.slug).toBe('germany-rail')
    expect(draft.bylines).toEqual([
      { name: 'Anna Keller', kind: 'person' },
      { name: 'dpa', kind: 'agency' },
    ])
    expect(draft.dateline).toEqual({ place: 'München', source: 'dpa' })
    expect(paragraphs(draft)).toEqual([
      'Train drivers walked out across Bavaria and Baden-Wuerttemberg on Thursday morning, leaving commuters to find other ways to work in the first strike of the winter.',
      'The union said the stoppage would last until midnight unless the operator improved its offer on pay and rest periods.',
      'Regional buses ran extra services in Munich, Augsburg and Ulm.',
    ])
    expect(draft.notes.join('\n')).toContain('Pictures of the empty platforms are on the photo service.')
    expect(bodyToText(draft.body)).not.toMatch(/not for publication|dpa ak xy|\u007f/)
    expect(draft.source.agency).toBe('dpa')
  })
})

describe('ANPA 1312', () => {
  it('reads header lines, typewriter quotes and dashes, the byline with its organisation, and the sign-off time', () => {
    const draft = one('anpa1312/harbor-fire.tst')
    expect(draft.headline).toBe('Fire guts warehouse on Portland waterfront')
    expect(draft.slug).toBe('harbor-fire')
    expect(draft.bylines).toEqual([
      { name: 'Jane McDonald', kind: 'person' },
      { name: "Peter O'Brien", kind: 'person' },
      { name: 'Associated Press', kind: 'agency' },
    ])
    expect(draft.dateline).toEqual({ place: 'PORTLAND, Maine', source: 'AP', date: '2026-03-14T10:22Z' })
    expect(paragraphs(draft)).toEqual([
      'A fire tore through an empty warehouse on the Portland waterfront early Tuesday, sending smoke across the harbor and closing two streets.',
      '“We got here within four minutes and it was already through the roof,” Fire Chief Alan Reyes said.',
      'No one was hurt. The cause is under investigation — officials said it was too early to say more.',
      'Reporter Sam Ito contributed from Boston.',
    ])
    expect(draft.notes).toEqual(['AP Photo ORPO101', 'Eds: Updates with fire chief comment.'])
  })

  it('keeps tabular (DC2) copy line by line', () => {
    const draft = one('anpa1312/scores-table.tst')
    expect(draft.headline).toBe("Tuesday's baseball scores")
    expect(bodyToText(draft.body).split('\n')).toEqual([
      'Boston          5  Toronto        3',
      'Seattle         2  Houston        7',
      'Detroit        10  Chicago        4',
    ])
  })
})

describe('NITF', () => {
  it('reads an ISO-8859-1 file with a DOCTYPE: £ and entities, byline title, dateline, abstract, media, related link, notes', () => {
    const draft = one('nitf/council-vote.xml')
    expect(draft.encoding).toBe('windows-1252')
    expect(draft.headline).toBe('Council approves £3m cut to library budget')
    expect(draft.standfirst).toBe('Opposition councillors walked out before the vote.')
    expect(draft.bylines).toEqual([{ name: 'Ruth MacLeod', kind: 'person', title: 'Local Democracy Reporter' }])
    expect(draft.dateline).toEqual({ place: 'Carlisle', date: '2026-04-12T18:00:00+01:00' })
    expect(draft.pictures).toEqual([
      {
        alt: 'Shelves of books in Carlisle library',
        caption: "Carlisle's main library will keep its full hours.",
        credit: 'Owen Humphreys',
      },
    ])
    expect(draft.related).toEqual([
      { headline: 'Petition to save branches passes 10,000 names', url: 'https://example.org/news/library-petition' },
    ])
    expect(draft.slug).toBe('council-budget')
    // doc-id is the item's guid: how a later kill notice finds the story (docs/preflight.md).
    expect(draft.source).toEqual({ format: 'nitf', agency: 'PA', guid: 'PA-2026-0412-council' })
    expect(draft.notes).toContain('Embargoed until 00:01 Monday. Check figures with the council before use.')
    const blocks = draft.body.root.children
    expect(paragraphs(draft)[0]).toBe(
      "Councillors in Cumbria voted 31 to 22 on Sunday to cut £3 million from the library budget — the deepest cut in the county's history.",
    )
    expect(paragraphs(draft)[1]).toContain('had "no other choice"')
    expect(blocks.find((b) => b.type === 'heading')).toMatchObject({ tag: 'h3' })
    expect(blocks.find((b) => b.type === 'list')).toMatchObject({ listType: 'bullet' })
    expect(paragraphs(draft)).not.toContain('ends')
    expect(paragraphs(draft).at(-1)).toBe('Reporting by the Local Democracy Reporting Service.')
  })

  it('reads a namespaced NITF 3.4, moves the body dateline into the dateline and keeps bold and italic', () => {
    const draft = one('nitf/namespaced.xml')
    expect(draft.headline).toBe('Snow closes schools across three states')
    expect(draft.bylines).toEqual([{ name: 'Lucia Fernandez', kind: 'person', title: 'Associated Press' }])
    expect(draft.dateline).toEqual({ place: 'DENVER', source: 'AP', date: '2026-03-01T08:15:00Z' })
    expect(paragraphs(draft)[0]).toMatch(/^More than a foot of snow fell/)
    const second = draft.body.root.children[1]!
    expect(second.type === 'paragraph' && second.children).toEqual([
      expect.objectContaining({ text: 'Road crews worked through the night, but officials ', format: 0 }),
      expect.objectContaining({ text: 'urged', format: TEXT_FORMAT.bold }),
      expect.objectContaining({ text: ' drivers to ', format: 0 }),
      expect.objectContaining({ text: 'stay home', format: TEXT_FORMAT.italic }),
      expect.objectContaining({ text: '.', format: 0 }),
    ])
  })
})

describe('NewsML-G2', () => {
  it('reads contentMeta and inline NITF; the seeAlso link becomes a related entry; edNote and usage terms are notes', () => {
    const draft = one('newsml-g2/item-nitf.xml')
    expect(draft.headline).toBe('French farmers start wheat harvest three weeks early')
    expect(draft.standfirst).toBe('A hot, dry spring has brought the harvest forward across the south.')
    expect(draft.bylines).toEqual([{ name: 'Claire Dubois', kind: 'person' }])
    expect(draft.dateline).toEqual({ place: 'PARIS', date: '2026-05-10T08:55:00+02:00', source: 'AFP' })
    expect(draft.slug).toBe('france-farm-harvest')
    expect(draft.related).toEqual([
      { headline: 'Wheat prices climb for a fourth week', url: 'https://example.org/wheat-prices' },
    ])
    expect(draft.notes).toEqual([
      "Corrects spelling of minister's name in third paragraph.",
      'Usage terms: No use in Belgium before 12:00.',
    ])
    expect(paragraphs(draft)).toEqual([
      'Farmers in the south of France began cutting wheat on Sunday, three weeks earlier than usual.',
      'The agriculture minister, Hélène Marchetti, said yields looked "normal to good".',
    ])
    expect(draft.source.agency).toBe('AFP')
  })

  it('reads a newsMessage: the main headline, XHTML body without its repeated title, and the picture item as the picture', () => {
    const draft = one('newsml-g2/message-xhtml.xml')
    expect(draft.headline).toBe('Central bank holds interest rates at 4 per cent')
    expect(draft.bylines.map((b) => b.name)).toEqual(['Tom Hale', 'Priya Nair'])
    expect(paragraphs(draft)).toEqual([
      'The central bank kept its main rate at 4 per cent on Tuesday.',
      'Markets',
      'Sterling rose slightly after the decision.',
    ])
    expect(draft.pictures).toEqual([
      {
        alt: "The central bank's headquarters in the City of London.",
        caption: "The central bank's headquarters in the City of London.",
        credit: 'REUTERS/Anna Gordon',
      },
    ])
    expect(draft.source.agency).toBe('Reuters')
  })

  it('reads XHTML that a feed escaped inside inlineXML, through the same allowlist', () => {
    const draft = one('newsml-g2/escaped-inline.xml')
    expect(paragraphs(draft)).toEqual([
      'The ice on Lake Saimaa broke up on Friday, the earliest date on record.',
      'Ferries will start running next week.',
    ])
  })
})

describe('NewsML 1', () => {
  it('reads NewsLines and the NITF DataContent, and drops the editors’ initials at the end', () => {
    const draft = one('newsml1/item.xml')
    expect(draft.format).toBe('newsml1')
    expect(draft.headline).toBe('Strong earthquake shakes northern Chile, no damage reported')
    expect(draft.dateline).toEqual({ place: 'SANTIAGO', source: 'AFP', date: '2026-02-20T10:05:00+00:00' })
    expect(paragraphs(draft)).toEqual([
      'A magnitude 6.1 earthquake struck off the coast of northern Chile on Friday, the national seismology centre said.',
      'There were no immediate reports of damage or injuries.',
    ])
  })
})

describe('ninjs', () => {
  it('1.x: headline, body_html, description_text, byline with agency, located, picture and related associations, ednote', () => {
    const draft = one('ninjs/v1.json')
    expect(draft.headline).toBe('Ferry company orders two electric ships')
    expect(draft.standfirst).toBe('The ships will run between Bergen and Stavanger from 2029.')
    expect(draft.bylines).toEqual([
      { name: 'Maria Olsen', kind: 'person' },
      { name: 'NTB', kind: 'agency' },
    ])
    expect(draft.dateline).toEqual({ place: 'Bergen', date: '2026-04-01T07:30:00+02:00', source: 'NTB' })
    expect(paragraphs(draft)).toEqual([
      'A Norwegian ferry company has ordered two battery-powered ships.',
      'They will carry 600 passengers each.',
    ])
    expect(draft.pictures).toEqual([
      {
        alt: 'A white ferry with solar panels on its roof',
        caption: "An artist's impression of the new ship.",
        credit: 'Harald Strand/NTB',
      },
    ])
    expect(draft.related).toEqual([
      { headline: 'Ferry strike ends after nine days', url: 'https://example.org/ferry-strike' },
    ])
    expect(draft.notes).toEqual(['Photos available on the picture service.'])
  })

  it('2.x: the main of several headlines, descriptions, a plain-text body and an association list', () => {
    const draft = one('ninjs/v2.json')
    expect(draft.headline).toBe('Wolves return to the Black Forest after 150 years')
    expect(draft.standfirst).toBe('A pair was filmed by a wildlife camera in March.')
    expect(paragraphs(draft)).toHaveLength(2)
    expect(draft.pictures[0]).toMatchObject({
      caption: 'A still from the wildlife camera.',
      credit: 'Forestry Office Freiburg',
    })
  })

  it('3.x: camelCase contentType and firstCreated, an HTML list in the body, a related text association', () => {
    const draft = one('ninjs/v3.json')
    expect(draft.headline).toBe('Solar farm approved on former airfield')
    expect(draft.dateline.date).toBe('2026-07-07T15:00:00Z')
    expect(draft.body.root.children[1]).toMatchObject({ type: 'list', listType: 'bullet' })
    expect(draft.related).toEqual([
      { headline: "The airfield's wartime history", url: 'https://example.org/airfield-history' },
    ])
  })

  it('a search envelope with two items gives two stories', () => {
    const parsed = parseWire(fixture('ninjs/envelope.json'))
    expect(parsed.drafts.map((d) => d.headline)).toEqual([
      'First story in the envelope',
      'Second story in the envelope',
    ])
  })
})

describe('broken copy is refused with a reason', () => {
  it.each([
    ['broken/truncated.xml', /truncated: <p> opened on line 6/],
    ['broken/mismatched.xml', /not well-formed/],
    ['broken/billion-laughs.xml', /entity bombs/],
    ['broken/external-entity.xml', /declares entities/],
    ['broken/truncated.json', /not valid JSON .*cut off/],
    ['broken/not-ninjs.json', /not ninjs/],
    ['broken/headline-only-blank-body.json', /no headline and no story text/],
    ['broken/empty.txt', /empty/],
  ])('%s', (path, reason) => {
    expect(() => parseWire(fixture(path))).toThrow(reason)
  })

  it('refuses a file over 20 MB before reading it', () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x61)
    expect(() => parseWire(big)).toThrow(
      'the file is 20.0 MB; wire files over 20.0 MB are refused (wire copy is a few kilobytes: is this the right file?)',
    )
  })
})
