import { afterEach, describe, expect, it, vi } from 'vitest'
import { houseStylePatchSchema } from './settings'

/**
 * docs/reliability.md, finding 3: zod runs a string's refinements even after its max() failed, so a
 * 64 MB language or time zone was handed to Intl (5-7 s in main) before being refused. Each check
 * now looks at a value only once it is of a sensible length: counted here, not timed.
 */
describe('house style checks on huge strings', () => {
  afterEach(() => vi.restoreAllMocks())

  it.each(['language', 'timeZone'] as const)(
    'a 64 MB %s is refused by its length, never looked up in Intl',
    (field) => {
      const locales = vi.spyOn(Intl, 'getCanonicalLocales')
      const zones = vi.spyOn(Intl, 'DateTimeFormat')
      const result = houseStylePatchSchema.safeParse({ [field]: 'x'.repeat(64 * 1024 * 1024) })
      expect(result.success).toBe(false)
      expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([field])
      expect(result.error!.issues[0]!.message).toMatch(/Too big/)
      expect(locales).not.toHaveBeenCalled()
      expect(zones).not.toHaveBeenCalled()
    },
  )

  it('a language and a time zone of sensible length are still checked', () => {
    expect(houseStylePatchSchema.safeParse({ language: 'en-GB', timeZone: 'Europe/London' }).success).toBe(true)
    expect(houseStylePatchSchema.safeParse({ language: 'not a tag!' }).success).toBe(false)
    expect(houseStylePatchSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false)
  })
})
