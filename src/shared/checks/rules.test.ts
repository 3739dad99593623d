import { describe, expect, it } from 'vitest'
import { bodyFromParagraphs, bodyOf, listNode, paragraphNode, textNode, type BlockNode } from '../body'
import { blankStoryFields } from '../story'
import type { Finding } from './finding'
import { bodyRuns, locate } from '../body-text'
import { runChecks, type CheckableStory } from './index'

/** A story complete in every part but the body, so only the rule under test speaks. */
function story(paragraphs: string[], fields: Partial<CheckableStory> = {}): CheckableStory {
  return {
    ...blankStoryFields(),
    headline: 'Storm closes ports',
    standfirst: 'Ferries are cancelled as gusts reach 80mph.',
    bylines: [{ name: 'Jane Doe', kind: 'person' }],
    dateline: { place: 'DOVER' },
    leadPicture: null,
    body: bodyFromParagraphs(paragraphs),
    ...fields,
  }
}

const findingsOf = (rule: string, paragraphs: string[], fields?: Partial<CheckableStory>): Finding[] =>
  runChecks(story(paragraphs, fields)).filter((f) => f.rule === rule)
const excerpts = (rule: string, ...paragraphs: string[]) => findingsOf(rule, paragraphs).map((f) => f.excerpt)

describe('unpaired quotation marks', () => {
  it('flags a closing mark written as an opening one, pointing at that mark', () => {
    const text = 'He said: “We count on your support,“ thanking Congress.'
    const [found, ...rest] = findingsOf('unpaired-quote', [text])
    expect(rest).toEqual([])
    expect(found!.message).toMatch(/closing quotation mark is written as an opening one/)
    expect(found!.excerpt).toBe('“We count on your support,“')
    expect(found!.where).toEqual({ field: 'body', block: 0, offset: text.lastIndexOf('“'), length: 1 })
  })

  it('flags a quote never closed, and a closing mark with nothing to close', () => {
    expect(findingsOf('unpaired-quote', ['She said “we will stay.', 'Nobody else spoke.'])).toMatchObject([
      { message: 'This quotation is never closed.', excerpt: '“we will stay.', where: { offset: 9 } },
    ])
    expect(findingsOf('unpaired-quote', ['The plan was fair,” he said.'])[0]!.message).toMatch(/closes nothing/)
    expect(findingsOf('unpaired-quote', ['He said ”no” and left.'])[0]!.message).toMatch(
      /opening quotation mark is written as a closing/,
    )
    expect(findingsOf('unpaired-quote', ['Headline here'], { headline: '“Storm closes ports' })).toMatchObject([
      { where: { field: 'headline', offset: 0, length: 1 } },
    ])
  })

  it('raises no alarm on a quote that runs over several paragraphs, or on well-paired marks', () => {
    const running = [
      'Fred Kagan said: “If we stop providing aid, the stalemate does not continue.',
      '“The aid is essential to stop the Russians manoeuvring again.',
      '“So the cost of cutting off aid is that Russia wins.”',
    ]
    expect(findingsOf('unpaired-quote', running)).toEqual([])
    expect(
      excerpts(
        'unpaired-quote',
        '“Yes,” she said, “we will.”',
        'He called it "a very good day".',
        '“…and then it rained,” he said.',
      ),
    ).toEqual([])
  })
})

describe('doubled words, double spaces and spaces before punctuation', () => {
  it('flags "the the" and "Is is", and not "had had", "that that" or Duran Duran', () => {
    expect(excerpts('doubled-word', 'Police closed the the road.', 'Is is over?')).toEqual(['the the', 'Is is'])
    expect(
      excerpts(
        'doubled-word',
        'She had had enough.',
        'He said that that was final.',
        'Duran Duran played Bora Bora.',
        'the theatre',
      ),
    ).toEqual([])
  })

  it('flags two spaces between words and names the words either side', () => {
    const [found] = findingsOf('double-space', ['The ferry  left at noon.'])
    expect(found).toMatchObject({ excerpt: 'ferry  left', where: { block: 0, offset: 9, length: 2 } })
    expect(excerpts('double-space', 'One space. Then another.', '  Leading spaces are the editor’s own.')).toEqual([])
  })

  it('flags a space before a comma or full stop, not an ellipsis or a decimal', () => {
    expect(excerpts('space-before-punctuation', 'Gusts reached 80mph , the Met Office said .')).toEqual([
      '80mph ,',
      'said .',
    ])
    expect(
      excerpts(
        'space-before-punctuation',
        'He paused ... and went on.',
        'A .45 calibre pistol.',
        'Was it? Yes: it was (mostly).',
      ),
    ).toEqual([])
  })
})

