import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

/** Our own wire fixtures (test/fixtures/wire), written for these tests. */
export const FIXTURES = resolve(__dirname, '../fixtures/wire')

export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path))
}

/** Real wire copy by other people, never copied into the repo: ../shared/samples from the repo root. */
export const SAMPLES = resolve(__dirname, '../../../shared/samples')
export const SEED = join(SAMPLES, '000_30a9b267f3936a89.txt')
export const samplesPresent = existsSync(SAMPLES)

export function sampleFiles(dir = SAMPLES): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? sampleFiles(path) : [path]
    })
    .sort()
}

export function sampleName(path: string): string {
  return relative(SAMPLES, path)
}
