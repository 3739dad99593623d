import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleChild, repoRoot } from './bundle'
import { GuardedWire, type GuardedReply } from './guarded-wire'
import { hostileFiles } from './hostile'

/**
 * Any bytes given to the importer give a draft or a clear refusal, within a (generous) bound, and
 * never a crash or a hang: random bytes, random text behind each format's opening, and mutated
 * copies of real and home-made wire files. Each case runs in the guarded worker (so a hang is
 * stopped and reported) and is imported into a real library (so the path from draft to stored
 * story is fuzzed too). Failing inputs are saved under test-results/fuzz/ to reproduce.
 */

const SAMPLES = resolve(repoRoot, '..', 'shared', 'samples')
// COPYDESK_FUZZ_SCALE=10 for a long run before a release; npm test runs the quick one.
const scale = Math.max(1, Number(process.env.COPYDESK_FUZZ_SCALE) || 1)
const RUNS = { bytes: 250 * scale, text: 250 * scale, mutated: 1000 * scale }
const seed = Number(process.env.COPYDESK_FUZZ_SEED) || Date.now() % 2 ** 31

interface Seed {
  name: string
  bytes: Uint8Array
}

function samples(): Seed[] {
  if (!existsSync(SAMPLES)) return []
  const files = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .map((name) => join(SAMPLES, name))
    .filter((file) => statSync(file).isFile() && !file.endsWith('README.md'))
  return files.map((file) => ({ name: `samples/${relative(SAMPLES, file)}`, bytes: readFileSync(file) }))
}

const seeds: Seed[] = [...hostileFiles().map((f) => ({ name: `hostile/${f.name}`, bytes: f.bytes })), ...samples()]

/** Pieces of wire syntax a mutation drops in: framing, markup, entities, JSON, odd characters. */
const TOKENS = [
  '<',
  '>',
  '</p>',
  '<p>',
  '&',
  '&amp;',
  '&#0;',
  '&#x1F4A9;',
  '&nbsp;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<!DOCTYPE nitf [<!ENTITY a "b">]>',
  '<?xml version="1.0" encoding="ISO-8859-1"?>',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  'null',
  '\u0000',
  '\u0001',
  '\u0002',
  '\u0003',
  '\u0004',
  '\u0016',
  '\u001f',
  '\u007f',
  '\r\n',
  '\n\n',
  '\t',
  '\u2028',
  '\ufeff',
  '\ud800',
  'é',
  '\u00e9'.normalize('NFD'),
  '<script>',
  'javascript:',
  '=\r\n',
  '<hl1>',
  '<body.content>',
  '"body_html":',
  '"headline":',
  'By ',
  '(AP) _ ',
  'LONDON, ',
].map((token) => Buffer.from(token, 'utf8'))

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; token: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.nat(TOKENS.length - 1) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)

function mutate(bytes: Uint8Array, mutations: Mutation[]): Buffer {
  let out = Buffer.from(bytes)
  for (const m of mutations) {
    const at = out.length ? m.at % (out.length + 1) : 0
    if (m.kind === 'flip' && out.length) out[at % out.length] = m.byte
    if (m.kind === 'insert') out = Buffer.concat([out.subarray(0, at), TOKENS[m.token]!, out.subarray(at)])
    if (m.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)])
    if (m.kind === 'duplicate') out = Buffer.concat([out.subarray(0, at + m.length), out.subarray(at)])
    if (m.kind === 'truncate') out = out.subarray(0, at)
  }
  return out
}

