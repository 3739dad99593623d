import { $createNodeSelection, $getRoot, $setSelection, type LexicalEditor } from 'lexical'
import type { Finding } from '@shared/checks'
import { $selectRange, editorRuns } from '../editor/ranges'

/** The story pane's own field for each place a finding can be (they are labelled for people and tests alike). */
const FIELD_LABELS: Partial<Record<Finding['where']['field'], string>> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  bylines: 'Byline name',
  dateline: 'Dateline place',
}

function focusField(label: string, offset?: number, length?: number): void {
  const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[aria-label="${label}"]`)
  if (!field) return
  field.focus()
  field.scrollIntoView({ block: 'nearest' })
  if (offset !== undefined) field.setSelectionRange(offset, offset + (length ?? 0))
}

/** Move the cursor to what a finding is about: select its words in the body, or go to its field. */
export function goToFinding(finding: Finding, editor: LexicalEditor | null): void {
  const { where } = finding
  const label = FIELD_LABELS[where.field]
  if (label) return focusField(label, where.offset, where.length)
  if (!editor || where.block === undefined) return
  const block = where.block
  if (where.field === 'picture') {
    editor.update(() => {
      const node = $getRoot().getChildren()[block]
      if (!node) return
      const selection = $createNodeSelection()
      selection.add(node.getKey())
      $setSelection(selection)
    })
  } else {
    // Read the text now, not when the check ran: the editor may have typed on since.
    const run = editorRuns(editor).find((r) => r.block === block)
    if (!run) return
    const start = Math.min(where.offset ?? 0, run.text.length)
    const end = Math.min(start + (where.length ?? 0), run.text.length)
    editor.update(() => {
      $selectRange(run, start, end)
    })
  }
  editor.focus()
  const key = editor.getEditorState().read(() => $getRoot().getChildren()[block]?.getKey())
  if (key) editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
}
