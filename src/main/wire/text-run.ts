import type { XElement } from './xml'

/**
 * The text between two tags, gathered for the tree the XML and HTML readers build. The parser hands
 * text over in pieces (one for each entity: "&lt;p&gt;" is five), and adding each to the string
 * before made a chain of millions of little strings for an escaped XHTML body (a NewsML-G2 file of
 * 19 MB ran a 256 MB heap out of memory). Pieces are joined a few thousand at a time instead.
 */
export class TextRun {
  private parent: XElement | undefined
  private pieces: string[] = []
  private joined: string[] = []

  add(parent: XElement, text: string): void {
    if (parent !== this.parent) this.end()
    this.parent = parent
    this.pieces.push(text)
    if (this.pieces.length >= 4096) {
      this.joined.push(this.pieces.join(''))
      this.pieces = []
    }
  }

  /** The run is over (a tag opened or closed, or the document ended): its text goes into its element. */
  end(): void {
    const parent = this.parent
    this.parent = undefined
    if (!parent) return
    this.joined.push(this.pieces.join(''))
    const text = this.joined.join('')
    this.pieces = []
    this.joined = []
    const last = parent.children[parent.children.length - 1]
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text
    else if (text) parent.children.push(text)
  }
}
