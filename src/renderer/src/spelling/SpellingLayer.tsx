import type { LexicalEditor } from 'lexical'
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { FindingWhere } from '@shared/checks'
import type { Misspelling } from '@shared/spelling/checker'
import type { StorySpelling } from '@shared/spelling/contract'
import { dictionaryFor, type DictionaryId } from '@shared/spelling/languages'
import { namesAmong } from '@shared/spelling/names'
import { invoke } from '../app/client'
import { domRange, editorRuns } from '../editor/ranges'
import type { TextRun } from '@shared/body-text'
import { FieldUnderlines, SPELL_FIELDS, type SpellField } from './field-underlines'
import { replaceInBody, replaceInField, fieldFor } from './fix'
import { publishSpelling, useSpellingSnapshot, type SpellingSnapshot } from './snapshot'
import { spelling } from './service'
import { SpellingMenu } from './SpellingMenu'
import { isComposingKey, isShortcut } from '../app/keys'

/** A pause this long in typing checks the changed text again; the keystroke itself never waits. */
const CHECK_DELAY_MS = 150
const HIGHLIGHT = 'spelling-error'

type Target =
  | { kind: 'body'; block: number; misspelling: Misspelling; rect: DOMRect }
  | { kind: 'field'; field: SpellField; misspelling: Misspelling; rect: DOMRect }

interface BodyMark {
  block: number
  misspelling: Misspelling
  range: Range
}

const hasHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS

/**
 * Shift+F10, the context-menu key, or Ctrl/Cmd+. (the shortcut the docs name) open suggestions at the
 * caret. "." as the layout types it, Shift or not: AZERTY's is Shift+; and Russian's the US "/" key.
 */
const isMenuKey = (e: KeyboardEvent) =>
  !isComposingKey(e) &&
  ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu' || isShortcut(e, { key: '.', shift: 'any' }))

/** Publish the open story's spelling for the panels, with the names among its misspellings. */
function publishFrom(
  snapshot: { current: SpellingSnapshot },
  runs: readonly TextRun[],
  change: Partial<SpellingSnapshot>,
): void {
  const next = { ...snapshot.current, ...change }
  const names = new Set<string>()
  for (const [block, found] of next.body) {
    const text = runs.find((r) => r.block === block)?.text ?? ''
    for (const name of namesAmong(text, found)) names.add(name)
  }
  for (const { text, misspellings } of next.fields.values())
    for (const name of namesAmong(text, misspellings)) names.add(name)
  next.names = [...names]
  snapshot.current = next
  publishSpelling(next)
}

/**
 * Spelling for the open story: misspelt words underlined in the body (CSS highlights over the
 * editor's text, nothing added to its document) and in the plain fields (FieldUnderlines), checked
 * in the worker after each pause in typing, and the suggestions menu on right click or from the
 * keyboard. Mounted once beside the body editor.
 */
