import { describe, expect, it } from 'vitest'
import { parseXml, textOf } from './xml'
import { fixture } from '@test/wire/fixtures'

describe('the safe XML reader', () => {
  it('reads elements by local name, with or without namespaces, and decodes XML entities and CDATA as text', () => {
    const root = parseXml('<n:a xmlns:n="urn:x"><n:b k="v">1 &amp; 2 &#8217; <![CDATA[<not> markup]]></n:b></n:a>')
    expect(root.name).toBe('a')
    expect(root.children[0]).toEqual({ name: 'b', attrs: { k: 'v' }, children: ['1 & 2 ’ <not> markup'] })
  })

  it('ignores a DOCTYPE that only names a DTD: nothing is fetched', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "http://example.org/nitf.dtd">\n<nitf><p>ok</p></nitf>',
    )
    expect(textOf(root)).toBe('ok')
  })

  it('refuses entity declarations: a billion laughs and an external entity both fail fast with a reason', () => {
    expect(() => parseXml(fixture('broken/billion-laughs.xml').toString())).toThrow(/declares entities in its DOCTYPE/)
    expect(() => parseXml(fixture('broken/external-entity.xml').toString())).toThrow(/never expands declared entities/)
  })

  it('refuses truncated and mismatched markup, naming the element and line', () => {
    expect(() => parseXml(fixture('broken/truncated.xml').toString())).toThrow(
      'the XML is truncated: <p> opened on line 6 is never closed',
    )
    expect(() => parseXml(fixture('broken/mismatched.xml').toString())).toThrow(
      /not well-formed: <b> opened on line 2 is closed by a different tag/,
    )
    expect(() => parseXml('<a/>trailing words')).toThrow(/text after the end of the XML document/)
    expect(() => parseXml('<a/><b/>')).toThrow(/second root element <b>/)
    expect(() => parseXml('   ')).toThrow(/no root element/)
  })

  it('leaves undeclared named entities as text rather than expanding anything', () => {
    expect(textOf(parseXml('<a>&nbsp;&unknown;</a>'))).toBe('&nbsp;&unknown;')
  })

  it('refuses absurd nesting instead of recursing into it', () => {
    expect(() => parseXml('<a>'.repeat(1000) + '</a>'.repeat(1000))).toThrow(/nested more than 256 deep/)
  })
})
