import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  HISTORY_PUSH_TAG,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { flushSync } from 'react-dom'
import { findMatches, type FindOptions, type Match } from '../find'
import { $resolveRange, $selectRange, domRange, editorRuns, type ResolvedRange } from '../ranges'
import { IconButton } from '../../app/IconButton'
import { $isPictureNode } from '../nodes/PictureNode'
import {
  countIn,
  countPlain,
  describeCounts,
  findScopes,
  inScope,
  queryPattern,
  replaceInPicture,
  replacePlain,
  SCOPE_LABELS,
  type CountedPart,
  type FindScope,
  type PlainFields,
} from '../story-find'
import { isComposingKey, isShortcut } from '../../app/keys'

/** The story's fields outside the body, for find and replace across the story. */
export interface StoryFindAccess {
  read: () => PlainFields
  write: (changes: Partial<PlainFields>) => void
}

/** What the bar's Undo puts back after a replace-all: the plain fields as they were, and the body by one undo. */
interface LastReplace {
  before: Partial<PlainFields>
  bodyChanged: boolean
}

/** Matches are found again this long after the last keystroke in the body or the find box. */
const FIND_DELAY_MS = 80

/** Replace each resolved range (already in reverse reading order, so earlier offsets stay true). */
function $replaceRanges(ranges: ResolvedRange[], replacement: string): void {
  for (const { start, end, between } of ranges) {
    if (start.node.is(end.node)) {
      start.node.spliceText(start.offset, end.offset - start.offset, replacement)
      continue
    }
    start.node.spliceText(start.offset, start.node.getTextContentSize() - start.offset, replacement)
    for (const node of between) node.remove()
    end.node.spliceText(0, end.offset, '')
  }
}

/**
 * Replace matches in one update tagged as its own history step, so a single undo brings every
 * replaced word back. Ranges are resolved before anything changes, then replaced last to first.
 */
function replaceMatches(
  editor: LexicalEditor,
  matches: Match[],
  replacement: string,
  pictures: RegExp | null = null,
): number {
  let inPictures = 0
  editor.update(
    () => {
      const ranges = matches
        .map((m) => $resolveRange(m.run, m.start, m.end))
        .filter((r): r is ResolvedRange => r !== null)
        .reverse()
      $replaceRanges(ranges, replacement)
      // The body's pictures' captions, credits and alt text, in the same history step.
      if (pictures) {
        for (const node of $getRoot().getChildren()) {
          if (!$isPictureNode(node)) continue
          const { picture, count } = replaceInPicture(node.getPicture(), pictures, replacement)
          if (count) node.setPicture(picture)
          inPictures += count
        }
      }
      // The old selection may point into text that is gone.
      $setSelection(null)
    },
    { tag: HISTORY_PUSH_TAG, discrete: true },
  )
  return inPictures
}

/** Matches in the body's pictures' captions, credits and alt text. */
function countInBodyPictures(editor: LexicalEditor, pattern: RegExp | null): number {
  if (!pattern) return 0
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .filter($isPictureNode)
      .reduce((n, node) => {
        const p = node.getPicture()
        return n + countIn(p.caption, pattern) + countIn(p.credit, pattern) + countIn(p.alt, pattern)
      }, 0),
  )
}

const NO_MATCHES: Match[] = []

/** One search's answer, with what it answered: matches are only ever used for the search they belong to. */
interface Found {
  query: string
  options: FindOptions
  bodyVersion: number
  matches: Match[]
}

const answers = (found: Found | null, query: string, options: FindOptions): found is Found =>
  found !== null &&
  found.query === query &&
  found.options.matchCase === options.matchCase &&
  found.options.wholeWord === options.wholeWord

const HIGHLIGHTS = { all: 'find-match', current: 'find-current' } as const

/** Matches are shown with the CSS Custom Highlight API, which marks text without touching the document. */
function showHighlights(editor: LexicalEditor, matches: Match[], current: number): () => void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return () => undefined
  const all = new Highlight()
  const now = new Highlight()
  matches.forEach((m, i) => {
    const range = domRange(editor, m.run, m.start, m.end)
    if (range) (i === current ? now : all).add(range)
  })
  CSS.highlights.set(HIGHLIGHTS.all, all)
  CSS.highlights.set(HIGHLIGHTS.current, now)
  return () => {
    CSS.highlights.delete(HIGHLIGHTS.all)
    CSS.highlights.delete(HIGHLIGHTS.current)
  }
}

/**
 * Find and replace across the story, opened with Ctrl/Cmd+F: headline, standfirst, bylines, body,
 * captions, credits and alt text (or one of them: the scope), match case, whole word, the count per
 * part; next and previous move through the body's matches; Replace all is one step: Ctrl+Z in the
 * body takes back the body's part, and the bar's Undo takes back every field at once.
 */
