import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  UNORDERED_LIST,
  type ElementTransformer,
  type Transformer,
} from '@lexical/markdown'
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text'

/** "## " and "### " make subheadings; "# " would make a second headline, which a story has not. */
const SUBHEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) =>
    $isHeadingNode(node) ? `${'#'.repeat(Number(node.getTag().slice(1)))} ${exportChildren(node)}` : null,
  regExp: /^(#{2,3})\s/,
  replace: (parentNode, children, match) => {
    const heading = $createHeadingNode(match[1]!.length === 2 ? 'h2' : 'h3')
    heading.append(...children)
    parentNode.replace(heading)
    heading.select(0, 0)
  },
  type: 'element',
}

export const BODY_TRANSFORMERS: Transformer[] = [
  SUBHEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
]
