import { AutoLinkNode, LinkNode } from '@lexical/link'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { useEffect } from 'react'
import { isSafeLink } from '../links'

/**
 * However a link arrives (paste, markdown shortcut, the link box), a javascript:, data: or file:
 * link is unwrapped to its text: it could never be published, and a save holding it is refused.
 */
export function LinkSafetyPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const unwrapUnsafe = (node: LinkNode) => {
      if (isSafeLink(node.getURL())) return
      for (const child of node.getChildren()) node.insertBefore(child)
      node.remove()
    }
    return mergeRegister(
      editor.registerNodeTransform(LinkNode, unwrapUnsafe),
      editor.registerNodeTransform(AutoLinkNode, unwrapUnsafe),
    )
  }, [editor])
  return null
}
