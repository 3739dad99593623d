import { describe, expect, it } from 'vitest'
import { useTempLibraries } from '@test/library-fixture'
import { call } from '../api'
import { openLibrary } from '.'
import { DEFAULT_HOUSE_STYLE } from '../../shared/settings'
import { readHouseStyle, readSetting, writeSetting } from './settings'

const libraries = useTempLibraries()

describe('house style settings', () => {
  it('start at the defaults, save only what is changed, and are there when the library is opened again', () => {
    const dir = libraries.dir()
    const library = libraries.open(`${dir}/library.sqlite`)
    expect(call(library, 'settings:get', {})).toEqual(DEFAULT_HOUSE_STYLE)
    const saved = call(library, 'settings:set', {
      datelineStyle: 'agency-en-dash',
      creditLabel: 'Photo:',
      language: 'en-us',
      siteUrl: 'https://news.example.com/stories/',
    })
    expect(saved).toEqual({
      ...DEFAULT_HOUSE_STYLE,
      datelineStyle: 'agency-en-dash',
      creditLabel: 'Photo:',
      language: 'en-US',
      siteUrl: 'https://news.example.com/stories',
    })
    expect(call(library, 'settings:set', { siteName: 'Coast Gazette' }).creditLabel).toBe('Photo:')
    library.close()
    const again = openLibrary(`${dir}/library.sqlite`)
    try {
      expect(call(again, 'settings:get', {})).toMatchObject({ creditLabel: 'Photo:', siteName: 'Coast Gazette' })
    } finally {
      again.close()
    }
  })

  it('refuse a bad value, naming the field, and save nothing of that change', () => {
    const library = libraries.open()
    expect(() => call(library, 'settings:set', { creditLabel: 'Pic:', timeZone: 'Mars/Olympus' })).toThrow(
      /timeZone: a time zone such as Europe\/London/,
    )
    expect(() => call(library, 'settings:set', { language: 'english please' })).toThrow(/language: a language tag/)
    expect(() => call(library, 'settings:set', { siteUrl: 'javascript:alert(1)' })).toThrow(/siteUrl: an http or https/)
    expect(() => call(library, 'settings:set', { datelineStyle: 'gothic' })).toThrow(/datelineStyle/)
    expect(() => call(library, 'settings:set', { fontSize: 12 })).toThrow(/fontSize/)
    expect(call(library, 'settings:get', {})).toEqual(DEFAULT_HOUSE_STYLE)
  })

  it('fall back to the default for a stored value that no longer passes, keeping the others', () => {
    const library = libraries.open()
    call(library, 'settings:set', { creditLabel: 'Photo:' })
    writeSetting(library.db, 'house.timeZone', 'Nowhere/Special')
    library.db.prepare(`INSERT INTO settings (key, value) VALUES ('house.language', '{not json')`).run()
    expect(readHouseStyle(library.db)).toEqual({ ...DEFAULT_HOUSE_STYLE, creditLabel: 'Photo:' })
    expect(readSetting(library.db, 'house.creditLabel')).toBe('Photo:')
  })
})
