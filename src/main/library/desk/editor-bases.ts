import * as Y from 'yjs'
import { applyToDoc, type SharedStory } from '@shared/desk/story-doc'

/** How many of an editor's bases are kept (a few per open story is plenty; older ones are refused). */
const KEPT = 64

/**
 * What the window's editor has of each shared story, as Yjs states under numbered bases.
 *
 * The renderer's editor sends whole fields (the body as JSON), not Yjs operations. Turned into
 * operations against the live doc, a save made before a colleague's words arrived would delete
 * them (the doc has words the editor never saw). So each save is turned into operations against
 * the state the editor actually has (its base), and those operations are merged into the live doc:
 * the colleague's words stay, the editor's are added. After a save the editor may carry on from
 * what it sent (it typed meanwhile) or from the merged state (it took the merge in): both are
 * bases, and the reply names both.
 */
export class EditorBases {
  private readonly states = new Map<number, { storyId: number; state: Uint8Array }>()
  private next = 1

  /** The doc as it is now becomes a base the editor can start from. */
  remember(storyId: number, doc: Y.Doc): number {
    return this.keep(storyId, Y.encodeStateAsUpdate(doc))
  }

  private keep(storyId: number, state: Uint8Array): number {
    const base = this.next++
    this.states.set(base, { storyId, state })
    for (const old of this.states.keys()) {
      if (this.states.size <= KEPT) break
      this.states.delete(old)
    }
    return base
  }

  /**
   * Apply an editor's changes, made on `base`, to the live doc. Returns the base for what the
   * editor sent (its own state now) and for the merged doc; null when the base is unknown
   * (too old, or from before the app restarted): the caller reloads rather than guess.
   */
  apply(
    storyId: number,
    base: number,
    doc: Y.Doc,
    changes: Partial<SharedStory>,
    author: string,
    origin: unknown,
  ): { sent: number; merged: number } | null {
    const known = this.states.get(base)
    if (!known || known.storyId !== storyId) return null
    const view = new Y.Doc()
    Y.applyUpdate(view, known.state)
    const before = Y.encodeStateVector(view)
    if (sameVector(before, Y.encodeStateVector(doc))) {
      // Nothing arrived since the editor's base: its changes go straight into the doc.
      applyToDoc(doc, changes, author, origin)
      view.destroy()
      const merged = this.remember(storyId, doc)
      return { sent: merged, merged }
    }
    applyToDoc(view, changes, author)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(view, before), origin)
    const sent = this.keep(storyId, Y.encodeStateAsUpdate(view))
    view.destroy()
    return { sent, merged: this.remember(storyId, doc) }
  }
}

function sameVector(a: Uint8Array, b: Uint8Array): boolean {
  const x = Y.decodeStateVector(a)
  const y = Y.decodeStateVector(b)
  if (x.size !== y.size) return false
  for (const [client, clock] of x) if (y.get(client) !== clock) return false
  return true
}
