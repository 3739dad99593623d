import { describe, expect, it } from 'vitest'
import { bodySchema, type Body } from '../../shared/body'
import { parseWire } from './parse'
import { fixture } from '@test/wire/fixtures'

const ALLOWED_BLOCKS = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'picture'])
const ALLOWED_INLINE = new Set(['text', 'linebreak', 'tab', 'link'])
/** The keys our node builders write; anything else would have come from the feed. */
// prettier-ignore
const ALLOWED_KEYS = new Set([
  'type', 'children', 'text', 'format', 'detail', 'mode', 'style', 'version', 'direction', 'indent', 'textFormat',
  'textStyle', 'tag', 'listType', 'start', 'value', 'url', 'rel', 'target', 'title', 'alt', 'caption', 'credit',
])

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit))
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>)
    for (const value of Object.values(node)) walk(value, visit)
  }
}

function assertInert(body: Body): void {
  expect(bodySchema.safeParse(body).success).toBe(true)
  walk(body.root.children, (node) => {
    if (!('type' in node)) return
    expect(ALLOWED_BLOCKS.has(node.type as string) || ALLOWED_INLINE.has(node.type as string)).toBe(true)
    for (const key of Object.keys(node)) expect(ALLOWED_KEYS).toContain(key)
    if (node.type === 'link') expect(String(node.url)).toMatch(/^(https?:|mailto:)/)
    if (node.type === 'text') expect(node.style).toBe('')
  })
}

const allText = (body: Body) => JSON.stringify(body)

describe('HTML inside a feed is rebuilt through an allowlist', () => {
  it('NITF: scripts, styles, frames, objects and SVG are gone, event handlers and javascript:/data: links too', () => {
    const [draft] = parseWire(fixture('nitf/hostile.xml')).drafts
    assertInert(draft!.body)
    const json = allText(draft!.body)
    for (const gone of [
      "alert('script')",
      'document.title',
      'display: none',
      'Frame text',
      "alert('svg')",
      'onclick',
      'onmouseover',
      'onerror',
      'javascript:',
      'data:text',
      'evil.swf',
      'Object fallback',
    ])
      expect(json).not.toContain(gone)
    expect(json).toContain('"url":"https://example.org/report"')
    // The words around dangerous markup arrive; a bad link keeps its words but loses its address.
    expect(json).toContain('Opening words ')
    expect(json).toContain('bad link')
    // CDATA in XML is text by definition: it arrives as words, never as markup.
    expect(json).toContain("<script>alert('cdata')</script> CDATA is text.")
  })

  it('ninjs: body_html with handlers, javascript: links, iframes, SVG, MathML, forms and styles comes out as plain words', () => {
    const [draft] = parseWire(fixture('ninjs/hostile.json')).drafts
    assertInert(draft!.body)
    const json = allText(draft!.body)
    for (const gone of [
      'onmouseover',
      "alert('s')",
      'onerror',
      'javascript:',
      'srcdoc',
      'onload',
      'xlink',
      'evil.example',
      'background:url',
      '"pw"',
    ])
      expect(json).not.toContain(gone)
    expect(json).toContain('"url":"https://example.org/ok"')
    expect(json).toContain('Safe words.')
    expect(json).toContain('Styled.')
    // Escaped markup was text in the feed and stays text.
    expect(json).toContain('<script>escaped stays text</script>')
    expect(draft!.pictures).toEqual([])
  })

  it('an escaped script inside NewsML inlineXML never becomes a node', () => {
    const [draft] = parseWire(fixture('newsml-g2/escaped-inline.xml')).drafts
    assertInert(draft!.body)
    expect(allText(draft!.body)).not.toContain('alert(1)')
  })
})
