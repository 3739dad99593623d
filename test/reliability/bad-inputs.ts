import type { z } from 'zod'
import { contract, type Channel } from '../../src/shared/contract'
import { bodySchema } from '../../src/shared/body'
import { MAX_BODY_JSON_DEPTH } from '../../src/shared/limits'

/**
 * Malformed input for every channel, derived from the channel's own input schema, so a channel
 * added to the contract later is covered without anyone writing its cases: wrong types, missing
 * fields, unknown fields and huge strings, at the top level and inside nested objects and arrays.
 * Each case says which field the refusal must name.
 */
export interface BadInput {
  channel: Channel
  kind: 'not-an-object' | 'missing' | 'unknown-field' | 'wrong-type' | 'huge-string' | 'prototype'
  /** The field the error must name ('(input)' for the input as a whole). */
  field: string
  input: unknown
}

interface Def {
  type: string
  innerType?: z.ZodType
  in?: z.ZodType
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  element?: z.ZodType
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'])

/** The schema under optional/default/nullable/pipe wrappers: what a present value must be. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current)
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType
    else if (def.type === 'pipe' && def.in) current = def.in
    else break
  }
  return current
}

export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = defOf(unwrap(schema))
  return def.type === 'object' && def.shape ? def.shape : null
}

/** Strict objects refuse unknown keys (catchall never); loose ones (Lexical's nodes) keep them on purpose. */
export function isStrict(schema: z.ZodType): boolean {
  const def = defOf(unwrap(schema))
  return def.type === 'object' && def.catchall !== undefined && defOf(def.catchall).type === 'never'
}

/** Longer than any string a channel has reason to take (a picture's base64 included). */
export const HUGE = 'x'.repeat(64 * 1024 * 1024 + 1)

const WRONG_VALUES: unknown[] = [{ unexpected: true }, 'not what was asked for', -7.5, true, [], null]

/** Put `value` at `path` inside an otherwise empty input. */
function place(path: string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => (/^\d+$/.test(key) ? [inner] : { [key]: inner }), value)
}

function fieldCases(channel: Channel, path: string[], field: z.ZodType, depth: number): BadInput[] {
  const name = path.join('.')
  const cases: BadInput[] = []
  const wrong = WRONG_VALUES.find((value) => !field.safeParse(value).success)
  // A field that takes any value at all has no type to get wrong: that is itself a finding.
  cases.push({
    channel,
    kind: 'wrong-type',
    field: name,
    input: place(path, wrong === undefined ? Symbol('any') : wrong),
  })
  cases.push({ channel, kind: 'huge-string', field: name, input: place(path, HUGE) })
  if (depth >= 4) return cases

  const inner = unwrap(field)
  const def = defOf(inner)
  if (def.type === 'array' && def.element)
    return [...cases, ...fieldCases(channel, [...path, '0'], def.element, depth + 1)]
  const shape = shapeOf(inner)
  if (!shape) return cases
  if (isStrict(inner)) cases.push({ channel, kind: 'unknown-field', field: name, input: place(path, { sneaky: 1 }) })
  for (const [key, child] of Object.entries(shape)) {
    if (!child.safeParse(undefined).success)
      cases.push({ channel, kind: 'missing', field: `${name}.${key}`, input: place(path, {}) })
    cases.push(...fieldCases(channel, [...path, key], child, depth + 1))
  }
  return cases
}

export function badInputsFor(channel: Channel, schema: z.ZodType = contract[channel].input): BadInput[] {
  const cases: BadInput[] = [
    { channel, kind: 'not-an-object', field: '(input)', input: 'a story, please' },
    { channel, kind: 'not-an-object', field: '(input)', input: 42 },
    { channel, kind: 'not-an-object', field: '(input)', input: [] },
    { channel, kind: 'huge-string', field: '(input)', input: HUGE },
    { channel, kind: 'unknown-field', field: '(input)', input: { sneaky: '<script>alert(1)</script>' } },
    { channel, kind: 'prototype', field: '(input)', input: JSON.parse('{"__proto__": {"polluted": true}}') as unknown },
  ]
  const shape = shapeOf(schema)
  if (!shape) return cases
  for (const [key, field] of Object.entries(shape)) {
    if (!field.safeParse(undefined).success) cases.push({ channel, kind: 'missing', field: key, input: {} })
    cases.push(...fieldCases(channel, [key], field, 1))
  }
  return cases
}

/** Does a refusal name the field? Either an issue sits at (or under) it, or the message says it. */
export function namesField(
  error: { message: string; issues?: { path: string; message: string }[] },
  field: string,
): boolean {
  if (field === '(input)') return error.issues?.some((issue) => issue.path === '(input)') ?? false
  return (
    (error.issues?.some((issue) => issue.path === field || issue.path.startsWith(field + '.')) ?? false) &&
    error.message.includes(field)
  )
}