/** What an editor would be shown must read as a reason, not as a program's insides. */
function unclear(message: string): string | null {
  if (message.length < 10) return 'too short to say anything'
  if (message.length > 2000) return 'longer than a reason'
  if (/undefined|\[object |NaN|\n\s+at |Cannot read propert|is not a function|Maximum call stack/.test(message))
    return 'a crash, not a reason'
  return null
}

const failures = join(repoRoot, 'test-results', 'fuzz')
const tally = { cases: 0, drafts: 0, refused: 0, formats: new Map<string, number>() }

/** Run one input; throw (for fast-check) on a crash, a hang, an unclear refusal or a failed store. */
function judge(name: string, bytes: Uint8Array, reply: GuardedReply): void {
  tally.cases++
  const { outcome } = reply
  const detected = 'detected' in reply ? reply.detected : undefined
  if (detected) tally.formats.set(detected, (tally.formats.get(detected) ?? 0) + 1)
  let problem: string | null = null
  if (outcome.kind === 'hang' || outcome.kind === 'crash') problem = `${outcome.kind}: ${outcome.message}`
  else if (outcome.kind === 'refused') {
    tally.refused++
    const why = unclear(outcome.message)
    if (why) problem = `refused with ${why}: ${outcome.message}`
  } else tally.drafts++
  for (const result of ('results' in reply ? reply.results : undefined) ?? []) {
    if (!result.ok && /^it could not be imported/.test(result.error ?? ''))
      problem ??= `stored with a crash: ${result.error}`
    if (outcome.kind === 'draft' && !result.ok) problem ??= `parsed but not stored: ${result.error}`
  }
  if (!problem) return
  mkdirSync(failures, { recursive: true })
  const file = join(failures, `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.bin`)
  writeFileSync(file, bytes)
  throw new Error(`${name}: ${problem}\n(the input is saved in ${file}; fuzz seed ${seed})`)
}

describe('fuzzing the wire importers', () => {
  let dir: string
  let wire: GuardedWire
  let library: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-fuzz-'))
    wire = new GuardedWire(await bundleChild('test/reliability/children/wire-worker.ts', dir))
    library = join(dir, 'library.sqlite')
  })
  afterAll(() => {
    wire?.close()
    rmSync(dir, { recursive: true, force: true })
    const formats = [...tally.formats].map(([format, n]) => `${format} ${n}`).join(', ')
    console.log(
      `fuzz: ${tally.cases} cases (seed ${seed}): ${tally.drafts} drafts, ${tally.refused} clear refusals, no crash or hang; ` +
        `detected as: ${formats}; slowest case ${Math.round(wire?.slowestMs ?? 0)} ms`,
    )
  })

  it('takes any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        judge('random bytes', bytes, await wire.read('random.bin', bytes, library))
      }),
      { numRuns: RUNS.bytes, seed, endOnFailure: true },
    )
  }, 600_000)

  it('takes any text behind the opening of each format', async () => {
    const openings = [
      '',
      '\ufeff',
      '<?xml version="1.0"?><nitf><body>',
      '<newsMessage><itemSet><newsItem>',
      '<NewsML><NewsItem>',
      '{"headline":',
      '[{"body_html":"',
      '\u0016\u0016\u0001',
      '\u0001',
      'LONDON (Reuters) - ',
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...openings),
        fc.string({ unit: 'binary', maxLength: 3000 }),
        async (opening, text) => {
          const bytes = Buffer.from(opening + text, 'utf8')
          judge(`text after ${JSON.stringify(opening)}`, bytes, await wire.read('text.txt', bytes, library))
        },
      ),
      { numRuns: RUNS.text, seed, endOnFailure: true },
    )
  }, 600_000)

  it(`takes mutated wire files (${seeds.length} seeds${existsSync(SAMPLES) ? '' : '; ../shared/samples absent, own fixtures only'})`, async () => {
    expect(seeds.length).toBeGreaterThan(5)
    await fc.assert(
      fc.asyncProperty(
        fc.nat(seeds.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        async (index, mutations) => {
          const source = seeds[index]!
          const bytes = mutate(source.bytes, mutations)
          judge(`${source.name} mutated`, bytes, await wire.read(source.name, bytes, library))
        },
      ),
      { numRuns: RUNS.mutated, seed, endOnFailure: true },
    )
  }, 900_000)

  it('reads every seed unmutated: the corpus files that should import do', async () => {
    const shouldImport = new Set(
      hostileFiles()
        .filter((f) => f.expect === 'imported')
        .map((f) => `hostile/${f.name}`),
    )
    for (const source of seeds) {
      const reply = await wire.read(source.name, source.bytes, library)
      judge(source.name, source.bytes, reply)
      if (shouldImport.has(source.name)) {
        expect(reply.outcome, source.name).toMatchObject({ kind: 'draft' })
      }
    }
  }, 300_000)
})
