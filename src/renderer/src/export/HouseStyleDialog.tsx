import { useEffect, useState } from 'react'
import { ApiError } from '@shared/errors'
import {
  DATELINE_STYLE_EXAMPLES,
  dashStyles,
  datelineStyles,
  type DashStyle,
  pictureFormats,
  type DatelineStyle,
  type HouseStyle,
  type PictureFormat,
} from '@shared/settings'
import { invoke } from '../app/client'
import { houseStyleChanged } from './events'
import { Modal } from './Modal'

const FORMAT_NAMES: Record<PictureFormat, string> = {
  webp: 'WebP (quick to make)',
  avif: 'AVIF (smaller files, slower to make)',
}

/** "480, 960 1440" -> [480, 960, 1440], or the part that is not a number of pixels. */
function parseWidths(text: string): number[] | string {
  const parts = text.split(/[\s,]+/).filter(Boolean)
  const bad = parts.find((p) => !/^\d+$/.test(p))
  return bad ?? parts.map(Number)
}

const DASH_NAMES: Record<DashStyle, string> = {
  en: 'Spaced en dash: before – after (UK style)',
  em: 'Em dash: before — after (AP style)',
}

const ZONES = [
  'Europe/London',
  'Europe/Dublin',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Kyiv',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
]

/**
 * "TK, XXX, FILL IN" -> the words, or what is wrong with them in an editor's words. Commas (or new
 * lines) part them, since a placeholder may be two words ("FILL IN"); a word given twice counts once.
 */
export function parsePlaceholderWords(text: string): string[] | string {
  const words = [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ]
  const long = words.find((w) => w.length > 40)
  if (long) return `Placeholder words: “${long.slice(0, 20)}…” is longer than 40 characters`
  if (words.length > 50) return `Placeholder words: at most 50 (there are ${words.length})`
  return words
}

/** The house style the export follows: dateline style, credit label, language, time zone, the site. */
export function HouseStyleDialog({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState<HouseStyle | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const [widths, setWidths] = useState('')
  const [placeholders, setPlaceholders] = useState('')

  useEffect(() => {
    invoke('settings:get', {})
      .then((style) => {
        setForm(style)
        setWidths(style.pictureWidths.join(', '))
        setPlaceholders(style.placeholderWords.join(', '))
      })
      .catch((e: Error) => setProblems([`The house style could not be read: ${e.message}`]))
  }, [])

  const set = <K extends keyof HouseStyle>(key: K, value: HouseStyle[K]) =>
    setForm((f) => (f ? { ...f, [key]: value } : f))

  const save = async () => {
    if (!form) return
    const pictureWidths = parseWidths(widths)
    if (typeof pictureWidths === 'string') {
      setProblems([`Picture widths: “${pictureWidths}” is not a number of pixels`])
      return
    }
    const placeholderWords = parsePlaceholderWords(placeholders)
    if (typeof placeholderWords === 'string') {
      setProblems([placeholderWords])
      return
    }
    setSaving(true)
    try {
      const saved = await invoke('settings:set', { ...form, pictureWidths, placeholderWords })
      houseStyleChanged.emit(saved)
      onClose()
    } catch (e) {
      const error = e as Error
      setProblems(
        error instanceof ApiError && error.issues?.length
          ? error.issues.map((i) => `${i.path}: ${i.message}`)
          : [error.message],
      )
    } finally {
      setSaving(false)
    }
  }

  const credit = form ? [form.creditLabel.trim(), 'PA'].filter(Boolean).join(' ') : ''
  return (
    <Modal title="House style" titleId="house-style-title" onClose={onClose} className="house-style-dialog">
      {!form ? (
        <p>{problems[0] ?? 'Reading the house style…'}</p>
      ) : (
        <form
          className="export-form"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <label>
            Dateline style
            <select value={form.datelineStyle} onChange={(e) => set('datelineStyle', e.target.value as DatelineStyle)}>
              {datelineStyles.map((style) => (
                <option key={style} value={style}>
                  {DATELINE_STYLE_EXAMPLES[style]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Credit label
            <input
              value={form.creditLabel}
              placeholder="Picture:"
              onChange={(e) => set('creditLabel', e.target.value)}
            />
            <small>Credits read “{credit}”</small>
          </label>
          <label>
            Language
            <input value={form.language} placeholder="en-GB" onChange={(e) => set('language', e.target.value)} />
          </label>
          <label>
            Time zone
            <input list="house-style-zones" value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
            <datalist id="house-style-zones">
              {ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </label>
          <label>
            Publication name
            <input
              value={form.siteName}
              placeholder="The Coast Gazette"
              onChange={(e) => set('siteName', e.target.value)}
            />
          </label>
          <label>
            Site address
            <input
              value={form.siteUrl}
              placeholder="https://news.example.com/stories"
              onChange={(e) => set('siteUrl', e.target.value)}
            />
            <small>
              Where exported folders will be served: gives pages a canonical address and social cards their picture.
            </small>
          </label>
          <label>
            Picture widths
            <input value={widths} placeholder="480, 960, 1440, 1920" onChange={(e) => setWidths(e.target.value)} />
            <small>Pixels; each picture is published at these widths (never enlarged) and the browser picks.</small>
          </label>
          <label>
            Picture format
            <select value={form.pictureFormat} onChange={(e) => set('pictureFormat', e.target.value as PictureFormat)}>
              {pictureFormats.map((format) => (
                <option key={format} value={format}>
                  {FORMAT_NAMES[format]}
                </option>
              ))}
            </select>
            <small>Offered first; a JPEG (PNG with transparency) is always there for other browsers.</small>
          </label>
          <fieldset className="house-typography">
            <legend>Typing</legend>
            <label className="checkbox-label">
              <input type="checkbox" checked={form.typography} onChange={(e) => set('typography', e.target.checked)} />
              Curly quotes, apostrophes, dashes and … as editors type
            </label>
            <small>
              In each story’s language (“English”, „Deutsch“, «{'\u202F'}français{'\u202F'}»); Ctrl+Z straight after
              gives back what was typed. The Checks panel flags straight ones that slip in.
            </small>
            <label>
              Dash
              <select value={form.dash} onChange={(e) => set('dash', e.target.value as DashStyle)}>
                {dashStyles.map((dash) => (
                  <option key={dash} value={dash}>
                    {DASH_NAMES[dash]}
                  </option>
                ))}
              </select>
              <small>What -- and a spaced hyphen become.</small>
            </label>
          </fieldset>
          <fieldset className="house-copy">
            <legend>Copy</legend>
            <label>
              Placeholder words
              <input
                value={placeholders}
                placeholder="TK, TKTK, XXX, FILL IN"
                aria-describedby="placeholder-words-help"
                onChange={(e) => setPlaceholders(e.target.value)}
              />
              <small id="placeholder-words-help">
                Words for “to come”, parted by commas. Each is marked in the body, listed by Checks, and holds the story
                at publishing. A word in capitals matches only in capitals; leave the box empty to look for none.
              </small>
            </label>
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={form.ninjsEditorNote}
                aria-describedby="ninjs-ednote-help"
                onChange={(e) => set('ninjsEditorNote', e.target.checked)}
              />
              Send the editor’s notes with ninjs exports (ednote)
            </label>
            <small id="ninjs-ednote-help">
              For a partner desk: the agency’s note and the desk note go in the ninjs file’s ednote. Off, they never
              leave the library. Web pages never show them.
            </small>
          </fieldset>
          {problems.length > 0 && (
            <ul className="banner banner-error" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={saving}>
              Save
            </button>
          </div>
        </form>
      )}
    </Modal>
  )
}