describe('one name spelled two ways', () => {
  it('flags Zelensky / Zelenskyy and points at the rarer spelling', () => {
    const found = findingsOf('name-variants', [
      'Mr Zelensky met him.',
      'Later Mr Zelensky spoke.',
      'Russia will talk while Zelenskyy is in power.',
    ])
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toBe('One name spelled two ways? "Zelensky" (2 times) and "Zelenskyy" (1 time).')
    expect(found[0]!.excerpt).toBe('Zelenskyy')
    expect(found[0]!.where).toMatchObject({ block: 2, offset: 23, length: 9 })
  })

  it('flags Phillips / Philips and Centre / Center, not a name and its derivative or possessive', () => {
    expect(excerpts('name-variants', 'Ms Phillips arrived.', 'The Philips factory shut.')).toEqual(['Philips'])
    expect(excerpts('name-variants', 'He left the Barbican Centre.', 'The Lincoln Center opened.')).toHaveLength(1)
    const fine = [
      'Mr Austin went to Russia and met Russian officials.',
      'Mr Austin’s visit pleased Israel and Israeli ministers.',
      'The Ukrainian army and the Ukrainians in Germany met German leaders.',
      'President Bush met Mr Rush.',
      'Three people came. There were more.',
      'NATO allies and Nato members met.',
    ]
    expect(excerpts('name-variants', ...fine)).toEqual([])
  })
})

describe('bounded work on a story full of names', () => {
  /** 676 names, each one letter from 50 others (Kalabski, Kalbbski…): 16,900 pairs one edit apart, about 11 KB. */
  const names: string[] = []
  for (const a of 'abcdefghijklmnopqrstuvwxyz')
    for (const b of 'abcdefghijklmnopqrstuvwxyz') names.push(`Kal${a}${b}ski`)
  const paragraphs = names.map((name) => `Yesterday Mr ${name} met the press.`)

  it('lists at most 50 findings of one rule, then says how many more there are', () => {
    const found = findingsOf('name-variants', paragraphs)
    expect(found.length).toBe(51)
    expect(found[50]!.message).toMatch(/^…and [\d,]+ more like this \(only the first 50 are listed\)\.$/)
    // The line points at the first finding left out, so the editor can go on from there.
    expect(found[50]!.where.block).toBeGreaterThanOrEqual(found[49]!.where.block!)
  })

  it('caps every rule, not only the name rule', () => {
    const found = findingsOf(
      'doubled-word',
      Array.from({ length: 120 }, () => 'the the storm'),
    )
    expect(found).toHaveLength(51)
    expect(found[50]!.message).toContain('70 more')
  })

  it('does not take a very long capitalised run of letters for a name', () => {
    const long = 'Z' + 'a'.repeat(2000)
    expect(findingsOf('name-variants', [`Mr ${long} met Mr ${long}b.`])).toEqual([])
  })
})

describe('a title with no name', () => {
  it('flags "Mr posted on X"', () => {
    expect(findingsOf('honorific-without-name', ['Mr posted on X: “I am here.”'])).toMatchObject([
      { excerpt: 'Mr posted', where: { offset: 0, length: 9 } },
    ])
    expect(excerpts('honorific-without-name', 'They thanked the Dr.', 'It was Prof, not Dr, who spoke.')).toEqual([
      'Dr.',
      'Prof',
      'Dr',
    ])
  })

  it('leaves Mr Austin, Mr. Austin, Mr and Mrs Smith, Gen Valerii Zaluzhnyi and Mr de Klerk alone', () => {
    const fine = [
      'Mr Austin said so.',
      'Mr. Austin said so.',
      'Mr and Mrs Smith arrived.',
      'He met Gen Valerii Zaluzhnyi.',
      'Mr de Klerk and Mr al-Assad spoke.',
      'Mrs Thatcher’s era; Dr O’Neill; Mrs Smith-Jones.',
      'The Mrs Brown’s Boys star.',
    ]
    expect(excerpts('honorific-without-name', ...fine)).toEqual([])
  })
})

