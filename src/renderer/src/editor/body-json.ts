import {
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type SerializedLexicalNode,
} from 'lexical'
import type { Body } from '@shared/body'

/**
 * The body as JSON, made a block at a time. `editorState.toJSON()` walks every node of the story:
 * for a 10,000-word story that was one long task (60-95 ms) at each autosave, and the keys typed
 * meanwhile waited (docs/benchmarks.md, "Typing"). Here each top-level block's JSON is kept until
 * an update touches it, so a save after typing in one paragraph serialises that paragraph and reuses
 * the rest. The result equals `toJSON()` (tested in body-json.test.ts).
 */
class BlockCache {
  private readonly blocks = new Map<NodeKey, SerializedLexicalNode>()
  private readonly dirty = new Set<NodeKey>()
  private everything = true
  /** The last state this cache was told the dirty blocks of; a read of any other state reads everything. */
  private seen: EditorState | null = null

  constructor(editor: LexicalEditor) {
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState, prevEditorState }) => {
      // An update this cache did not hear of (made before it existed) leaves nothing to go on.
      if (this.seen !== prevEditorState) this.everything = true
      this.seen = editorState
      if (this.everything || editorState === prevEditorState) return
      if (dirtyLeaves.size === 0 && dirtyElements.size <= 1) {
        // A whole state set at once (undo, a story loaded) marks only the root: nothing says which
        // blocks changed, so all are read again.
        this.everything = true
        return
      }
      editorState.read(() => {
        for (const key of [...dirtyElements.keys(), ...dirtyLeaves]) {
          const node = $getNodeByKey(key)
          // A removed node's parent is dirty too; the root's children are read afresh at every save.
          const top = node && key !== 'root' ? node.getTopLevelElement() : null
          if (top) this.dirty.add(top.getKey())
        }
      })
    })
  }

  read(state: EditorState): Body {
    // Asked from another update listener before this one heard of the update: nothing says what changed.
    if (state !== this.seen) this.everything = true
    this.seen = state
    return state.read(() => {
      const root = $getRoot()
      const json = root.exportJSON()
      const seen = new Map<NodeKey, SerializedLexicalNode>()
      for (const block of root.getChildren()) {
        const key = block.getKey()
        let blockJson = this.everything || this.dirty.has(key) ? undefined : this.blocks.get(key)
        if (!blockJson) blockJson = $serialize(block)
        seen.set(key, blockJson)
        json.children.push(blockJson)
      }
      this.blocks.clear()
      for (const [key, value] of seen) this.blocks.set(key, value)
      this.dirty.clear()
      this.everything = false
      return { root: json } as unknown as Body
    })
  }
}

/** A node and everything in it, as Lexical's own export writes it. */
function $serialize(node: LexicalNode): SerializedLexicalNode {
  const json = node.exportJSON()
  if ($isElementNode(node)) {
    const children = (json as SerializedElementNode).children
    for (const child of node.getChildren()) children.push($serialize(child))
  }
  return json
}

const caches = new WeakMap<LexicalEditor, BlockCache>()

/**
 * The editor's body as the library stores it. A block's JSON is shared with the one before it when
 * the block has not changed: treat the result as read-only.
 */
export function readBodyJson(editor: LexicalEditor): Body {
  let cache = caches.get(editor)
  if (!cache) caches.set(editor, (cache = new BlockCache(editor)))
  return cache.read(editor.getEditorState())
}

/** Stands for the root's children in its JSON text: no field of the root holds it. */
const PLACE = '\u0000children\u0000'

/** A block's JSON text by its JSON object, which the cache keeps while no edit touches the block. */
const textOf = new WeakMap<SerializedLexicalNode, string>()

/**
 * The editor's body as JSON text, what autosave sends (story:autosave): each block's text is kept
 * with its JSON (made once per edit of the block), so a save joins strings instead of writing out
 * or cloning 10,000 words. Equals `JSON.stringify(editor.getEditorState().toJSON())`.
 */
export function readBodyJsonText(editor: LexicalEditor): string {
  const { root } = readBodyJson(editor) as unknown as { root: SerializedElementNode }
  const blocks = root.children.map((block) => {
    let text = textOf.get(block)
    if (text === undefined) textOf.set(block, (text = JSON.stringify(block)))
    return text
  })
  // The root's own fields in their order, its children where the placeholder stands.
  const shell = JSON.stringify({ root: { ...root, children: PLACE } })
  return shell.replace(JSON.stringify(PLACE), () => `[${blocks.join(',')}]`)
}
