import { resolve } from 'node:path'

/** The repository root, from this file (vitest and Playwright both give modules a __dirname). */
export const repoRoot = resolve(__dirname, '..', '..')
