import * as Y from 'yjs'
import type { Body, BlockNode, InlineNode } from '../body'
import { bodyOf, emptyBody, paragraphNode } from '../body'
import type { Embargo } from '../embargo'
import { withoutMarks } from '../comments'
import type { StoryFields } from '../story'

/**
 * A shared story is one Y.Doc (docs/team.md). The same code reads and writes it on the desk server
 * and in every editor's app, so both sides agree on what a story is.
 *
 * - `fields`: a Y.Map, one entry per story field (headline, status, assignee...). Each field is
 *   last-writer-wins; `fieldsBy` names who wrote each one last.
 * - `body`: a Y.Array of blocks. A block of text (paragraph, heading, quote) is a Y.Map holding its
 *   Lexical JSON without children (`node`) and its words as a Y.Text (`text`) whose formatting
 *   (bold, links) is Y.Text attributes, so two editors typing in the same paragraph both keep their
 *   words. Lists and pictures are kept whole (`node` only): last writer wins for that block.
 *
 * Why not @lexical/yjs's own shape: its binding needs a live Lexical editor with every node class of
 * the renderer registered, and main, the CLI and the server run without one. This shape is plain
 * Yjs, merges text the same way, and converts to and from the body JSON the library already stores.
 */

export const SHARED_FIELDS = [
  'slug',
  'status',
  'headline',
  'standfirst',
  'bylines',
  'dateline',
  'leadPicture',
  'related',
  'keywords',
  'publishedAt',
  'embargo',
] as const
export type SharedField = (typeof SHARED_FIELDS)[number]

/**
 * Desk fields: who has the story. When it may run is the story's own embargo (a story field, kept
 * in the doc like the others); the desk server's embargo column is read from its instant.
 */
export interface DeskFields {
  assignee: string | null
}

/** A doc written before the embargo was a story field held its instant as a string. */
function embargoOfDoc(value: unknown): Embargo | null {
  if (typeof value === 'string') return Number.isNaN(Date.parse(value)) ? null : { at: new Date(value).toISOString() }
  return value && typeof value === 'object' ? value : null
}

/** The instant the desk server lists and guards by (its embargo column), from the story's embargo. */
export function deskEmbargoAt(embargo: Embargo | null | undefined): string | null {
  return embargo?.at ?? null
}

export type SharedStory = Omit<StoryFields, 'body'> & { body: Body } & DeskFields

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quote'])

type Attributes = Record<string, unknown>

function inlineToDelta(nodes: readonly InlineNode[], link?: { url: string; kind: string }) {
  const ops: { insert: string; attributes: Attributes }[] = []
  for (const node of nodes) {
    const base: Attributes = link ? { link: link.url, linkKind: link.kind } : {}
    if (node.type === 'text') {
      if (!node.text) continue
      const { type: _t, text, ...rest } = node
      ops.push({ insert: text, attributes: { ...base, ...(rest.format ? { format: rest.format } : {}) } })
    } else if (node.type === 'linebreak') ops.push({ insert: '\n', attributes: base })
    else if (node.type === 'tab') ops.push({ insert: '\t', attributes: base })
    // Inline comments are not shared through the desk yet (their threads are the body's own state,
    // not the doc's): the marked words go in as plain words, never lost.
    else if (node.type === 'mark') ops.push(...inlineToDelta(node.children, link))
    else ops.push(...inlineToDelta(node.children, { url: node.url, kind: node.type }))
  }
  return ops
}

const textDefaults = { detail: 0, mode: 'normal', style: '', version: 1 }
const linkDefaults = { direction: null, format: '', indent: 0, version: 1, rel: null, target: null, title: null }

function deltaToInline(delta: { insert: unknown; attributes?: Attributes }[]): InlineNode[] {
  const out: InlineNode[] = []
  for (const op of delta) {
    if (typeof op.insert !== 'string') continue
    const attributes = op.attributes ?? {}
    const parts = op.insert.split(/(\n|\t)/).filter(Boolean)
    const nodes: InlineNode[] = parts.map((part) =>
      part === '\n'
        ? { type: 'linebreak', version: 1 }
        : part === '\t'
          ? { type: 'tab', text: '\t', ...textDefaults }
          : { type: 'text', text: part, format: Number(attributes.format ?? 0), ...textDefaults },
    )
    const url = attributes.link
    if (typeof url === 'string') {
      const last = out[out.length - 1]
      if (last && (last.type === 'link' || last.type === 'autolink') && last.url === url) {
        ;(last.children as InlineNode[]).push(...nodes)
      } else {
        const kind = attributes.linkKind === 'autolink' ? 'autolink' : 'link'
        out.push({ type: kind, url, ...linkDefaults, children: nodes as never })
      }
    } else out.push(...nodes)
  }
  return out
}

function blockToY(block: BlockNode): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  if (TEXT_BLOCKS.has(block.type) && 'children' in block) {
    const { children, ...node } = block as { children: InlineNode[] }
    map.set('node', node)
    const text = new Y.Text()
    text.applyDelta(inlineToDelta(children))
    map.set('text', text)
  } else map.set('node', withoutMarks(block))
  return map
}

function blockFromY(map: Y.Map<unknown>): BlockNode {
  const node = map.get('node') as Record<string, unknown>
  const text = map.get('text')
  if (text instanceof Y.Text)
    return {
      ...node,
      children: deltaToInline(text.toDelta() as { insert: unknown; attributes?: Attributes }[]),
    } as BlockNode
  return node as BlockNode
}

