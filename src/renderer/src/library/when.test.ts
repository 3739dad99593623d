import { describe, expect, it } from 'vitest'
import { lastEdited, setHouseDates, writtenDate } from './when'

describe('dates in the house language and time zone', () => {
  it('says today by the house clock, not the machine’s', () => {
    // 23:30 UTC on 1 March is already 2 March in Tokyo, and still 1 March in London.
    const now = new Date('2026-03-01T23:30:00Z')
    setHouseDates('en-GB', 'Asia/Tokyo')
    expect(lastEdited('2026-03-01T23:10:00Z', now)).toBe('08:10')
    expect(lastEdited('2026-03-01T14:00:00Z', now)).toBe('Sun 23:00')
    setHouseDates('en-GB', 'Europe/London')
    expect(lastEdited('2026-03-01T23:10:00Z', now)).toBe('23:10')
  })

  it('writes months in the house language', () => {
    setHouseDates('de', 'Europe/Berlin')
    expect(lastEdited('2023-11-20T10:00:00Z', new Date('2026-01-01T00:00:00Z'))).toBe('20. Nov. 2023')
    expect(writtenDate('2026-11-24T06:45', true)).toMatch(/^Di\., 24\. Nov\. 2026, 06:45$/)
    setHouseDates('en-US', 'America/New_York')
    expect(writtenDate('2026-11-24')).toBe('Nov 24, 2026')
  })

  it('keeps a written date as written, whatever the zone', () => {
    setHouseDates('en-GB', 'Pacific/Kiritimati')
    expect(writtenDate('2026-11-24T23:45', true)).toBe('Tue, 24 Nov 2026, 23:45')
    expect(writtenDate('not a date')).toBeNull()
  })
})
