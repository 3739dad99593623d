import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Parser } from 'htmlparser2'
import { bodyOf, paragraphNode, textNode, type BlockNode } from '../../src/shared/body'
import type { StoryFields } from '../../src/shared/story'
import { repoRoot } from './paths'

/**
 * The hostile corpus: wire files written to attack an editor's machine (test/fixtures/hostile/,
 * described in its README.md), inputs built here that are too big to keep as files, and a story
 * typed (or pasted) full of markup. Every payload that could run tries to set window.__pwned or
 * open a dialog, and every remote address is attacker.invalid, so a test sees at once if one did.
 */

export const hostileDir = join(repoRoot, 'test', 'fixtures', 'hostile')

export interface HostileFile {
  name: string
  bytes: Buffer
  /** Refused at import (with the reason matching), or imported with the danger taken out. */
  expect: { refused: RegExp } | 'imported'
}

/** What each file must lead to; a file added to the folder without an entry here fails the test. */
const EXPECTATIONS: Record<string, HostileFile['expect']> = {
  'nitf-script-and-handlers.xml': 'imported',
  'nitf-entity-bomb.xml': { refused: /entit/i },
  'nitf-external-entity.xml': { refused: /entit/i },
  'nitf-parameter-entity.xml': { refused: /entit/i },
  'newsml-g2-xhtml-hostile.xml': 'imported',
  'newsml1-hostile.xml': 'imported',
  'ninjs-hostile.json': 'imported',
  'ninjs-prototype.json': 'imported',
  'scraped-hostile.txt': 'imported',
  'iptc7901-hostile.txt': 'imported',
  'anpa1312-hostile.tst': 'imported',
  'svg-with-script.svg': { refused: /svg/i },
  'web-page.html': { refused: /web page|HTML/ },
}

export function hostileFiles(): HostileFile[] {
  return readdirSync(hostileDir)
    .filter((name) => name !== 'README.md')
    .sort()
    .map((name) => {
      const expect = EXPECTATIONS[name]
      if (!expect) throw new Error(`test/fixtures/hostile/${name} has no expectation in test/reliability/hostile.ts`)
      return { name, bytes: readFileSync(join(hostileDir, name)), expect }
    })
}

/** Too big to keep in the repository: bombs built on the spot. */
export function generatedHostileFiles(): { name: string; bytes: Buffer }[] {
  const deepJson = '{"data":'.repeat(50_000) + '{"headline":"deep"}' + '}'.repeat(50_000)
  const deepArrays = '['.repeat(200_000) + ']'.repeat(200_000)
  const deepXml =
    '<nitf><body><body.content>' +
    '<p>'.repeat(1_000_000) +
    'deep' +
    '</p>'.repeat(1_000_000) +
    '</body.content></body></nitf>'
  const deepHtml = JSON.stringify({
    headline: 'Deep',
    body_html: '<b>'.repeat(1_000_000) + 'deep' + '</b>'.repeat(1_000_000),
  })
  const manyAttributes = `<nitf><body><body.content><p ${Array.from({ length: 50_000 }, (_, i) => `a${i}="${i}"`).join(' ')}>words</p></body.content></body></nitf>`
  const manyParagraphs = Array.from({ length: 60_000 }, (_, i) => `Paragraph ${i} of the council minutes.`).join('\n\n')
  const oneLongWord = 'Harbour' + 'x'.repeat(5_000_000)
  const capitals = 'LONDON '.repeat(400_000)
  const unclosedComment = '<?xml version="1.0"?><!--' + ' comment'.repeat(500_000)
  const scriptFlood = '<p>' + '<script>window.__pwned="flood"</script>'.repeat(100_000) + '</p>'
  return [
    { name: 'deep-ninjs-envelopes.json', bytes: Buffer.from(deepJson) },
    { name: 'deep-json-arrays.json', bytes: Buffer.from(deepArrays) },
    { name: 'deep-xml.xml', bytes: Buffer.from(deepXml) },
    { name: 'deep-html-in-ninjs.json', bytes: Buffer.from(deepHtml) },
    { name: 'many-attributes.xml', bytes: Buffer.from(manyAttributes) },
    { name: 'many-paragraphs.txt', bytes: Buffer.from(manyParagraphs) },
    { name: 'one-long-word.txt', bytes: Buffer.from(oneLongWord) },
    { name: 'capitals.txt', bytes: Buffer.from(capitals) },
    { name: 'unclosed-comment.xml', bytes: Buffer.from(unclosedComment) },
    { name: 'script-flood.json', bytes: Buffer.from(JSON.stringify({ headline: 'Flood', body_html: scriptFlood })) },
    { name: 'over-the-size-limit.txt', bytes: Buffer.alloc(21 * 1024 * 1024, 'a') },
  ]
}

const markup = (id: string) => `<img src=x onerror="window.__pwned='${id}'"><script>window.__pwned='${id}'</script>`

