import { describe, expect, it } from 'vitest'
import { isSafeLink, normaliseLink } from './links'

describe('what an editor types into the link box', () => {
  it.each([
    ['example.com', 'https://example.com/'],
    ['  york.gov.uk/floods  ', 'https://york.gov.uk/floods'],
    ['http://example.org/a?b=1#c', 'http://example.org/a?b=1#c'],
    ['HTTPS://Example.org/Page', 'https://example.org/Page'],
    ['localhost:8080/x', 'https://localhost:8080/x'],
    ['example.com:8443/live', 'https://example.com:8443/live'],
    ['news@example.org', 'mailto:news@example.org'],
    ['mailto:desk@example.co.uk?subject=Tip', 'mailto:desk@example.co.uk?subject=Tip'],
    ['+44 20 7946 0000', 'tel:+442079460000'],
    ['(020) 7946-0000', 'tel:02079460000'],
    ['tel:+1 212 555 0100', 'tel:+12125550100'],
    ['münchen.de', 'https://xn--mnchen-3ya.de/'],
  ])('%s becomes %s', (typed, link) => {
    expect(normaliseLink(typed)).toBe(link)
    expect(isSafeLink(link)).toBe(true)
  })

  it.each([
    '',
    '   ',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    'ftp://example.org/file',
    'vbscript:msgbox',
    'not a link',
    'word',
    'mailto:',
    'mailto:nobody',
    'tel:call-me',
    'tel:12',
    'https://',
  ])('%j is refused', (typed) => {
    expect(normaliseLink(typed)).toBeNull()
  })
})
