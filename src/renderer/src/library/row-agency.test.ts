import { describe, expect, it } from 'vitest'
import { agencyBesideBylines } from './row-agency'

describe('the agency beside a library row’s bylines', () => {
  it('is shown when no byline names it', () => {
    expect(agencyBesideBylines({ agency: 'PA', bylines: ['Press Association'] })).toBe('PA')
    expect(agencyBesideBylines({ agency: 'dpa', bylines: ['Marco Krefting', 'Sunrita Sen'] })).toBe('dpa')
  })

  it('is not printed twice ("PA PA", "dpa dpa")', () => {
    expect(agencyBesideBylines({ agency: 'PA', bylines: ['PA'] })).toBeUndefined()
    expect(agencyBesideBylines({ agency: 'dpa', bylines: ['Andrej Sokolow', 'dpa'] })).toBeUndefined()
  })

  it('is not shown without bylines (the agency then stands in for them)', () => {
    expect(agencyBesideBylines({ agency: 'AP', bylines: [] })).toBeUndefined()
    expect(agencyBesideBylines({ agency: null, bylines: ['Jane Doe'] })).toBeUndefined()
  })
})
