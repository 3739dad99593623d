import { describe, expect, it } from 'vitest'
import {
  describeEmbargo,
  embargoFrom,
  embargoHolds,
  instantToZoned,
  timeLeft,
  zonedToInstant,
  zoneOffsetAt,
} from './embargo'

const iso = (wall: string, zone: string) => zonedToInstant(wall, zone)?.toISOString()

describe('an embargo time in a zone', () => {
  it('reads a wall-clock time in zones either side of UTC, summer and winter', () => {
    expect(iso('2026-01-15T12:00', 'Europe/London')).toBe('2026-01-15T12:00:00.000Z')
    expect(iso('2026-07-15T12:00', 'Europe/London')).toBe('2026-07-15T11:00:00.000Z')
    expect(iso('2026-01-15T12:00', 'America/New_York')).toBe('2026-01-15T17:00:00.000Z')
    expect(iso('2026-07-15T12:00', 'America/New_York')).toBe('2026-07-15T16:00:00.000Z')
    expect(iso('2026-07-15T12:00', 'Asia/Kolkata')).toBe('2026-07-15T06:30:00.000Z')
    expect(iso('2026-07-15T12:00', 'Australia/Sydney')).toBe('2026-07-15T02:00:00.000Z')
    expect(iso('2026-01-15T12:00', 'Australia/Sydney')).toBe('2026-01-15T01:00:00.000Z')
  })

  it('crosses the spring-forward change: the hour before and after, and a time the clocks skip', () => {
    // London: 29 March 2026, 01:00 GMT becomes 02:00 BST.
    expect(iso('2026-03-29T00:30', 'Europe/London')).toBe('2026-03-29T00:30:00.000Z')
    expect(iso('2026-03-29T02:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z')
    expect(iso('2026-03-29T01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z')
    // New York: 8 March 2026, 02:00 EST becomes 03:00 EDT.
    expect(iso('2026-03-08T01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z')
    expect(iso('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z')
    expect(iso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z')
  })

  it('crosses the fall-back change: a time that happens twice holds until the later one', () => {
    // London: 25 October 2026, 02:00 BST becomes 01:00 GMT; 01:30 happens at 00:30Z and 01:30Z.
    expect(iso('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T01:30:00.000Z')
    expect(iso('2026-10-25T00:30', 'Europe/London')).toBe('2026-10-24T23:30:00.000Z')
    expect(iso('2026-10-25T02:30', 'Europe/London')).toBe('2026-10-25T02:30:00.000Z')
    // New York: 1 November 2026, 02:00 EDT becomes 01:00 EST; 01:30 at 05:30Z and 06:30Z.
    expect(iso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T06:30:00.000Z')
    expect(iso('2026-11-01T03:00', 'America/New_York')).toBe('2026-11-01T08:00:00.000Z')
  })

  it('the same instant reads back as the wall-clock time it was given in', () => {
    for (const [wall, zone] of [
      ['2026-03-29T03:15', 'Europe/London'],
      ['2026-10-25T00:45', 'Europe/London'],
      ['2026-03-08T04:00', 'America/New_York'],
      ['2026-11-01T00:59', 'America/New_York'],
      ['2026-06-01T09:00', 'Europe/Berlin'],
    ] as const) {
      expect(instantToZoned(zonedToInstant(wall, zone)!, zone).wall).toBe(wall)
    }
    expect(zoneOffsetAt('Europe/London', Date.parse('2026-07-01T00:00:00Z'))).toBe(60)
    expect(zoneOffsetAt('America/New_York', Date.parse('2026-12-01T00:00:00Z'))).toBe(-300)
    expect(zoneOffsetAt('+05:30', 0)).toBe(330)
  })

  it('refuses what is not a time or not a zone', () => {
    expect(zonedToInstant('tomorrow noon', 'Europe/London')).toBeUndefined()
    expect(zonedToInstant('2026-01-01T12:00', 'Mars/Olympus')).toBeUndefined()
  })
})

describe('an embargo from the wire or the desk', () => {
  it('keeps an offset the agency gave as the zone and stores the UTC instant', () => {
    expect(embargoFrom('2026-12-01T10:00:00+01:00', 'America/New_York', { from: 'wire' })).toEqual({
      at: '2026-12-01T09:00:00.000Z',
      zone: '+01:00',
      from: 'wire',
    })
    expect(embargoFrom('2026-12-01T10:00:00Z', 'Europe/London')?.zone).toBe('UTC')
  })

  it('reads a time without a zone in the zone it is given (the house zone for wire copy)', () => {
    expect(embargoFrom('2026-07-01T12:00', 'Europe/London')).toEqual({
      at: '2026-07-01T11:00:00.000Z',
      zone: 'Europe/London',
    })
    expect(embargoFrom('2026-07-01T12:00', 'America/New_York')?.at).toBe('2026-07-01T16:00:00.000Z')
  })

  it('keeps words alone as words, which hold until an editor sets a time', () => {
    const words = embargoFrom(undefined, 'Europe/London', { note: 'Sperrfrist: Donnerstag, 12.00 Uhr' })
    expect(words).toEqual({ note: 'Sperrfrist: Donnerstag, 12.00 Uhr' })
    expect(embargoHolds(words, new Date('2030-01-01T00:00:00Z'))).toBe(true)
    expect(describeEmbargo(words!)).toContain('no time set')
  })

  it('holds until its instant and not a second after, wherever the desk is', () => {
    const embargo = embargoFrom('2026-03-29T02:30', 'Europe/London')!
    expect(embargoHolds(embargo, new Date('2026-03-29T01:29:59Z'))).toBe(true)
    expect(embargoHolds(embargo, new Date('2026-03-29T01:30:00Z'))).toBe(false)
    expect(embargoHolds(null, new Date())).toBe(false)
  })

  it('says when it ends in the zone it was given, and counts down', () => {
    const embargo = embargoFrom('2026-12-03T12:00', 'Europe/London')!
    expect(describeEmbargo(embargo)).toBe('12:00 Europe/London (UTC+00:00), Thu 3 Dec 2026')
    const summer = embargoFrom('2026-07-02T09:00', 'America/New_York')!
    expect(describeEmbargo(summer)).toBe('09:00 America/New_York (UTC-04:00), Thu 2 Jul 2026')
    expect(timeLeft(embargo, new Date('2026-12-01T09:00:00Z'))).toBe('2 d 3 h')
    expect(timeLeft(embargo, new Date('2026-12-03T08:55:00Z'))).toBe('3 h 05 min')
    expect(timeLeft(embargo, new Date('2026-12-03T11:56:00Z'))).toBe('4 min')
    expect(timeLeft(embargo, new Date('2026-12-03T12:00:00Z'))).toBeUndefined()
  })
})
