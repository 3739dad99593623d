import { AutoLinkNode, LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { MarkNode } from '@lexical/mark'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import type { Klass, LexicalNode } from 'lexical'
import { PictureNode } from './PictureNode'

/** The node types a story body may hold: the same set src/shared/body.ts validates. */
export const bodyNodes: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  PictureNode,
  // Words an inline comment is on (editor/comments.ts); export renders their words only.
  MarkNode,
]
