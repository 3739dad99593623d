import type { LexicalEditor } from 'lexical'
import { useEffect, useState, type RefObject } from 'react'
import { DEFAULT_PLACEHOLDER_WORDS, findPlaceholders } from '@shared/placeholders'
import { invoke } from '../../app/client'
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
    const paint = () => {
      const highlight = new Highlight()
      for (const run of editorRuns(body)) {
        for (const hit of findPlaceholders(run.text, words)) {
          const range = domRange(body, run, hit.start, hit.start + hit.length)
          if (range) highlight.add(range)
        }
      }
      CSS.highlights.set(HIGHLIGHT, highlight)
    }
    paint()
    const unregister = body.registerUpdateListener(() => requestAnimationFrame(paint))
    return () => {
      unregister()
      CSS.highlights.delete(HIGHLIGHT)
    }
  }, [editor, words])
  return null
}
