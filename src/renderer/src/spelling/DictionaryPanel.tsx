import { useState, type FormEvent } from 'react'
import type { HouseWordEntry } from '@shared/spelling/house-dictionary'
import { dictionaryIds, dictionaryNames } from '@shared/spelling/languages'
import type { StyleEntry } from '@shared/spelling/style-book'
import { invoke } from '../app/client'
import type { StoryPanelProps } from '../story/panel-props'
import { useHouseVersion } from './house-findings'
import { spelling } from './service'
import { spellingActions, useSpellingSnapshot } from './snapshot'

/** BCP 47's "no linguistic content": a story in it is not checked for spelling. */
const NO_SPELLING = 'zxx'

type Undo = { label: string; run: () => Promise<void> }

const FROM = { story: 'set for this story', wire: 'from the wire copy', house: 'the house default' } as const

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * The house dictionary and style book, and this story's spelling: its language, the words let
 * stand in it, and its names not yet in the dictionary. Lists are shared by the whole desk (the
 * library), so a word added here stops being underlined in every open story.
 */
export function DictionaryPanel(_: StoryPanelProps) {
  useHouseVersion()
  const snapshot = useSpellingSnapshot()
  const [status, setStatus] = useState<string | null>(null)
  const [undo, setUndo] = useState<Undo | null>(null)
  const [word, setWord] = useState({ word: '', note: '' })
  const [entry, setEntry] = useState<StyleEntry>({ form: '', preferred: '', note: '' })
  const { words, styleBook } = spelling.house
  const settings = snapshot?.settings ?? null

  const attempt = async (work: () => Promise<string>, then?: Undo | null) => {
    try {
      setStatus(await work())
      setUndo(then ?? null)
    } catch (error) {
      setStatus((error as Error).message)
      setUndo(null)
    }
  }

  const addWord = (event: FormEvent) => {
    event.preventDefault()
    void attempt(async () => {
      await spelling.addWords([word.word], word.note || undefined)
      setWord({ word: '', note: '' })
      return `Added “${word.word.trim()}” to the house dictionary.`
    })
  }

  const addEntry = (event: FormEvent) => {
    event.preventDefault()
    void attempt(async () => {
      await invoke('style-book:put', { entries: [entry] })
      await spelling.reload()
      setEntry({ form: '', preferred: '', note: '' })
      return `The style book flags “${entry.form.trim()}” now.`
    })
  }

  const removeWord = (w: HouseWordEntry) =>
    attempt(
      async () => {
        await invoke('dictionary:remove', { word: w.word })
        await spelling.reload()
        return `Removed “${w.word}” from the house dictionary.`
      },
      { label: `Put “${w.word}” back`, run: () => spelling.addWords([w.word], w.note || undefined) },
    )

  const removeEntry = (e: StyleEntry) =>
    attempt(
      async () => {
        await invoke('style-book:remove', { form: e.form })
        await spelling.reload()
        return `Removed “${e.form}” from the style book.`
      },
      {
        label: `Put “${e.form}” back`,
        run: async () => {
          await invoke('style-book:put', { entries: [e] })
          await spelling.reload()
        },
      },
    )

  const importFile = async (file: File) => {
    await attempt(async () => {
      const result = await invoke('dictionary:import', { name: file.name, text: await file.text() })
      await spelling.reload()
      return `Imported ${file.name}: ${result.words} new words, ${result.entries} new style-book entries.`
    })
  }

  const exportAs = (format: 'lines' | 'dic') =>
    attempt(async () => {
      const { text } = await invoke('dictionary:export', { format })
      download(format === 'dic' ? 'house.dic' : 'house-dictionary.txt', text)
      return format === 'dic'
        ? 'Exported the house words as a Hunspell .dic.'
        : 'Exported the house dictionary and style book.'
    })

  const names = snapshot?.names ?? []
  return (
    <div className="dictionary-panel">
      <section aria-label="This story's spelling">
        <h3>This story</h3>
        <label>
          Spelling language{' '}
          <select
            aria-label="Spelling language"
            value={settings?.languageFrom === 'story' ? settings.language : ''}
            onChange={(e) => void spellingActions()?.setLanguage(e.target.value || null)}
          >
            <option value="">
              Default
              {settings && settings.languageFrom !== 'story'
                ? ` (${settings.language}, ${FROM[settings.languageFrom]})`
                : ''}
            </option>
            <option value={NO_SPELLING}>Off: no spelling check</option>
            {dictionaryIds.map((id) => (
              <option key={id} value={id}>
                {dictionaryNames[id]}
              </option>
            ))}
          </select>
        </label>
        {settings && !snapshot?.dictionary && settings.language !== NO_SPELLING && (
          <p className="hint">
            No dictionary is bundled for {settings.language}: spelling is not checked in this story.
          </p>
        )}
        {names.length > 0 && (
          <p>
            Names not in the dictionary: {names.join(', ')}{' '}
            <button
              onClick={() =>
                void attempt(
                  async () => (
                    await spelling.addWords([...names]),
                    `Added ${names.length} names to the house dictionary.`
                  ),
                )
              }
            >
              Add all names in this story
            </button>
          </p>
        )}
        {settings && settings.ignored.length > 0 && (
          <ul aria-label="Let stand in this story" className="dictionary-list">
            {settings.ignored.map((w) => (
              <li key={w}>
                {w}{' '}
                <button
                  aria-label={`Check “${w}” again`}
                  onClick={() =>
                    void attempt(async () => {
                      await invoke('spelling:story-set', { id: settings.id, unignore: [w] })
                      await spellingActions()?.setLanguage(settings.languageFrom === 'story' ? settings.language : null)
                      return `“${w}” is checked again in this story.`
                    })
                  }
                >
                  Check again
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="House dictionary">
        <h3>House dictionary ({words.length})</h3>
        <form onSubmit={addWord} className="dictionary-form">
          <input
            aria-label="New house word"
            placeholder="Word or name"
            value={word.word}
            onChange={(e) => setWord({ ...word, word: e.target.value })}
            required
          />
          <input
            aria-label="Note for the word"
            placeholder="Note (optional)"
            value={word.note}
            onChange={(e) => setWord({ ...word, note: e.target.value })}
          />
          <button type="submit">Add word</button>
        </form>
        <ul className="dictionary-list" aria-label="House words">
          {words.map((w) => (
            <li key={w.word}>
              <span>{w.word}</span>
              {w.note && <span className="hint"> — {w.note}</span>}{' '}
              <button aria-label={`Remove “${w.word}”`} onClick={() => void removeWord(w)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-label="Style book">
        <h3>Style book ({styleBook.length})</h3>
        <form onSubmit={addEntry} className="dictionary-form">
          <input
            aria-label="Form to flag"
            placeholder="Not this (Kiev)"
            value={entry.form}
            onChange={(e) => setEntry({ ...entry, form: e.target.value })}
            required
          />
          <input
            aria-label="Preferred form"
            placeholder="But this (Kyiv)"
            value={entry.preferred}
            onChange={(e) => setEntry({ ...entry, preferred: e.target.value })}
          />
          <input
            aria-label="Note for the entry"
            placeholder="Why (optional)"
            value={entry.note}
            onChange={(e) => setEntry({ ...entry, note: e.target.value })}
          />
          <button type="submit">Add entry</button>
        </form>
        <ul className="dictionary-list" aria-label="Style-book entries">
          {styleBook.map((e) => (
            <li key={e.form}>
              <span>
                {e.form} → {e.preferred || '(do not use)'}
              </span>
              {e.note && <span className="hint"> — {e.note}</span>}{' '}
              <button aria-label={`Remove “${e.form}” from the style book`} onClick={() => void removeEntry(e)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-label="Share the list">
        <h3>Share</h3>
        <label className="dictionary-import">
          Import a list (one entry a line, or a Hunspell .dic){' '}
          <input
            type="file"
            accept=".txt,.dic,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void importFile(file)
            }}
          />
        </label>
        <button onClick={() => void exportAs('lines')}>Export list</button>{' '}
        <button onClick={() => void exportAs('dic')}>Export as Hunspell .dic</button>
      </section>

      {status && (
        <p role="status" className="dictionary-status">
          {status}{' '}
          {undo && (
            <button onClick={() => void attempt(async () => (await undo.run(), 'Put back.'))}>{undo.label}</button>
          )}
        </p>
      )}
    </div>
  )
}
