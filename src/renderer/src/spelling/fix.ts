import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical'
import type { FindingWhere } from '@shared/checks'
import { $selectRange, editorRuns } from '../editor/ranges'
import type { SpellField } from './field-underlines'

/** The story pane's plain fields by the place a finding names. */
const FIELD_LABELS: Partial<Record<FindingWhere['field'], string>> = { headline: 'Headline', standfirst: 'Standfirst' }

export function fieldFor(where: FindingWhere): SpellField | null {
  const label = FIELD_LABELS[where.field]
  return label ? document.querySelector<SpellField>(`[aria-label="${label}"]`) : null
}

/**
 * Put a word in place in a plain field the way typing does (the value, then an input event), so
 * React's onChange and autosave see an edit like any other. Refused when the words have moved.
 */
export function replaceInField(field: SpellField, offset: number, expected: string, replacement: string): boolean {
  if (field.value.slice(offset, offset + expected.length) !== expected) return false
  const value = field.value.slice(0, offset) + replacement + field.value.slice(offset + expected.length)
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value)
  field.dispatchEvent(new Event('input', { bubbles: true }))
  field.focus()
  const caret = offset + replacement.length
  field.setSelectionRange(caret, caret)
  return true
}

/** Replace a stretch of a body block, as one undoable edit; refused when the words have moved. */
export function replaceInBody(
  editor: LexicalEditor,
  block: number,
  offset: number,
  expected: string,
  replacement: string,
): boolean {
  const run = editorRuns(editor).find((r) => r.block === block)
  if (!run || run.text.slice(offset, offset + expected.length) !== expected) return false
  editor.update(() => {
    $selectRange(run, offset, offset + expected.length)
    const selection = $getSelection()
    if ($isRangeSelection(selection)) selection.insertText(replacement)
  })
  editor.focus()
  return true
}

/** A finding's fix: its replacement where its words stand, in the body or a field. */
export function applyReplacement(
  editor: LexicalEditor | null,
  where: FindingWhere,
  expected: string,
  replacement: string,
): boolean {
  if (where.offset === undefined) return false
  if (where.field === 'body')
    return (
      !!editor && where.block !== undefined && replaceInBody(editor, where.block, where.offset, expected, replacement)
    )
  const field = fieldFor(where)
  return !!field && replaceInField(field, where.offset, expected, replacement)
}
