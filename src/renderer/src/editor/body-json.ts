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

  constructor(editor: LexicalEditor) {
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState, prevEditorState }) => {
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
