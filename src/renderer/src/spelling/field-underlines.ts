import type { Misspelling } from '@shared/spelling/checker'

export type SpellField = HTMLInputElement | HTMLTextAreaElement

/** The plain fields spelling reads: headline, standfirst, and every picture's caption and credit. */
export const SPELL_FIELDS =
  'textarea[aria-label="Headline"], textarea[aria-label="Standfirst"], [aria-label$=" caption"], [aria-label$=" credit"]'

const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'fontStretch',
  'fontKerning',
  'fontFeatureSettings',
  'letterSpacing',
  'wordSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'textAlign',
  'direction',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'boxSizing',
  'tabSize',
] as const

interface Painted {
  overlay: HTMLDivElement
  text: string
  misspellings: Misspelling[]
}

/**
 * Underlines for plain fields. A textarea or input cannot hold marks, and the CSS highlight API
 * cannot reach inside one, so each field gets a twin: a div laid over it with the same box, font
 * and scroll, its text transparent, the misspelt words underlined. The twin takes no pointer or
 * focus and is never in the page's reading order (aria-hidden); the field itself is untouched.
 */
export class FieldUnderlines {
  private readonly layer: HTMLDivElement
  private readonly painted = new Map<SpellField, Painted>()
  private frame = 0

  constructor() {
    this.layer = document.createElement('div')
    this.layer.className = 'spell-layer'
    this.layer.setAttribute('aria-hidden', 'true')
    document.body.append(this.layer)
    window.addEventListener('scroll', this.schedule, { capture: true, passive: true })
    window.addEventListener('resize', this.schedule, { passive: true })
  }

  /** The fields on the page now. */
  fields(): SpellField[] {
    return [...document.querySelectorAll<SpellField>(SPELL_FIELDS)].filter(
      (f) => f instanceof HTMLTextAreaElement || (f instanceof HTMLInputElement && f.type === 'text'),
    )
  }

  /** Draw a field's misspellings (checked against `text`; a field typed on since keeps its twin till the next answer). */
  paint(field: SpellField, text: string, misspellings: Misspelling[]): void {
    let painted = this.painted.get(field)
    if (!painted) {
      const overlay = document.createElement('div')
      overlay.className = 'spell-twin'
      this.layer.append(overlay)
      painted = { overlay, text: '', misspellings: [] }
      this.painted.set(field, painted)
    }
    const same =
      painted.text === text &&
      painted.misspellings.length === misspellings.length &&
      painted.misspellings.every((m, i) => m.offset === misspellings[i]!.offset && m.word === misspellings[i]!.word)
    painted.text = text
    painted.misspellings = misspellings
    if (same && painted.overlay.childNodes.length) return this.place(field, painted)
    const { overlay } = painted
    overlay.replaceChildren()
    let at = 0
    for (const m of misspellings) {
      overlay.append(text.slice(at, m.offset))
      const mark = document.createElement('span')
      mark.className = 'spell-error'
      mark.textContent = text.slice(m.offset, m.offset + m.length)
      overlay.append(mark)
      at = m.offset + m.length
    }
    // A trailing newline needs a character after it to take up its line.
    overlay.append(text.slice(at) + (text.endsWith('\n') ? ' ' : ''))
    this.place(field, painted)
  }

  /** Whether a node is part of this layer's drawing. */
  owns(node: Node): boolean {
    return this.layer.contains(node)
  }

  /** Forget twins of fields that left the page. */
  prune(): void {
    for (const [field, painted] of this.painted)
      if (!field.isConnected) {
        painted.overlay.remove()
        this.painted.delete(field)
      }
  }

  misspellingsOf(field: SpellField): Misspelling[] {
    const painted = this.painted.get(field)
    return painted && painted.text === field.value ? painted.misspellings : []
  }

  /** The misspelt word under a point on the screen, if any. */
  at(x: number, y: number): { field: SpellField; misspelling: Misspelling; rect: DOMRect } | null {
    for (const [field, painted] of this.painted) {
      if (painted.text !== field.value) continue
      const marks = painted.overlay.querySelectorAll('.spell-error')
      for (let i = 0; i < marks.length; i++) {
        for (const rect of marks[i]!.getClientRects())
          if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom)
            return { field, misspelling: painted.misspellings[i]!, rect }
      }
    }
    return null
  }

  /** The misspelt word the field's caret is in or beside. */
  atCaret(field: SpellField): { misspelling: Misspelling; rect: DOMRect } | null {
    const painted = this.painted.get(field)
    const caret = field.selectionStart
    if (!painted || caret === null || painted.text !== field.value) return null
    const index = painted.misspellings.findIndex((m) => caret >= m.offset && caret <= m.offset + m.length)
    if (index < 0) return null
    const mark = painted.overlay.querySelectorAll('.spell-error')[index]
    return {
      misspelling: painted.misspellings[index]!,
      rect: mark?.getBoundingClientRect() ?? field.getBoundingClientRect(),
    }
  }

  private readonly schedule = () => {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      for (const [field, painted] of this.painted) this.place(field, painted)
    })
  }

  /** Lay the twin exactly over its field, clipped to what of the field shows in its scrolling panel. */
  private place(field: SpellField, { overlay }: Painted): void {
    const rect = field.getBoundingClientRect()
    if (!field.isConnected || rect.width === 0) {
      overlay.style.display = 'none'
      return
    }
    const style = getComputedStyle(field)
    const s = overlay.style
    for (const property of COPIED) s[property] = style[property]
    s.display = 'block'
    s.left = `${rect.left}px`
    s.top = `${rect.top}px`
    s.width = `${rect.width}px`
    s.height = `${rect.height}px`
    s.whiteSpace = field instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre'
    s.overflowWrap = field instanceof HTMLTextAreaElement ? 'break-word' : 'normal'
    let clip = { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right }
    for (let parent = field.parentElement; parent; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent).overflow
      if (overflow === 'visible') continue
      const p = parent.getBoundingClientRect()
      clip = {
        top: Math.max(clip.top, p.top),
        bottom: Math.min(clip.bottom, p.bottom),
        left: Math.max(clip.left, p.left),
        right: Math.min(clip.right, p.right),
      }
    }
    s.clipPath = `inset(${clip.top - rect.top}px ${rect.right - clip.right}px ${rect.bottom - clip.bottom}px ${clip.left - rect.left}px)`
    overlay.scrollTop = field.scrollTop
    overlay.scrollLeft = field.scrollLeft
  }

  /** After typing moved a field's scroll or size. */
  follow(field: SpellField): void {
    const painted = this.painted.get(field)
    if (painted) this.place(field, painted)
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    window.removeEventListener('scroll', this.schedule, { capture: true })
    window.removeEventListener('resize', this.schedule)
    this.layer.remove()
    this.painted.clear()
  }
}
