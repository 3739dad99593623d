import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getNodeByKey,
  $getRoot,
  DecoratorNode,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical'
import type { JSX } from 'react'
import { focusSchema, type Focus } from '@shared/media'
import type { Picture } from '@shared/story'
import { PictureFigure, type PictureEdits } from '../../pictures/PictureFigure'

/**
 * A picture in the story body. Its JSON is exactly the shared picture node of src/shared/body.ts
 * ({type: 'picture', version, mediaId?, alt, caption, credit}), which main reads and writes without
 * Lexical. Caption, credit and alt are plain fields, edited in the figure itself, not nested
 * editors: they stay plain strings in the library and in export.
 */
export type SerializedPictureNode = SerializedLexicalNode & { type: 'picture'; version: 1 } & Picture

const EMPTY: Picture = { alt: '', caption: '', credit: '' }

export class PictureNode extends DecoratorNode<JSX.Element> {
  __mediaId: string | undefined
  __alt: string
  __caption: string
  __credit: string
  /** Kept as given (from the lead picture's panel, or wire copy): export centres fixed-shape crops on it. */
  __focus: Focus | undefined

  static override getType(): string {
    return 'picture'
  }

  static override clone(node: PictureNode): PictureNode {
    return new PictureNode(
      {
        mediaId: node.__mediaId,
        alt: node.__alt,
        caption: node.__caption,
        credit: node.__credit,
        ...(node.__focus ? { focus: node.__focus } : {}),
      },
      node.__key,
    )
  }

  static override importJSON(json: Record<string, unknown>): PictureNode {
    const text = (value: unknown) => (typeof value === 'string' ? value : '')
    const focus = focusSchema.safeParse(json.focus)
    return $createPictureNode({
      ...(focus.success ? { focus: focus.data } : {}),
      ...(typeof json.mediaId === 'string' && json.mediaId ? { mediaId: json.mediaId } : {}),
      alt: text(json.alt),
      caption: text(json.caption),
      credit: text(json.credit),
    })
  }

  constructor(picture: Picture = EMPTY, key?: NodeKey) {
    super(key)
    this.__mediaId = picture.mediaId
    this.__alt = picture.alt
    this.__caption = picture.caption
    this.__credit = picture.credit
    this.__focus = picture.focus
  }

  /** The fields as this version of the node holds them (what the serialization walk and decorate want). */
  private fields(): Picture {
    return {
      ...(this.__mediaId ? { mediaId: this.__mediaId } : {}),
      alt: this.__alt,
      caption: this.__caption,
      credit: this.__credit,
      ...(this.__focus ? { focus: this.__focus } : {}),
    }
  }

  override exportJSON(): SerializedPictureNode {
    return { type: 'picture', version: 1, ...this.fields() }
  }

  getPicture(): Picture {
    return this.getLatest().fields()
  }

  /** Change some of the picture's fields; a mediaId of undefined leaves the image as it is. */
  setPicture(changes: Partial<Picture>): this {
    const self = this.getWritable()
    if (changes.mediaId !== undefined && changes.mediaId !== self.__mediaId) {
      self.__mediaId = changes.mediaId
      self.__focus = undefined // a focal point belongs to the image it was set on
    }
    if ('focus' in changes) self.__focus = changes.focus
    if (changes.alt !== undefined) self.__alt = changes.alt
    if (changes.caption !== undefined) self.__caption = changes.caption
    if (changes.credit !== undefined) self.__credit = changes.credit
    return self
  }

  override createDOM(): HTMLElement {
    const block = document.createElement('div')
    block.className = 'picture-block'
    return block
  }

  override updateDOM(): false {
    return false
  }

  override isInline(): false {
    return false
  }

  /** A picture's words are not the story's: they stay out of the body text and word count. */
  override getTextContent(): string {
    return ''
  }

  override decorate(): JSX.Element {
    return <PictureFigure nodeKey={this.__key} picture={this.fields()} edits={pictureEdits(this.__key)} />
  }
}

function $pictureAt(key: NodeKey): PictureNode | null {
  const node = $getNodeByKey(key)
  return $isPictureNode(node) ? node : null
}

/** What the figure may do to the picture node it shows (the node is found afresh by key in each update). */
function pictureEdits(key: NodeKey): PictureEdits {
  return {
    $set: (changes) => void $pictureAt(key)?.setPicture(changes),
    $move: (direction) => {
      const node = $pictureAt(key)
      if (direction === 'up') node?.getPreviousSibling()?.insertBefore(node)
      else node?.getNextSibling()?.insertAfter(node)
    },
    $remove: () => {
      $pictureAt(key)?.remove()
      // The body must keep a block to type in.
      if ($getRoot().getChildrenSize() === 0) $getRoot().append($createParagraphNode())
    },
  }
}

export function $createPictureNode(picture: Picture = EMPTY): PictureNode {
  return $applyNodeReplacement(new PictureNode(picture))
}

export function $isPictureNode(node: LexicalNode | null | undefined): node is PictureNode {
  return node instanceof PictureNode
}
