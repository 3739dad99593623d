import type { LexicalEditor } from 'lexical'
import { useEffect, useState, type RefObject } from 'react'
import { DEFAULT_PLACEHOLDER_WORDS, findPlaceholders } from '@shared/placeholders'
import { invoke } from '../../app/client'
import type { TextRun } from '@shared/body-text'
import { houseStyleChanged } from '../../export/events'
import { domRange, editorRuns } from '../ranges'

const HIGHLIGHT = 'placeholder'
const hasHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS

/**
 * "TK" and the house's placeholder words marked in the body as the editor types, the way spelling
 * marks a misspelt word (a CSS highlight over DOM ranges, so the copy itself is never touched and
 * nothing of it can reach an export). Each is also a Checks finding and a preflight item.
 */
export function PlaceholderMarks({ editor }: { editor: RefObject<LexicalEditor | null> }) {
  const [words, setWords] = useState<readonly string[]>(DEFAULT_PLACEHOLDER_WORDS)
  useEffect(() => {
    let current = true
    invoke('checks:options', {})
      .then((options) => current && setWords(options.placeholderWords))
      .catch(() => undefined)
    // Words changed in the House style dialog are marked (and unmarked) at once, in the open story too.
    const off = houseStyleChanged.on((style) => setWords(style.placeholderWords))
    return () => {
      current = false
      off()
    }
  }, [])
  useEffect(() => {
    const body = editor.current
    if (!body || !hasHighlights()) return
    // Marks by block: a block an edit did not touch keeps its run object (editorRuns) and its DOM,
    // so its ranges stand; only the touched block is searched again. Searching the whole story
    // at every key was a long task a keystroke in a 10,000-word story (docs/benchmarks.md).
    const marksOf = new WeakMap<TextRun, Range[]>()
    const highlight = new Highlight()
    CSS.highlights.set(HIGHLIGHT, highlight)
    let frame = 0
    const paint = () => {
      frame = 0
      const now = new Set<Range>()
      for (const run of editorRuns(body)) {
        let marks = marksOf.get(run)
        if (!marks) {
          marks = []
          for (const hit of findPlaceholders(run.text, words)) {
            const range = domRange(body, run, hit.start, hit.start + hit.length)
            if (range) marks.push(range)
          }
          marksOf.set(run, marks)
        }
        for (const range of marks) now.add(range)
      }
      for (const range of [...highlight]) if (!now.has(range as Range)) highlight.delete(range)
      for (const range of now) if (!highlight.has(range)) highlight.add(range)
    }
    paint()
    const unregister = body.registerUpdateListener(() => {
      if (!frame) frame = requestAnimationFrame(paint)
    })
    return () => {
      unregister()
      cancelAnimationFrame(frame)
      CSS.highlights.delete(HIGHLIGHT)
    }
  }, [editor, words])
  return null
}
