import type { FormEvent } from 'react'
import { afterTyping, type TypographyRules } from '@shared/typography'

type TextField = HTMLTextAreaElement | HTMLInputElement

/** Our own insertion fires an input event too: it is not typing, and must not be corrected again. */
let replacing = false

/**
 * Typography in a plain field (headline, standfirst): after a character typed at the caret, the
 * replacement goes in with the browser's own editing command, so it is a step of the field's own
 * undo: one Ctrl/Cmd+Z straight after gives back what was typed. React's onChange sees it as an edit.
 */
export function typeset(event: FormEvent<TextField>, rules: TypographyRules | null): void {
  if (!rules || replacing) return
  const input = event.nativeEvent as InputEvent
  if (input.inputType !== 'insertText' || !input.data || input.data.length !== 1 || input.isComposing) return
  const field = event.currentTarget
  const caret = field.selectionStart
  if (caret === null || caret !== field.selectionEnd) return
  const replacement = afterTyping(field.value.slice(0, caret), field.value.slice(caret), rules)
  if (!replacement) return
  field.setSelectionRange(caret - replacement.remove, caret)
  replacing = true
  try {
    if (replacement.insert) document.execCommand('insertText', false, replacement.insert)
    else document.execCommand('delete')
  } finally {
    replacing = false
  }
}
