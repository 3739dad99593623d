import { describe, expect, it } from 'vitest'
import { checkExternalLink, relatedKind } from './related'

describe('external related links', () => {
  it('accept http and https addresses, adding https:// to a bare domain', () => {
    expect(checkExternalLink('  Explainer:  the front line ', 'https://example.org/front-line?x=1#top')).toEqual({
      ok: true,
      entry: { headline: 'Explainer: the front line', url: 'https://example.org/front-line?x=1#top' },
    })
    expect(checkExternalLink('Council notice', 'york.gov.uk/floods')).toEqual({
      ok: true,
      entry: { headline: 'Council notice', url: 'https://york.gov.uk/floods' },
    })
    expect(checkExternalLink('Old site', 'HTTP://Example.COM')).toMatchObject({
      ok: true,
      entry: { url: 'http://example.com/' },
    })
  })

  it('refuse anything else with a reason that names the problem', () => {
    const refused = (url: string) => {
      const checked = checkExternalLink('A headline', url)
      if (checked.ok) throw new Error(`${url} was accepted`)
      expect(checked.field).toBe('url')
      return checked.message
    }
    expect(refused('javascript:alert(document.cookie)')).toMatch(/only http and https.*"javascript:"/i)
    expect(refused('JavaScript:void(0)')).toMatch(/"javascript:"/)
    expect(refused('file:///etc/passwd')).toMatch(/"file:"/)
    expect(refused('data:text/html,<script>alert(1)</script>')).toMatch(/"data:"/)
    expect(refused('mailto:desk@example.org')).toMatch(/"mailto:"/)
    expect(refused('ftp://example.org/file')).toMatch(/"ftp:"/)
    expect(refused('not a web address')).toMatch(/is not a web address/)
    expect(refused('intranet/page')).toMatch(/"intranet" is not a web site/)
    expect(refused('https://editor:secret@example.org/')).toMatch(/user name or password/)
    expect(refused('   ')).toMatch(/Type the address/)
  })

  it('need a headline, since readers see the headline and not the address', () => {
    expect(checkExternalLink('  ', 'https://example.org/')).toMatchObject({ ok: false, field: 'headline' })
  })

  it('are told apart from library stories and unresolved wire headlines', () => {
    expect(relatedKind({ headline: 'A', storyId: 3 })).toBe('story')
    expect(relatedKind({ headline: 'B', url: 'https://example.org/' })).toBe('link')
    expect(relatedKind({ headline: 'Latest World News item' })).toBe('unresolved')
  })
})