export function bodyFromDoc(doc: Y.Doc): Body {
  const blocks = doc.getArray<Y.Map<unknown>>('body').toArray().map(blockFromY)
  return blocks.length ? bodyOf(blocks) : emptyBody()
}

/** The story as its Y.Doc now has it. */
export function storyFromDoc(doc: Y.Doc): SharedStory {
  const fields = doc.getMap<unknown>('fields')
  const get = <T>(key: string, fallback: T) => (fields.has(key) ? (fields.get(key) as T) : fallback)
  return {
    slug: get('slug', ''),
    status: get('status', 'draft'),
    headline: get('headline', ''),
    standfirst: get('standfirst', ''),
    bylines: get('bylines', []),
    dateline: get('dateline', {}),
    leadPicture: get('leadPicture', null),
    related: get('related', []),
    keywords: get('keywords', []),
    publishedAt: get('publishedAt', null),
    assignee: get('assignee', null),
    embargo: embargoOfDoc(get<unknown>('embargo', null)),
    body: bodyFromDoc(doc),
  }
}

/** Who last wrote each field (the desk's history shows it). */
export function fieldAuthors(doc: Y.Doc): Record<string, string> {
  return Object.fromEntries(doc.getMap<string>('fieldsBy').entries())
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Make the text of a Y.Text read `delta`, touching only what changed so concurrent edits elsewhere merge. */
function reconcileText(text: Y.Text, wanted: { insert: string; attributes: Attributes }[]): void {
  const before = String(text.toJSON())
  const after = wanted.map((op) => op.insert).join('')
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) start++
  let end = 0
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++
  if (before.length - start - end > 0) text.delete(start, before.length - start - end)
  // Insert the new characters run by run, each with its own formatting.
  let offset = 0
  for (const op of wanted) {
    const from = Math.max(offset, start)
    const to = Math.min(offset + op.insert.length, after.length - end)
    if (to > from) text.insert(from, op.insert.slice(from - offset, to - offset), op.attributes)
    offset += op.insert.length
  }
  // Formatting of text that was kept (bold added to a word): set only where it differs.
  offset = 0
  const current = text.toDelta() as { insert: string; attributes?: Attributes }[]
  const currentAt: Attributes[] = []
  for (const op of current) for (let i = 0; i < op.insert.length; i++) currentAt.push(op.attributes ?? {})
  for (const op of wanted) {
    for (let i = 0; i < op.insert.length; i++) {
      const have = currentAt[offset + i] ?? {}
      if (!same(have, op.attributes)) {
        const clear = Object.fromEntries(Object.keys(have).map((k) => [k, null]))
        text.format(offset + i, 1, { ...clear, ...op.attributes })
      }
    }
    offset += op.insert.length
  }
}

function reconcileBody(doc: Y.Doc, body: Body): void {
  const blocks = doc.getArray<Y.Map<unknown>>('body')
  const wanted = body.root.children
  const have = blocks.toArray()
  // Blocks kept at the start and the end are updated in place; the middle is replaced.
  const kind = (b: BlockNode) => (TEXT_BLOCKS.has(b.type) ? 'text' : b.type)
  const haveKind = (m: Y.Map<unknown>) => (m.get('text') instanceof Y.Text ? 'text' : (m.get('node') as BlockNode).type)
  let start = 0
  while (start < have.length && start < wanted.length && haveKind(have[start]!) === kind(wanted[start]!)) start++
  let end = 0
  while (
    end < have.length - start &&
    end < wanted.length - start &&
    haveKind(have[have.length - 1 - end]!) === kind(wanted[wanted.length - 1 - end]!)
  )
    end++
  const updateInPlace = (map: Y.Map<unknown>, block: BlockNode) => {
    const text = map.get('text')
    if (text instanceof Y.Text && 'children' in block) {
      const { children, ...node } = block as { children: InlineNode[] }
      if (!same(map.get('node'), node)) map.set('node', node)
      reconcileText(text, inlineToDelta(children))
    } else if (!same(map.get('node'), block)) map.set('node', block)
  }
  for (let i = 0; i < start; i++) updateInPlace(have[i]!, wanted[i]!)
  for (let i = 0; i < end; i++) updateInPlace(have[have.length - 1 - i]!, wanted[wanted.length - 1 - i]!)
  const removeCount = have.length - start - end
  if (removeCount > 0) blocks.delete(start, removeCount)
  const inserted = wanted.slice(start, wanted.length - end).map(blockToY)
  if (inserted.length) blocks.insert(start, inserted)
}

/**
 * Write an editor's changes into the doc in one transaction, touching only what changed, and note
 * who wrote each field. `origin` lets the app tell its own changes from the server's.
 */
export function applyToDoc(doc: Y.Doc, changes: Partial<SharedStory>, author: string, origin: unknown = null): void {
  doc.transact(() => {
    const fields = doc.getMap<unknown>('fields')
    const by = doc.getMap<string>('fieldsBy')
    for (const [key, value] of Object.entries(changes)) {
      if (key === 'body' || value === undefined) continue
      if (fields.has(key) && same(fields.get(key), value)) continue
      fields.set(key, value)
      by.set(key, author)
    }
    if (changes.body) {
      const before = JSON.stringify(bodyFromDoc(doc))
      reconcileBody(doc, changes.body)
      if (JSON.stringify(bodyFromDoc(doc)) !== before) by.set('body', author)
    }
  }, origin)
}

/** A new doc holding a story (when a local story is shared to the desk). */
export function docFromStory(story: Partial<SharedStory>, author: string): Y.Doc {
  const doc = new Y.Doc()
  applyToDoc(doc, { ...story, body: story.body ?? bodyOf([paragraphNode('')]) }, author)
  return doc
}
