import { emptyBody, type BlockNode } from '../../shared/body'
import { blockTexts } from '../../shared/body-text'
import { issuesOf } from '../../shared/errors'
import { decodeBytes, type Decoded } from './decode'
import { detectFormat } from './detect'
import { wireDraftFieldsSchema, type WireDraft } from './draft'
import { WireError } from './errors'
import { assertWireSize } from './limits'
import { readingFile } from './read-budget'
import { wireFormatById, type WireFormatId } from './formats'
import { detectionsOf } from './formats/format'
import { tidyDraft } from './tidy'

export interface ParsedWire {
  format: WireFormatId
  encoding: string
  /** Usually one; a NewsML-G2 message or a ninjs list can carry several stories. */
  drafts: WireDraft[]
}

/** The charset an XML declaration names, read from the (ASCII) start of the bytes. */
export function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 300)).toString('latin1')
  return /^\s*(?:\ufeff|ï»¿)?<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(start)?.[1]
}

/** The text of wire bytes; XML formats by the charset their declaration names. Takes any stored id. */
export function decodeWire(bytes: Uint8Array, format: string): Decoded {
  const known = wireFormatById(format)
  const xml = !!known && detectionsOf(known).some((d) => d.by === 'xml-root')
  return decodeBytes(bytes, xml ? declaredXmlEncoding(bytes) : undefined)
}

import { bodyLimitProblem, MAX_STORIES_PER_FILE } from '../../shared/limits'

function isDivider(block: BlockNode): boolean {
  if (block.type !== 'paragraph' || block.children.length !== 1) return false
  const only = block.children[0]!
  return only.type === 'text' && /^\s*(_{2,}|-{3,}|=+|-?30-)\s*$/.test(only.text)
}

/** Trim, fill the gaps the story model needs, and check the draft against the schema with the field named. */
function finish(draft: WireDraft): WireDraft {
  tidyDraft(draft)
  // "___" and "-30-" lines divide copy on the wire; they are not words of the story.
  draft.body.root.children = draft.body.root.children.filter((block) => !isDivider(block))
  draft.headline = draft.headline.replace(/\s+/g, ' ').trim()
  draft.standfirst = draft.standfirst.replace(/\s+/g, ' ').trim()
  const hasText = blockTexts(draft.body).length > 0
  if (!draft.headline && !hasText) throw new WireError('no headline and no story text were found in it')
  if (!draft.body.root.children.length) draft.body = emptyBody()
  if (!hasText) draft.notes.push('The wire item carried no story text: only its headline and details were imported.')
  // The same limits as a save (shared/limits.ts): a story imported can always be edited and saved.
  const problem = bodyLimitProblem(draft.body)
  if (problem) throw new WireError(problem)
  const { body, ...fields } = draft
  const checked = wireDraftFieldsSchema.safeParse(fields)
  if (!checked.success) {
    const detail = issuesOf(checked.error)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')
    throw new WireError(`the copy does not fit a story (${detail})`)
  }
  return { ...checked.data, body }
}

/** Bytes to drafts, or a WireError saying why not. Pure: no library, no file system. */
export function parseWire(bytes: Uint8Array): ParsedWire {
  assertWireSize(bytes.length)
  const format = detectFormat(bytes)
  const decoded = decodeWire(bytes, format)
  const read = readingFile(() => wireFormatById(format)!.read(decoded.text))
  if (read.length > MAX_STORIES_PER_FILE) {
    throw new WireError(
      `it holds ${read.length.toLocaleString('en')} stories; Copydesk takes at most ${MAX_STORIES_PER_FILE.toLocaleString('en')} from one file (ask the sender for the items you need, or split the file)`,
    )
  }
  const drafts = read.map(finish)
  if (!drafts.length) throw new WireError('no story was found in it')
  return { format, encoding: decoded.encoding, drafts }
}
