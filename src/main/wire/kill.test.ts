import { describe, expect, it } from 'vitest'
import { bodyFromParagraphs } from '../../shared/body'
import { blankDraft } from './draft'
import { killOfAdvisory, killOfStatus, slugOfNotice } from './kill'

const draft = (headline: string, first = 'Text.', slug = '', notes: string[] = []) => ({
  ...blankDraft('anpa1312'),
  headline,
  slug,
  notes,
  body: bodyFromParagraphs([first]),
})

describe('kill and withdrawal notices', () => {
  it('reads a status: canceled is a kill, withheld a withdrawal, usable nothing', () => {
    expect(killOfStatus('stat:canceled', 'legal')).toEqual({ kind: 'kill', notice: 'legal' })
    expect(killOfStatus('withheld', 'wait')).toEqual({ kind: 'withdrawal', notice: 'wait' })
    expect(killOfStatus('stat:usable', 'x')).toBeUndefined()
    expect(killOfStatus(undefined, 'x')).toBeUndefined()
  })

  it('reads an advisory that opens with KILL, WITHDRAWN or ELIMINATION, or carries it in the keyword', () => {
    expect(killOfAdvisory(draft('KILL KILL KILL'))?.kind).toBe('kill')
    expect(killOfAdvisory(draft('', 'WITHDRAWN: the story on the fire is withdrawn.'))?.kind).toBe('withdrawal')
    expect(killOfAdvisory(draft('Fire story', 'Text.', '', ['Eds: ELIMINATION of BC-Fire']))?.kind).toBe('kill')
    expect(killOfAdvisory(draft('Harbor fire', 'Text.', 'harbor-fire-kill'))?.kind).toBe('kill')
  })

  it('is not fooled by a story about killing, in capitals or not', () => {
    expect(killOfAdvisory(draft('POLICE KILL SUSPECT IN RAID'))).toBeUndefined()
    expect(killOfAdvisory(draft('Storm kills two', 'Two people were killed.'))).toBeUndefined()
    expect(killOfAdvisory(draft('Kill switch', 'The kill switch was pulled.', 'killer-whales'))).toBeUndefined()
  })

  it('refers to the slug without its kill word', () => {
    expect(slugOfNotice('harbor-fire-kill')).toBe('harbor-fire')
    expect(slugOfNotice('kill-budget-leak')).toBe('budget-leak')
    expect(slugOfNotice('budget-leak')).toBe('budget-leak')
  })
})
