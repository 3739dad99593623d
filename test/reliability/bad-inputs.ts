import type { z } from 'zod'
import { contract, type Channel } from '../../src/shared/contract'

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