/** A string field's length limit, at and just past it: the value at the limit must never be refused for its length. */
export interface LimitInput {
  channel: Channel
  field: string
  limit: number
  at: unknown
  past: unknown
}

function maxLength(schema: z.ZodType): number | null {
  const checks = (defOf(schema) as Def & { checks?: { _zod: { def: { check: string; maximum?: number } } }[] }).checks
  const max = checks?.find((check) => check._zod.def.check === 'max_length')?._zod.def.maximum
  return typeof max === 'number' ? max : null
}

function limitCases(channel: Channel, path: string[], field: z.ZodType, depth: number): LimitInput[] {
  const inner = unwrap(field)
  const def = defOf(inner)
  const max = maxLength(inner)
  const cases: LimitInput[] = []
  // Strings up to 64 MB (past that the huge-string cases already speak): a picture's base64 included.
  if (def.type === 'string' && max !== null && max <= 64 * 1024 * 1024) {
    cases.push({
      channel,
      field: path.join('.'),
      limit: max,
      at: place(path, 'a'.repeat(max)),
      past: place(path, 'a'.repeat(max + 1)),
    })
  }
  if (depth >= 4) return cases
  if (def.type === 'array' && def.element)
    return [...cases, ...limitCases(channel, [...path, '0'], def.element, depth + 1)]
  for (const [key, child] of Object.entries(shapeOf(inner) ?? {}))
    cases.push(...limitCases(channel, [...path, key], child, depth + 1))
  return cases
}

/** Every string field of a channel with a length limit, at the limit and one character past it. */
export function limitInputsFor(channel: Channel, schema: z.ZodType = contract[channel].input): LimitInput[] {
  return Object.entries(shapeOf(schema) ?? {}).flatMap(([key, field]) => limitCases(channel, [key], field, 1))
}

/* ---------- arrays, numbers and depth at and just past each limit (issue 24) ---------- */

interface Check {
  _zod: { def: { check: string; maximum?: number; minimum?: number; value?: number; inclusive?: boolean } }
}
const checksOf = (schema: z.ZodType) => (defOf(schema) as Def & { checks?: Check[] }).checks ?? []
const bound = (schema: z.ZodType, check: string) => checksOf(schema).find((c) => c._zod.def.check === check)?._zod.def

/** A small value the schema takes, or 'x' when none is found: the element repeated in an array at its limit. */
export function sampleOf(schema: z.ZodType, depth = 0): unknown {
  const inner = unwrap(schema)
  const def = defOf(inner) as Def & { values?: unknown[]; entries?: Record<string, unknown>; options?: z.ZodType[] }
  const candidates: unknown[] = []
  if (def.type === 'string') candidates.push('a'.repeat(Math.max(1, bound(inner, 'min_length')?.minimum ?? 1)))
  if (def.type === 'number') candidates.push(Math.max(1, Number(bound(inner, 'greater_than')?.value ?? 1)))
  if (def.type === 'boolean') candidates.push(true)
  if (def.type === 'literal' && def.values) candidates.push(def.values[0])
  if (def.type === 'enum' && def.entries) candidates.push(Object.values(def.entries)[0])
  if (def.type === 'array') candidates.push([])
  if (def.type === 'union' && def.options && depth < 6)
    candidates.push(...def.options.map((o) => sampleOf(o, depth + 1)))
  const shape = shapeOf(inner)
  if (shape && depth < 6)
    candidates.push(
      Object.fromEntries(
        Object.entries(shape)
          .filter(([, child]) => !child.safeParse(undefined).success)
          .map(([key, child]) => [key, sampleOf(child, depth + 1)]),
      ),
    )
  return candidates.find((candidate) => inner.safeParse(candidate).success) ?? candidates[0] ?? 'x'
}

export interface BoundInput {
  channel: Channel
  kind: 'array-at' | 'array-past' | 'number' | 'depth-at' | 'depth-past'
  field: string
  /** What was put there, for the report. */
  what: string
  /** The value placed at `path` inside a sample of the whole input (other fields valid). */
  path: string[]
  value: unknown
}

/** Numbers at and past every bound a number could have: NaN, infinities, -0, 2^53, negative, fractional. */
function numberValues(schema: z.ZodType): [string, unknown][] {
  const values: [string, unknown][] = [
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['-0', -0],
    ['2**53', 2 ** 53],
    ['-1', -1],
    ['1.5', 1.5],
  ]
  const max = bound(schema, 'less_than')
  const min = bound(schema, 'greater_than')
  if (typeof max?.value === 'number') values.push([`max ${max.value}`, max.value], [`max+1`, max.value + 1])
  if (typeof min?.value === 'number') values.push([`min ${min.value}`, min.value], [`min-1`, min.value - 1])
  return values
}

