import { prepared, type Db } from './open'
import { DEFAULT_HOUSE_STYLE, houseStyleSchema, type HouseStyle, type HouseStylePatch } from '../../shared/settings'
import { houseStylePatchSchema } from '../../shared/settings'
import { invalidInput } from '../../shared/errors'

/**
 * The library's settings, one row of the `settings` table a key, the value as JSON. The house
 * style lives under `house.<name>` so other features can keep their own keys beside it.
 */

export function readSetting(db: Db, key: string): unknown {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  if (!row) return undefined
  try {
    return JSON.parse(row.value) as unknown
  } catch {
    return undefined
  }
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  prepared(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value))
}

const HOUSE = 'house.'

/**
 * The house style as stored. A value that no longer passes (written by hand, or by an older
 * Copydesk with other rules) falls back to its default rather than stopping every export.
 */
export function readHouseStyle(db: Db): HouseStyle {
  const rows = prepared(db, `SELECT key, value FROM settings WHERE key LIKE 'house.%'`).all() as {
    key: string
    value: string
  }[]
  const style: Record<string, unknown> = { ...DEFAULT_HOUSE_STYLE }
  const shape = houseStyleSchema.shape as Record<
    string,
    { safeParse(v: unknown): { success: boolean; data?: unknown } }
  >
  for (const { key, value } of rows) {
    const name = key.slice(HOUSE.length)
    const field = shape[name]
    if (!field) continue
    try {
      const parsed = field.safeParse(JSON.parse(value))
      if (parsed.success) style[name] = parsed.data
    } catch {
      // An unreadable value keeps the default.
    }
  }
  return style as HouseStyle
}

/** Check every field given (all or nothing), save them, and return the whole house style. */
export function saveHouseStyle(db: Db, patch: HouseStylePatch): HouseStyle {
  const parsed = houseStylePatchSchema.safeParse(patch)
  if (!parsed.success) throw invalidInput('the house style was not saved', parsed.error)
  db.transaction(() => {
    for (const [name, value] of Object.entries(parsed.data)) {
      if (value !== undefined) writeSetting(db, HOUSE + name, value)
    }
  })()
  return readHouseStyle(db)
}
