import type { ButtonHTMLAttributes } from 'react'

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> {
  /** The glyph shown (×, ↑): decoration, not read out. */
  icon: string
  /** What the button does, in words: its name for screen readers and voice control, and its hover title. */
  label: string
}

/**
 * A button that shows only a glyph. Its name is the words (in text kept for screen readers), not
 * an aria-label over a visible "×": that way the name contains everything visible that is text,
 * as WCAG 2.5.3 label in name asks, and axe has nothing to flag.
 */
export function IconButton({ icon, label, title, type = 'button', ...rest }: Props) {
  return (
    <button type={type} title={title ?? label} {...rest}>
      <span aria-hidden="true">{icon}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  )
}