export function SpellingLayer({ storyId, editor }: { storyId: number; editor: RefObject<LexicalEditor | null> }) {
  const [settings, setSettings] = useState<StorySpelling | null>(null)
  const [house, setHouse] = useState(0)
  const [bodyVersion, setBodyVersion] = useState(0)
  const [fieldVersion, setFieldVersion] = useState(0)
  const [target, setTarget] = useState<Target | null>(null)
  const [suggestions, setSuggestions] = useState<string[] | null>(null)
  const marks = useRef<BodyMark[]>([])
  /** The body's blocks as last checked: read once a pause, shared with the names and the fields' publish. */
  const bodyRuns = useRef<TextRun[]>([])
  const underlines = useRef<FieldUnderlines | null>(null)
  const snapshot = useRef<SpellingSnapshot>({
    storyId,
    settings: null,
    dictionary: null,
    body: new Map(),
    fields: new Map(),
    names: [],
  })
  const published = useSpellingSnapshot()
  const dictionary: DictionaryId | null = settings ? dictionaryFor(settings.language) : null

  // The story's language and let-stand words; the house list, here and from other windows.
  useEffect(() => {
    let current = true
    void spelling.start().then(() => current && setHouse(spelling.version))
    invoke('spelling:story', { id: storyId })
      .then((loaded) => current && setSettings(loaded))
      .catch(() => undefined)
    const unsubscribe = spelling.subscribe(() => setHouse(spelling.version))
    return () => {
      current = false
      unsubscribe()
    }
  }, [storyId])

  useEffect(() => {
    underlines.current = new FieldUnderlines()
    return () => {
      underlines.current?.destroy()
      underlines.current = null
      if (hasHighlights()) CSS.highlights.delete(HIGHLIGHT)
      publishSpelling(null, null)
    }
  }, [])

  // What changed: the body (Lexical's update listener) and the fields (input events, new fields on the page).
  useEffect(() => {
    let unregister: (() => void) | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const attach = () => {
      const body = editor.current
      if (!body) return (timer = setTimeout(attach, 50))
      unregister = body.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size || dirtyLeaves.size) setBodyVersion((v) => v + 1)
      })
    }
    attach()
    const onInput = (event: Event) => {
      const field = event.target as Element
      if (field.matches?.(SPELL_FIELDS)) {
        underlines.current?.follow(field as SpellField)
        setFieldVersion((v) => v + 1)
      }
    }
    let pending: ReturnType<typeof setTimeout> | undefined
    // A panel opening brings new caption fields; one look per pause, never per mutation.
    const observer = new MutationObserver((records) => {
      // The twins and the menu are this layer's own drawing: repainting them is no new field.
      if (records.every((r) => underlines.current?.owns(r.target) || (r.target as Element).closest?.('.spelling-menu')))
        return
      clearTimeout(pending)
      pending = setTimeout(() => setFieldVersion((v) => v + 1), 200)
    })
    observer.observe(document.body, { childList: true, subtree: true })
    // Bubbling, never capturing: a capturing listener runs before React has seen the keystroke, and
    // its state update renders the whole story (React 19 flushes waiting default-priority work with
    // it) from fields that lack the new character; the field is set back and the character is lost.
    document.addEventListener('input', onInput)
    return () => {
      clearTimeout(timer)
      clearTimeout(pending)
      unregister?.()
      observer.disconnect()
      document.removeEventListener('input', onInput)
    }
  }, [editor])

  // The body, checked in the worker after a pause; each block's answer is kept there by its text.
  useEffect(() => {
    const body = editor.current
    if (!dictionary || !settings || !body) {
      if (hasHighlights()) CSS.highlights.delete(HIGHLIGHT)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      const runs = editorRuns(body)
      spelling
        .check(
          dictionary,
          runs.map((run) => ({ key: String(run.block), text: run.text })),
          settings.ignored,
        )
        .then((results) => {
          if (!current) return
          const found = new Map<number, Misspelling[]>()
          const painted: BodyMark[] = []
          const highlight = hasHighlights() ? new Highlight() : null
          results.forEach(({ key, misspellings }, i) => {
            if (!misspellings.length) return
            const block = Number(key)
            found.set(block, misspellings)
            for (const m of misspellings) {
              const range = domRange(body, runs[i]!, m.offset, m.offset + m.length)
              if (!range || range.toString() !== m.word) continue
              painted.push({ block, misspelling: m, range })
              highlight?.add(range)
            }
          })
          marks.current = painted
          if (highlight) CSS.highlights.set(HIGHLIGHT, highlight)
          bodyRuns.current = runs
          publishFrom(snapshot, runs, { body: found, settings, dictionary })
        })
        .catch(() => undefined)
    }, CHECK_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [bodyVersion, settings, dictionary, house, editor])

  // The plain fields.
  useEffect(() => {
    const layer = underlines.current
    if (!layer || !dictionary || !settings) return
    let current = true
    const timer = setTimeout(() => {
      layer.prune()
      const fields = layer.fields()
      const texts = fields.map((f) => f.value)
      spelling
        .check(
          dictionary,
          fields.map((f, i) => ({ key: String(i), text: texts[i]! })),
          settings.ignored,
        )
        .then((results) => {
          if (!current) return
          const byLabel = new Map<string, { text: string; misspellings: Misspelling[] }>()
          results.forEach(({ misspellings }, i) => {
            const field = fields[i]!
            layer.paint(field, texts[i]!, misspellings)
            byLabel.set(field.getAttribute('aria-label') ?? '', { text: texts[i]!, misspellings })
          })
          publishFrom(snapshot, bodyRuns.current, { fields: byLabel })
        })
        .catch(() => undefined)
    }, CHECK_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [fieldVersion, settings, dictionary, house, editor])

  // Suggestions for the word the menu is open on.
  useEffect(() => {
    if (!target || !dictionary) return
    let current = true
    void spelling.suggest(dictionary, target.misspelling.word).then((found) => current && setSuggestions(found))
    return () => {
      current = false
    }
  }, [target, dictionary])

  const open = useCallback((next: Target | null) => {
    setSuggestions(null)
    setTarget(next)
  }, [])

  const bodyMarkAtPoint = (x: number, y: number): BodyMark | null => {
    for (const mark of marks.current)
      for (const rect of mark.range.getClientRects())
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mark
    return null
  }

  const bodyMarkAtCaret = (): BodyMark | null => {
    const selection = window.getSelection()
    if (!selection?.anchorNode) return null
    for (const mark of marks.current) {
      try {
        if (mark.range.isPointInRange(selection.anchorNode, selection.anchorOffset)) return mark
      } catch {
        // A range whose text node left the document since the last check.
      }
    }
    return null
  }

  // Right click and the keyboard open the menu on a misspelt word; elsewhere they do what they always do.
  useEffect(() => {
    const onContextMenu = (event: MouseEvent) => {
      const root = editor.current?.getRootElement()
      if (root?.contains(event.target as Node)) {
        const mark = bodyMarkAtPoint(event.clientX, event.clientY)
        if (!mark) return
        event.preventDefault()
        open({
          kind: 'body',
          block: mark.block,
          misspelling: mark.misspelling,
          rect: mark.range.getBoundingClientRect(),
        })
        return
      }
      const hit = underlines.current?.at(event.clientX, event.clientY)
      if (!hit) return
      event.preventDefault()
      open({ kind: 'field', field: hit.field, misspelling: hit.misspelling, rect: hit.rect })
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isMenuKey(event)) return
      const active = document.activeElement
      const root = editor.current?.getRootElement()
      if (root && active && root.contains(active)) {
        const mark = bodyMarkAtCaret()
        if (!mark) return
        event.preventDefault()
        open({
          kind: 'body',
          block: mark.block,
          misspelling: mark.misspelling,
          rect: mark.range.getBoundingClientRect(),
        })
      } else if (active?.matches(SPELL_FIELDS)) {
        const hit = underlines.current?.atCaret(active as SpellField)
        if (!hit) return
        event.preventDefault()
        open({ kind: 'field', field: active as SpellField, misspelling: hit.misspelling, rect: hit.rect })
      }
    }
    document.addEventListener('contextmenu', onContextMenu)
    document.addEventListener('keydown', onKeyDown, true)
    return () => {
      document.removeEventListener('contextmenu', onContextMenu)
      document.removeEventListener('keydown', onKeyDown, true)
    }
  }, [editor, open])

  const close = () => {
    const was = target
    setTarget(null)
    // Back to where the editor was typing.
    if (was?.kind === 'field') was.field.focus()
    else editor.current?.focus()
  }

  const setStory = useCallback(
    async (change: { ignore?: string[]; language?: string | null; unignore?: string[] }) => {
      setSettings(await invoke('spelling:story-set', { id: storyId, ...change }))
    },
    [storyId],
  )

  // What the panels may do: open the menu on a finding's word, let a word stand, change the language.
  useEffect(() => {
    publishSpelling(snapshot.current, {
      openAt(where: FindingWhere, word: string) {
        if (where.offset === undefined) return
        if (where.field === 'body') {
          const mark = marks.current.find((m) => m.block === where.block && m.misspelling.offset === where.offset)
          if (mark) {
            editor.current?.focus()
            open({
              kind: 'body',
              block: mark.block,
              misspelling: mark.misspelling,
              rect: mark.range.getBoundingClientRect(),
            })
          }
          return
        }
        const field = fieldFor(where)
        if (!field || field.value.slice(where.offset, where.offset + word.length) !== word) return
        field.focus()
        field.setSelectionRange(where.offset, where.offset)
        const hit = underlines.current?.atCaret(field)
        if (hit) open({ kind: 'field', field, misspelling: hit.misspelling, rect: hit.rect })
      },
      ignore: (word) => setStory({ ignore: [word] }),
      setLanguage: (language) => setStory({ language }),
    })
  }, [editor, open, setStory])

  if (!target) return null
  const { word } = target.misspelling
  const names = published?.names ?? []
  const replace = (suggestion: string) => {
    if (target.kind === 'body') {
      if (editor.current) replaceInBody(editor.current, target.block, target.misspelling.offset, word, suggestion)
    } else replaceInField(target.field, target.misspelling.offset, word, suggestion)
    setTarget(null)
  }
  const run = (work: () => Promise<void>) => () => {
    close()
    void work()
  }
  return (
    <SpellingMenu
      word={word}
      anchor={target.rect}
      suggestions={suggestions}
      onReplace={replace}
      onClose={close}
      more={[
        { label: 'Ignore in this story', run: run(() => setStory({ ignore: [word] })) },
        { label: `Add “${word}” to the house dictionary`, run: run(() => spelling.addWords([word])) },
        ...(names.length > 1 || (names.length === 1 && names[0] !== word)
          ? [{ label: `Add all names in this story (${names.length})`, run: run(() => spelling.addWords([...names])) }]
          : []),
      ]}
    />
  )
}