export function FindReplacePlugin({ story }: { story?: StoryFindAccess }) {
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [replacement, setReplacement] = useState('')
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, wholeWord: false })
  const [found, setFound] = useState<Found | null>(null)
  const [current, setCurrent] = useState(0)
  const [bodyVersion, setBodyVersion] = useState(0)
  const [note, setNote] = useState('')
  const [scope, setScope] = useState<FindScope>('story')
  const [lastReplace, setLastReplace] = useState<LastReplace | null>(null)
  const findInput = useRef<HTMLInputElement>(null)
  const bodyInScope = inScope(scope, 'body')

  // While a search for what the box now says is still due (typing), no old answer is shown or used.
  const pending = open && !!query && !answers(found, query, options)
  const matches = open && query && bodyInScope && answers(found, query, options) ? found.matches : NO_MATCHES
  // The count in every part in scope (read as the bar renders: it re-renders on every search).
  const pattern = open ? queryPattern(query, options) : null
  const counts: Partial<Record<CountedPart, number>> = {
    ...(story && pattern ? countPlain(story.read(), pattern, scope) : {}),
  }
  if (pattern && bodyInScope) counts.body = matches.length
  if (pattern && inScope(scope, 'pictures'))
    counts.pictures = (counts.pictures ?? 0) + countInBodyPictures(editor, pattern)
  const total = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0)
  const index = matches.length ? Math.min(current, matches.length - 1) : -1

  const search = useCallback(
    (q: string, o: FindOptions, version: number): Found => ({
      query: q,
      options: o,
      bodyVersion: version,
      matches: findMatches(editorRuns(editor), q, o),
    }),
    [editor],
  )

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event, { key: 'f' })) return
      event.preventDefault()
      const selected = editor.getEditorState().read(() => {
        const selection = $getSelection()
        return $isRangeSelection(selection) ? selection.getTextContent() : ''
      })
      // The bar is drawn and focused before this key's handler returns: an editor typing the word
      // straight after Ctrl+F sends the next keys at once, and with the focus given a frame later
      // the first letters went into the story (seen in CI: "Zel" in the body, "ensky" in Find).
      flushSync(() => {
        if (selected && !selected.includes('\n') && selected.length <= 200) setQuery(selected)
        setOpen(true)
      })
      findInput.current?.focus()
      findInput.current?.select()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [editor])

  useEffect(() => {
    if (!open) return
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size || dirtyLeaves.size) setBodyVersion((v) => v + 1)
    })
  }, [editor, open])

  useEffect(() => {
    if (!open || !query) return
    if (found && answers(found, query, options) && found.bodyVersion === bodyVersion) return
    const timer = setTimeout(() => setFound(search(query, options, bodyVersion)), FIND_DELAY_MS)
    return () => clearTimeout(timer)
  }, [open, query, options, bodyVersion, found, search])

  useEffect(() => showHighlights(editor, matches, index), [editor, matches, index])

  const scrollTo = useCallback(
    (match: Match | undefined) => {
      const range = match && domRange(editor, match.run, match.start, match.end)
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' })
    },
    [editor],
  )

  /**
   * The matches for what the find bar says now: the debounced answer when it is current, else a
   * search run here and then (a click can come before the debounce does).
   */
  const currentMatches = (): Match[] => {
    if (!query) return NO_MATCHES
    if (answers(found, query, options) && found.bodyVersion === bodyVersion) return found.matches
    const fresh = search(query, options, bodyVersion)
    setFound(fresh)
    return fresh.matches
  }

  const step = (by: number) => {
    const now = currentMatches()
    if (!now.length) return
    const from = now === matches ? index : Math.min(current, now.length - 1)
    const next = (from + by + now.length) % now.length
    setCurrent(next)
    scrollTo(now[next])
  }

  /** Fresh matches: the body may have changed since the last search ran. */
  const freshMatches = () => findMatches(editorRuns(editor), query, options)

  /** A changed option is searched at once: it is a click, with no typing to wait out. */
  const changeOptions = (change: Partial<FindOptions>) => {
    const next = { ...options, ...change }
    setOptions(next)
    setCurrent(0)
    if (query) setFound(search(query, next, bodyVersion))
  }

  const replaceOne = () => {
    if (!bodyInScope) return
    const fresh = freshMatches()
    const target = fresh[Math.min(Math.max(index, 0), fresh.length - 1)]
    if (!target) return
    replaceMatches(editor, [target], replacement)
    setNote('Replaced 1.')
    setLastReplace(null)
  }

  /** Every match in scope, in one step: the body's (text and pictures) in one editor update, the plain fields at once. */
  const replaceAll = () => {
    const fresh = bodyInScope ? freshMatches() : NO_MATCHES
    const picturePattern = inScope(scope, 'pictures') ? pattern : null
    const plainBefore = story?.read()
    const plain = plainBefore ? replacePlain(plainBefore, pattern, replacement, scope) : { changes: {}, counts: {} }
    const bodyPictures = picturePattern ? countInBodyPictures(editor, picturePattern) : 0
    const done: Partial<Record<CountedPart, number>> = { ...plain.counts }
    if (fresh.length) done.body = fresh.length
    if (bodyPictures) done.pictures = (done.pictures ?? 0) + bodyPictures
    const count = Object.values(done).reduce((n, c) => n + (c ?? 0), 0)
    if (!count) return
    const bodyChanged = fresh.length > 0 || bodyPictures > 0
    if (bodyChanged) replaceMatches(editor, fresh, replacement, picturePattern)
    const changed = Object.keys(plain.changes) as (keyof PlainFields)[]
    if (changed.length && story && plainBefore) {
      story.write(plain.changes)
      setLastReplace({
        before: Object.fromEntries(changed.map((k) => [k, plainBefore[k]])),
        bodyChanged,
      })
    } else setLastReplace({ before: {}, bodyChanged })
    setBodyVersion((v) => v + 1)
    setNote(`Replaced ${count}: ${describeCounts(done)}.`)
  }

  /** The bar's Undo: every field the replace-all changed goes back, the body by one undo step. */
  const undoReplace = () => {
    if (!lastReplace) return
    if (Object.keys(lastReplace.before).length) story?.write(lastReplace.before)
    if (lastReplace.bodyChanged) editor.dispatchCommand(UNDO_COMMAND, undefined)
    setLastReplace(null)
    setBodyVersion((v) => v + 1)
    setNote('Replace all undone.')
  }

  const close = () => {
    const match = matches[index]
    setOpen(false)
    setNote('')
    editor.update(() => {
      if (match) $selectRange(match.run, match.start, match.end)
    })
    editor.focus()
  }

  // An Enter or Escape that commits or drops an input method's words (Japanese, Chinese, a dead
  // key) is the input method's: it neither steps to the next match nor closes the bar.
  const onFindKey = (event: ReactKeyboardEvent) => {
    if (isComposingKey(event.nativeEvent)) return
    if (event.key === 'Enter') {
      event.preventDefault()
      step(event.shiftKey ? -1 : 1)
    } else if (event.key === 'Escape') close()
  }

  if (!open) return null
  return (
    <div className="find-bar" role="search" aria-label="Find and replace">
      <div className="find-row">
        <input
          ref={findInput}
          aria-label="Find"
          placeholder="Find"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setCurrent(0)
            setNote('')
          }}
          onKeyDown={onFindKey}
        />
        <span className="find-count" aria-live="polite">
          {query && !pending
            ? total
              ? `${matches.length ? `${index + 1} of ${matches.length} in the body; ` : ''}${total} in all`
              : 'No matches'
            : ''}
        </span>
        <IconButton
          icon="↑"
          label="Previous match"
          title="Previous match (Shift+Enter)"
          disabled={!pending && !matches.length}
          onClick={() => step(-1)}
        />
        <IconButton
          icon="↓"
          label="Next match"
          title="Next match (Enter)"
          disabled={!pending && !matches.length}
          onClick={() => step(1)}
        />
        <label>
          <input
            type="checkbox"
            checked={options.matchCase}
            onChange={(e) => changeOptions({ matchCase: e.target.checked })}
          />{' '}
          Match case
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.wholeWord}
            onChange={(e) => changeOptions({ wholeWord: e.target.checked })}
          />{' '}
          Whole word
        </label>
        <label>
          In{' '}
          <select aria-label="Find in" value={scope} onChange={(e) => setScope(e.target.value as FindScope)}>
            {findScopes.map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <IconButton icon="×" label="Close find" title="Close find (Escape)" onClick={close} />
      </div>
      <div className="find-row">
        <input
          aria-label="Replace with"
          placeholder="Replace with"
          value={replacement}
          onChange={(e) => setReplacement(e.target.value)}
          onKeyDown={(event) => {
            if (isComposingKey(event.nativeEvent)) return
            if (event.key === 'Enter') {
              event.preventDefault()
              replaceOne()
            } else if (event.key === 'Escape') close()
          }}
        />
        <button disabled={!matches.length} onClick={replaceOne} title="Replace the current match in the body">
          Replace
        </button>
        <button disabled={!total} onClick={replaceAll}>
          Replace all
        </button>
        {note && <span className="find-note">{note}</span>}
        {lastReplace && <button onClick={undoReplace}>Undo replace all</button>}
      </div>
      {query && !pending && total > 0 && (
        <p className="find-counts" role="note" aria-label="Matches per part">
          {describeCounts(counts)}
        </p>
      )}
    </div>
  )
}
