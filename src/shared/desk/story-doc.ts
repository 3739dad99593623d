import * as Y from 'yjs'
import type { Body, BlockNode, InlineNode } from '../body'
import { bodyOf, emptyBody, paragraphNode } from '../body'
import type { Embargo } from '../embargo'
import type { CommentThread } from '../comments'
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
  'editorNote',
  'deskNote',
  'kill',
  'urgency',
  'language',
] as const
export type SharedField = (typeof SHARED_FIELDS)[number]

/**
 * Desk fields: who has the story. When it may run is the story's own embargo (a story field, kept
 * in the doc like the others); the desk server's embargo column is read from its instant.
 */
export interface DeskFields {
  assignee: string | null
}

/**
 * A preflight override made on the story (a kill or an embargo let through, with the reason and
 * the desk head who allowed it): kept in the doc so every colleague's history shows it, not only
 * the library of the editor who made it.
 */
export interface DeskOverride {
  at: string
  by: string
  note: string
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

function inlineToDelta(nodes: readonly InlineNode[], link?: { url: string; kind: string }, marks: string[] = []) {
  const ops: { insert: string; attributes: Attributes }[] = []
  for (const node of nodes) {
    // A comment's words carry its thread ids as an attribute (one string: ids have no spaces), so
    // the mark moves with its words as colleagues type around them, like bold does.
    const base: Attributes = {
      ...(link ? { link: link.url, linkKind: link.kind } : {}),
      ...(marks.length ? { mark: marks.join(' ') } : {}),
    }
    if (node.type === 'text') {
      if (!node.text) continue
      const { type: _t, text, ...rest } = node
      ops.push({ insert: text, attributes: { ...base, ...(rest.format ? { format: rest.format } : {}) } })
    } else if (node.type === 'linebreak') ops.push({ insert: '\n', attributes: base })
    else if (node.type === 'tab') ops.push({ insert: '\t', attributes: base })
    else if (node.type === 'mark') {
      const ids = [...marks, ...node.ids.filter((id) => !marks.includes(id))]
      ops.push(...inlineToDelta(node.children, link, ids))
    } else ops.push(...inlineToDelta(node.children, { url: node.url, kind: node.type }, marks))
  }
  return ops
}

const textDefaults = { detail: 0, mode: 'normal', style: '', version: 1 }
const linkDefaults = { direction: null, format: '', indent: 0, version: 1, rel: null, target: null, title: null }
const markDefaults = { direction: null, format: '', indent: 0, version: 1 }

/** Words into a run of inline nodes, inside a comment's mark when they carry one (joined to the last if the same). */
function pushMarked(into: InlineNode[], nodes: InlineNode[], mark: unknown): void {
  const ids = typeof mark === 'string' && mark ? mark.split(' ') : []
  if (!ids.length) return void into.push(...nodes)
  const last = into[into.length - 1]
  if (last?.type === 'mark' && last.ids.join(' ') === ids.join(' ')) last.children.push(...nodes)
  else into.push({ type: 'mark', ids, ...markDefaults, children: nodes })
}

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
        pushMarked(last.children, nodes, attributes.mark)
      } else {
        const kind = attributes.linkKind === 'autolink' ? 'autolink' : 'link'
        const children: InlineNode[] = []
        pushMarked(children, nodes, attributes.mark)
        out.push({ type: kind, url, ...linkDefaults, children: children as never })
      }
    } else pushMarked(out, nodes, attributes.mark)
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
  } else map.set('node', block)
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

/**
 * The comment threads (the body root's state, src/shared/comments.ts) are a Y.Map by thread id, so
 * two editors adding threads, or answering different ones, both keep theirs; one thread is last
 * writer wins. Their order (the order they were made) is a Y.Array of ids beside it.
 */
function threadsFromDoc(doc: Y.Doc): CommentThread[] {
  const threads = doc.getMap<CommentThread>('comments')
  const order = [...new Set([...doc.getArray<string>('commentOrder').toArray(), ...threads.keys()])]
  return order.flatMap((id) => (threads.has(id) ? [threads.get(id)!] : []))
}

function reconcileThreads(doc: Y.Doc, wanted: readonly CommentThread[]): void {
  const threads = doc.getMap<CommentThread>('comments')
  const order = doc.getArray<string>('commentOrder')
  const ids = new Set(wanted.map((t) => t.id))
  for (const id of [...threads.keys()]) if (!ids.has(id)) threads.delete(id)
  for (let i = order.length - 1; i >= 0; i--) if (!ids.has(order.get(i))) order.delete(i, 1)
  const ordered = new Set(order.toArray())
  for (const thread of wanted) {
    if (!same(threads.get(thread.id), thread)) threads.set(thread.id, thread)
    if (!ordered.has(thread.id)) order.push([thread.id])
  }
}

export function bodyFromDoc(doc: Y.Doc): Body {
  const blocks = doc.getArray<Y.Map<unknown>>('body').toArray().map(blockFromY)
  const body = blocks.length ? bodyOf(blocks) : emptyBody()
  const comments = threadsFromDoc(doc)
  return comments.length ? { root: { ...body.root, $: { comments } } } : body
}

/** The preflight overrides made on the story, oldest first. */
export function overridesOf(doc: Y.Doc): DeskOverride[] {
  return doc.getArray<DeskOverride>('overrides').toArray()
}

/** Keep an override in the doc (with the change it came with, in one transaction when given one). */
export function addOverride(doc: Y.Doc, override: DeskOverride, origin: unknown = null): void {
  doc.transact(() => doc.getArray<DeskOverride>('overrides').push([override]), origin)
}

/**
 * A restore of an older version made on the story (History's Restore, or Undo restore): kept in
 * the doc in the same transaction as the words it brought back, so every colleague's history shows
 * a restore, and who made it, at the change that made it (and can undo it there). `note` names the
 * version by the time it was saved: revision numbers are each library's own.
 */
export interface DeskRestore {
  at: string
  by: string
  note: string
}

/** The restores made on the story, oldest first. */
export function restoresOf(doc: Y.Doc): DeskRestore[] {
  return doc.getArray<DeskRestore>('restores').toArray()
}

/** Keep a restore in the doc (with the words it brought back, in one transaction when given one). */
export function addRestore(doc: Y.Doc, restore: DeskRestore, origin: unknown = null): void {
  doc.transact(() => doc.getArray<DeskRestore>('restores').push([restore]), origin)
}

/** The story as its Y.Doc now has it. */
export function storyFromDoc(doc: Y.Doc): SharedStory {
  const fields = doc.getMap<unknown>('fields')
  const get = <T>(key: string, fallback: T) => (fields.has(key) ? (fields.get(key) as T) : fallback)
  const optional = <K extends SharedField>(key: K) =>
    fields.has(key) ? ({ [key]: fields.get(key) } as Pick<SharedStory, K>) : {}
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
    // Fields a doc written before they were shared does not hold stay as the library has them.
    ...optional('editorNote'),
    ...optional('deskNote'),
    ...optional('kill'),
    ...optional('urgency'),
    ...optional('language'),
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
      reconcileThreads(doc, changes.body.root.$?.comments ?? [])
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
