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
    // Marks by block: a block no edit touched keeps its run object (editorRuns) and its DOM, so its
    // ranges stand and only the touched block is searched again. Searching the whole story at
    // every key (and every update of a frame) was most of a keystroke's work in a 10,000-word
    // story, and its garbage the long collections while typing (docs/benchmarks.md).
    const marksOf = new WeakMap<TextRun, Range[]>()
    let frame = 0
    const paint = () => {
      frame = 0
      const highlight = new Highlight()
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
        for (const range of marks) highlight.add(range)
      }
      CSS.highlights.set(HIGHLIGHT, highlight)
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