describe('a comparison with a number and no "than"', () => {
  it('flags "more 44 billion dollars" and "fewer 10 people"', () => {
    expect(
      excerpts(
        'comparison-without-than',
        'Ukraine has received more 44 billion dollars.',
        'Fewer 10 people came, at less £5 each.',
      ),
    ).toEqual(['more 44 billion', 'Fewer 10', 'less £5'])
    expect(excerpts('comparison-without-than', 'It cost more £35bn, for more two million people.')).toEqual([
      'more £35bn',
      'more two million',
    ])
  })

  it('leaves "more than 44", compounds and idioms alone', () => {
    const fine = [
      'Ukraine has received more than 44 billion dollars.',
      'Nurses face more 12-hour shifts and more 5G masts.',
      'There will be more 18th-century houses listed.',
      'It took more or less 40 minutes.',
      'No more 3am calls.',
    ]
    expect(excerpts('comparison-without-than', ...fine)).toEqual([])
  })
})

describe('missing parts and the house headline length', () => {
  it('flags a missing headline, byline and dateline', () => {
    const bare = story(['Some copy.'], { headline: ' ', bylines: [], dateline: {} })
    expect(runChecks(bare).map((f) => [f.rule, f.where.field])).toEqual([
      ['missing-headline', 'headline'],
      ['missing-byline', 'bylines'],
      ['missing-dateline', 'dateline'],
    ])
    expect(runChecks(story(['Some copy.'], { dateline: { date: '2026-11-24' } }))).toEqual([])
  })

  it('flags pictures with no credit or alt text, or a credit given twice, naming the block', () => {
    const picture = (alt: string, caption: string, credit: string): BlockNode => ({
      type: 'picture',
      alt,
      caption,
      credit,
    })
    const found = runChecks(
      story([], {
        leadPicture: { alt: '', caption: 'Waves at Dover.', credit: 'PA' },
        body: bodyOf([
          paragraphNode('Ports shut.'),
          picture('Waves over a wall', 'Waves at Dover. Picture: PA', 'PA'),
          picture('A ferry', 'A ferry waits.', ''),
          picture('A ferry', 'A ferry waits (Gareth Fuller/PA)', 'Gareth Fuller/PA'),
          picture('A gull', 'A gull (PA).', 'Gareth Fuller'),
        ]),
      }),
    )
    expect(found.map((f) => [f.rule, f.severity, f.where])).toEqual([
      ['picture-alt', 'error', { field: 'picture' }],
      ['picture-credit', 'warning', { field: 'picture', block: 1 }],
      ['picture-credit', 'error', { field: 'picture', block: 2 }],
      ['picture-credit', 'warning', { field: 'picture', block: 3 }],
    ])
  })

  it('flags a headline over the house length, with what runs over as the excerpt', () => {
    const headline = 'US defence secretary meets Zelensky to show ongoing support'
    expect(runChecks(story(['Copy.'], { headline }), { headlineMaxLength: 60 })).toEqual([])
    const [found] = runChecks(story(['Copy.'], { headline }), { headlineMaxLength: 50 })
    expect(found).toMatchObject({
      rule: 'headline-length',
      excerpt: 'g support',
      where: { field: 'headline', offset: 50, length: 9 },
    })
    expect(found!.message).toBe('The headline is 59 characters; the house length is 50 (9 over).')
  })
})

describe('where a finding points', () => {
  it('counts blocks as the editor does (empty paragraphs and pictures included) and finds the text node', () => {
    const link = { type: 'link', url: 'https://example.com', children: [textNode('the the')] }
    const body = bodyOf([
      paragraphNode(''),
      { type: 'picture', alt: 'a', caption: 'c', credit: 'PA' },
      {
        ...paragraphNode(''),
        children: [textNode('See '), textNode('bold', 1), { type: 'linebreak' }, link],
      } as BlockNode,
      listNode('bullet', ['first item', 'second  item']),
    ])
    const found = runChecks(story([], { body }))
    expect(found.map((f) => [f.rule, f.where])).toEqual([
      ['doubled-word', { field: 'body', block: 2, offset: 9, length: 7 }],
      ['double-space', { field: 'body', block: 3, offset: 17, length: 2 }],
    ])
    const [empty, run, list] = bodyRuns(body)
    expect(empty).toMatchObject({ block: 0, text: '' })
    expect(run!.text).toBe('See bold\nthe the')
    expect(locate(run!, 9, 'start')).toEqual({ path: [3, 0], offset: 0 })
    expect(locate(run!, 16, 'end')).toEqual({ path: [3, 0], offset: 7 })
    expect(locate(run!, 4, 'start')).toEqual({ path: [1], offset: 0 })
    expect(locate(run!, 4, 'end')).toEqual({ path: [0], offset: 4 })
    expect(list!.text).toBe('first item\nsecond  item')
    expect(locate(list!, 17, 'start')).toEqual({ path: [1, 0], offset: 6 })
  })
})