/** A story as an editor might leave it after pasting from a hostile page: markup as words everywhere. */
export function hostileStoryFields(): Partial<StoryFields> {
  const styled = { ...textNode('Styled words'), style: 'background-image: url(https://attacker.invalid/pixel.gif)' }
  return {
    headline: `Typed headline ${markup('typed-headline')}`,
    standfirst: `</p></header><script>window.__pwned='typed-standfirst'</script>`,
    slug: 'typed-hostile',
    bylines: [{ name: `Pat Lee ${markup('typed-byline')}`, kind: 'person', title: '"><svg onload=alert(1)>' }],
    dateline: { place: `HULL ${markup('typed-place')}`, source: '</script><script>alert("typed-source")</script>' },
    leadPicture: {
      alt: `" onerror="window.__pwned='typed-alt'`,
      caption: `Caption ${markup('typed-caption')}`,
      credit: `</figcaption><script>window.__pwned='typed-credit'</script>`,
    },
    body: bodyOf([
      paragraphNode(`Pasted ${markup('typed-body')} words.`),
      paragraphNode('</p><iframe src="javascript:alert(`typed-iframe`)"></iframe>'),
      { ...paragraphNode(''), children: [styled] } as BlockNode,
      paragraphNode('A closing line: </script><!-- and ]]> and {{constructor.constructor("alert(1)")()}}'),
    ]),
    related: [
      { headline: `Related ${markup('typed-related')}`, url: 'https://example.org/a"><script>alert(1)</script>' },
    ],
  }
}

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'cite',
  'data',
  'ping',
  'lowsrc',
  'srcset',
  'longdesc',
  'manifest',
  'codebase',
])
const BANNED_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
  'video',
  'audio',
])
const SAFE_IMAGE_DATA = /^data:image\/(png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=]+$/

function urlProblem(attribute: string, value: string): string | null {
  const trimmed = value.trim()
  if (attribute === 'src' && SAFE_IMAGE_DATA.test(trimmed)) return null
  const scheme = /^([a-z][a-z0-9+.-]*):/i
    .exec([...trimmed].filter((c) => c.charCodeAt(0) > 0x20).join(''))?.[1]
    ?.toLowerCase()
  if (scheme === undefined) return null // relative: the page's own folder
  return ['http', 'https', 'mailto'].includes(scheme) ? null : `${attribute}="${trimmed.slice(0, 80)}"`
}

function cssProblem(css: string): string | null {
  if (/expression\s*\(|javascript:|@import|behavior\s*:|-moz-binding/i.test(css))
    return `CSS that runs or loads: ${css.slice(0, 80)}`
  for (const match of css.matchAll(/url\(\s*['"]?([^'")]*)/gi)) {
    if (!SAFE_IMAGE_DATA.test(match[1]!.trim()) && !/^[#\w./-]*$/.test(match[1]!.trim()))
      return `CSS url(${match[1]!.slice(0, 60)})`
  }
  return null
}

/**
 * What in an exported page could run, load something from elsewhere or take the reader away:
 * script (other than the JSON-LD block), event handler attributes, dangerous URL schemes, embedded
 * documents and forms, CSS that loads. An empty list is a page a website can publish as is.
 */
export function pageProblems(html: string): string[] {
  const problems: string[] = []
  let inside: { name: string; attrs: Record<string, string>; text: string } | null = null
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (BANNED_ELEMENTS.has(name)) problems.push(`<${name}>`)
        if (name === 'script' && attrs.type !== 'application/ld+json')
          problems.push(`<script type="${attrs.type ?? ''}">`)
        if (name === 'meta' && /refresh/i.test(attrs['http-equiv'] ?? '')) problems.push('<meta http-equiv="refresh">')
        if (name === 'link' && !['canonical', 'icon'].includes((attrs.rel ?? '').toLowerCase()))
          problems.push(`<link rel="${attrs.rel ?? ''}">`)
        for (const [attribute, value] of Object.entries(attrs)) {
          if (/^on/i.test(attribute)) problems.push(`${attribute} on <${name}>`)
          if (attribute === 'style') {
            const problem = cssProblem(value)
            if (problem) problems.push(problem)
          }
          if (URL_ATTRIBUTES.has(attribute)) {
            const problem = urlProblem(attribute, value)
            if (problem) problems.push(`${problem} on <${name}>`)
          }
        }
        if (name === 'script' || name === 'style') inside = { name, attrs, text: '' }
      },
      ontext(text) {
        if (inside) inside.text += text
      },
      onclosetag(name) {
        if (!inside || inside.name !== name) return
        if (name === 'style') {
          const problem = cssProblem(inside.text)
          if (problem) problems.push(problem)
        } else {
          // The JSON-LD block: JSON, and nothing in it that could end the block early.
          if (/<\/?script|<!--/i.test(inside.text)) problems.push('markup inside the JSON-LD block')
          try {
            JSON.parse(inside.text)
          } catch {
            problems.push('a JSON-LD block that is not JSON')
          }
        }
        inside = null
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  )
  parser.end(html)
  return problems
}
