import { describe, expect, it } from 'vitest'
import { isDateString, placeOfDateline, sourceOfDateline, splitDateline } from './dateline'

describe('datelines as agencies write them', () => {
  it.each([
    ['Berlin (dpa) – Die Koalition …', 'Berlin', 'dpa', 'Die Koalition …'],
    ['Berlin (dpa/lby) - Die Koalition …', 'Berlin', 'dpa', 'Die Koalition …'],
    ['BUENOS AIRES, Argentina (AP) _ For cancer patients', 'BUENOS AIRES, Argentina', 'AP', 'For cancer patients'],
    ['LONDON, Nov 20 (Reuters) - Britain’s', 'LONDON', 'Reuters', 'Britain’s'],
    ['Nueva Delhi, 21 ene (EFE).- Una pareja', 'Nueva Delhi', 'EFE', 'Una pareja'],
    ['PARIS, 1 déc 2026 (AFP) - Le gouvernement', 'PARIS', 'AFP', 'Le gouvernement'],
    ['Paris (ats afp) Les violences', 'Paris', 'ats', 'Les violences'],
    ['Oslo (NTB): Regjeringen', 'Oslo', 'NTB', 'Regjeringen'],
    ['Stockholm (TT) Regeringen', 'Stockholm', 'TT', 'Regeringen'],
    ['HELSINKI (STT) Hallitus', 'HELSINKI', 'STT', 'Hallitus'],
    ['Bruxelles (Belga) = Le gouvernement', 'Bruxelles', 'Belga', 'Le gouvernement'],
    ['(ANSA) - ROMA, 1 DIC - Il governo', 'ROMA', 'ANSA', 'Il governo'],
    ['TOKYO, Dec. 1 Kyodo - Japan’s', 'TOKYO', 'Kyodo', 'Japan’s'],
    ['SYDNEY, Dec 1 AAP - Police', 'SYDNEY', 'AAP', 'Police'],
    ['TORONTO, June 09, 2020 (GLOBE NEWSWIRE) -- Auxly', 'TORONTO', 'GLOBE NEWSWIRE', 'Auxly'],
    ['بيروت (أ ف ب) - افتتح', 'بيروت', 'أ ف ب', 'افتتح'],
  ])('%s', (paragraph, place, source, rest) => {
    expect(splitDateline(paragraph)).toEqual({ place, source, rest })
  })

  it.each([
    'The minister (right) - who spoke first - said so.',
    'The agency (Reuters) Said it would not comment on the report from the ministry.',
    'Prices rose (again) in November.',
  ])('%s has no dateline', (paragraph) => expect(splitDateline(paragraph)).toBeUndefined())

  it('never takes a date for the place', () => {
    expect(isDateString('20190121T103600+0000')).toBe(true)
    expect(isDateString('20010907')).toBe(true)
    expect(isDateString('Hamburg')).toBe(false)
    expect(placeOfDateline('20010907')).toBe('')
    expect(placeOfDateline('Hamburg (dpa) - ')).toBe('Hamburg')
    expect(placeOfDateline('BERLIN, Oct 18 -')).toBe('BERLIN')
    expect(sourceOfDateline('New York (dpa) - ')).toBe('dpa')
  })
})
