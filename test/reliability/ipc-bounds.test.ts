import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, dispatch } from '../../src/main/api'
import type { Library } from '../../src/main/library'
import { bodyFromParagraphs } from '../../src/shared/body'
import { apiChannels } from '../../src/shared/channels'
import { contract, type Reply } from '../../src/shared/contract'
import { useTempLibraries } from '../library-fixture'
import { boundInputsFor, sampleOf, withValue, type BoundInput } from './bad-inputs'

/**
 * Every api channel, given arrays at their length limit and one past it, numbers at and past their
 * bounds (NaN, infinities, -0, 2^53, negative, fractional), and values nested at the body's nesting
 * limit, one past it and past SQLite's JSON depth, each placed in an otherwise valid input (issue
 * 24, acceptance). Each is accepted, and then every story still opens, saves and shows its History,
 * or refused in words with a code that is not "internal"; an array past its limit is always refused.
 */

/** A valid-looking input for the channel, naming the witness story wherever a story is asked for. */
function baseInput(channel: (typeof apiChannels)[number], witness: { id: number; revision: number }): unknown {
  const name = (value: unknown, key?: string): unknown => {
    if (key === 'id' || key === 'storyId' || key === 'excludeId') return witness.id
    if (key === 'expectedRevision' || key === 'revision') return witness.revision
    if (Array.isArray(value)) return key === 'ids' ? [witness.id] : value.map((v) => name(v))
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, name(v, k)]))
    return value
  }
  return name(sampleOf(contract[channel].input))
}

/** What is wrong with the library after a call was accepted, or null: every story opens, saves and has a History. */
function libraryProblem(library: Library): string | null {
  const { items } = call(library, 'story:list', { limit: 500 })
  for (const { id } of items) {
    try {
      const story = call(library, 'story:get', { id })
      call(library, 'story:save', { id, expectedRevision: story.revision, changes: { headline: 'Still saves' } })
      call(library, 'story:revisions', { id })
    } catch (error) {
      return `story ${id}: ${(error as Error).message.slice(0, 200)}`
    }
  }
  return null
}

function problemWith(reply: Reply<unknown>, bad: BoundInput): string | null {
  const where = `${bad.kind} ${bad.field} (${bad.what})`
  if (reply.ok) return bad.kind === 'array-past' ? `${where}: accepted past its limit` : null
  const { code, message } = reply.error
  if (code === 'internal') return `${where}: internal: ${message.slice(0, 200)}`
  // zod's own "received undefined" names the field; a bare undefined or a stack does not.
  if (message.length < 10 || /\n\s+at |^undefined|: undefined$/.test(message))
    return `${where}: unclear: ${message.slice(0, 200)}`
  if (bad.kind === 'array-past' && code !== 'invalid-input')
    return `${where}: refused as ${code}: ${message.slice(0, 200)}`
  return null
}

describe('every api channel at and just past its array, number and depth limits', () => {
  const libraries = useTempLibraries()
  let cwd = ''
  let folder = ''
  let casesRun = 0
  // Anything a channel writes to a relative path (an export folder) lands in a folder of our own.
  beforeAll(() => {
    cwd = process.cwd()
    folder = mkdtempSync(join(tmpdir(), 'copydesk-bounds-cwd-'))
    process.chdir(folder)
  })
  afterAll(() => {
    process.chdir(cwd)
    rmSync(folder, { recursive: true, force: true })
    console.log(`ipc bounds: ${casesRun} inputs at and past the limits across ${apiChannels.length} channels`)
  })

  it('generates cases: arrays at their limit, numbers, and depth', () => {
    const kinds = (channel: (typeof apiChannels)[number]) => boundInputsFor(channel).map((c) => `${c.kind} ${c.field}`)
    expect(kinds('wire:import')).toEqual(
      expect.arrayContaining(['array-at files', 'array-past files', 'depth-past files']),
    )
    expect(kinds('story:list')).toEqual(expect.arrayContaining(['number limit', 'number offset']))
    expect(kinds('dictionary:add')).toEqual(expect.arrayContaining(['array-at words', 'array-past words']))
  })

  it.each(apiChannels)(
    '%s',
    async (channel) => {
      const library = libraries.open()
      const problems: string[] = []
      for (const bad of boundInputsFor(channel)) {
        const witness = call(library, 'story:create', { headline: 'Witness', body: bodyFromParagraphs(['Words.']) })
        const input = withValue(baseInput(channel, witness), bad.path, bad.value, contract[channel].input)
        const reply = await dispatch(library, channel, input)
        const problem = problemWith(reply, bad)
        if (problem) problems.push(problem)
        else if (reply.ok) {
          const broken = libraryProblem(library)
          if (broken) problems.push(`${bad.kind} ${bad.field} (${bad.what}) accepted, then ${broken}`)
        }
        casesRun++
      }
      expect(problems).toEqual([])
    },
    300_000,
  )
})