function boundCases(channel: Channel, path: string[], field: z.ZodType, depth: number): BoundInput[] {
  const inner = unwrap(field)
  const def = defOf(inner)
  const name = path.join('.')
  const cases: BoundInput[] = []
  // A story body: a text node carrying a field nested at, just past and far past the JSON depth limit.
  if (inner === bodySchema)
    for (const [kind, levels] of [
      ['depth-at', MAX_BODY_JSON_DEPTH - 10],
      ['depth-past', MAX_BODY_JSON_DEPTH + 1],
      ['depth-past', 100_000],
    ] as const)
      cases.push({
        channel,
        kind,
        field: name,
        what: `a text node's field ${levels} deep`,
        path,
        value: carrying(levels),
      })
  if (def.type === 'number')
    for (const [what, value] of numberValues(inner))
      cases.push({ channel, kind: 'number', field: name, what, path, value })
  if (def.type === 'array' && def.element) {
    const max = bound(inner, 'max_length')?.maximum
    if (typeof max === 'number' && max <= 100_000) {
      const element = sampleOf(def.element)
      cases.push({
        channel,
        kind: 'array-at',
        field: name,
        what: `${max} items`,
        path,
        value: Array(max).fill(element),
      })
      cases.push({
        channel,
        kind: 'array-past',
        field: name,
        what: `${max + 1} items`,
        path,
        value: Array(max + 1).fill(element),
      })
    }
  }
  if (depth >= 4) return cases
  if (def.type === 'array' && def.element)
    return [...cases, ...boundCases(channel, [...path, '0'], def.element, depth + 1)]
  for (const [key, child] of Object.entries(shapeOf(inner) ?? {}))
    cases.push(...boundCases(channel, [...path, key], child, depth + 1))
  return cases
}

/**
 * For each channel: every array with a length limit at it and one past it, every number at its
 * bounds and past them (and the values JSON cannot carry), and, in every field, a value nested
 * just inside and just past the body's nesting limit and SQLite's JSON depth (1,000).
 */
export function boundInputsFor(channel: Channel, schema: z.ZodType = contract[channel].input): BoundInput[] {
  const cases = Object.entries(shapeOf(schema) ?? {}).flatMap(([key, field]) => boundCases(channel, [key], field, 1))
  for (const key of Object.keys(shapeOf(schema) ?? {}))
    for (const [kind, levels] of [
      ['depth-at', 64],
      ['depth-past', 65],
      ['depth-past', 1001],
    ] as const)
      cases.push({ channel, kind, field: key, what: `nested ${levels} deep`, path: [key], value: nested(levels) })
  return cases
}

/** A body whose one text node carries an extra field (nodes keep unknown fields) nested `levels` deep. */
function carrying(levels: number): unknown {
  let extra: unknown = 'deepest'
  for (let level = 0; level < levels; level++) extra = { inner: extra }
  const text = { type: 'text', text: 'Words.', format: 0, style: '', extra }
  return { root: { type: 'root', children: [{ type: 'paragraph', children: [text] }] } }
}

/** An object `levels` deep ({children:[{children:[…]}]}), shaped as a body's nodes are. */
export function nested(levels: number): unknown {
  let value: unknown = { type: 'text', text: 'deepest' }
  for (let level = 1; level < levels; level++) value = { type: 'paragraph', children: [value] }
  return value
}

/** The schema of the field at `path` (through objects and arrays), or null. */
export function schemaAt(schema: z.ZodType, path: string[]): z.ZodType | null {
  let current: z.ZodType | null = schema
  for (const key of path) {
    if (!current) return null
    const inner = unwrap(current)
    const def = defOf(inner)
    current = /^\d+$/.test(key) && def.type === 'array' ? (def.element ?? null) : (shapeOf(inner)?.[key] ?? null)
  }
  return current
}

/**
 * `base` with `value` at `path` (a copy: the base is shared between cases). An object or array on
 * the way that the base lacks is filled with a sample from `schema`, so the value sits in an
 * otherwise valid input and is judged on its own.
 */
export function withValue(base: unknown, path: string[], value: unknown, schema?: z.ZodType): unknown {
  const root = structuredClone(base ?? {}) as Record<string, unknown>
  let at: Record<string, unknown> = root
  path.forEach((key, i) => {
    if (i === path.length - 1) at[key] = value
    else {
      const next = at[key]
      if (typeof next !== 'object' || next === null) {
        const sub = schema && schemaAt(schema, path.slice(0, i + 1))
        const sample = sub ? sampleOf(sub) : undefined
        const empty = /^\d+$/.test(path[i + 1]!) ? [] : {}
        at[key] = typeof sample === 'object' && sample !== null ? structuredClone(sample) : empty
        if (Array.isArray(at[key]) && /^\d+$/.test(path[i + 1]!) && !(at[key] as unknown[]).length) {
          const element = schemaAt(schema!, path.slice(0, i + 2))
          ;(at[key] as unknown[]).push(element ? sampleOf(element) : {})
        }
      }
      at = at[key] as Record<string, unknown>
    }
  })
  return root
}
