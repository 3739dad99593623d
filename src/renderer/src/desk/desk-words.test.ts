import { describe, expect, it } from 'vitest'
import type { DeskStatus } from '@shared/desk/contract'
import { deskConnectionWords, deskStateWords } from './desk-words'

const joined: DeskStatus = {
  joined: true,
  url: 'https://desk.example.org/',
  user: 'ann',
  desk: 'news',
  signedIn: true,
  online: true,
  workingOffline: false,
  waiting: 0,
  refused: null,
}

describe('the desk indicator says what waits', () => {
  it('says an expired sign-in and a signed-out library in words that say what to do', () => {
    const expired = 'your sign-in to the desk expired on 2026-12-08 10:00 UTC (sign-ins last 7 days): sign in again'
    expect(deskStateWords({ ...joined, online: false, refused: expired })).toBe(`The desk refused you: ${expired}`)
    expect(deskStateWords({ ...joined, signedIn: false, online: false, waiting: 2 })).toBe(
      'Signed out · 2 changes wait here until you sign in again',
    )
    expect(deskStateWords({ ...joined, signedIn: false, online: false })).toBe(
      'Signed out · shared stories readable here',
    )
  })

  it('names the count of waiting changes whenever there are any, online or not', () => {
    expect(deskStateWords({ ...joined, waiting: 3 })).toBe('Online · 3 changes going up')
    expect(deskStateWords({ ...joined, online: false, waiting: 1 })).toBe('Offline · 1 change waiting to go up')
    expect(deskStateWords({ ...joined, online: false, workingOffline: true, waiting: 2 })).toBe(
      'Working offline · 2 changes waiting',
    )
  })
  it('says all is on the desk only when online with nothing waiting', () => {
    expect(deskStateWords(joined)).toBe('Online · all changes on the desk')
    expect(deskStateWords({ ...joined, online: false })).toBe('Offline · nothing waiting')
  })
  it('puts a refusal before anything else, and says when no desk is joined', () => {
    expect(deskStateWords({ ...joined, refused: 'token expired', waiting: 4 })).toMatch(/refused you: token expired/)
    expect(deskStateWords({ ...joined, joined: false })).toBe('Not on a desk')
  })
  it('announces the connection alone, so a screen reader is not told of every save', () => {
    expect(deskConnectionWords({ ...joined, waiting: 3 })).toBe(deskConnectionWords(joined))
    expect(deskConnectionWords({ ...joined, online: false })).toMatch(/offline/)
    expect(deskConnectionWords({ ...joined, joined: false })).toBe('')
  })
})
