import { resolve } from 'node:path'

/**
 * Path aliases, the same as tsconfig.base.json's `paths` (TypeScript, tsx, Playwright and the ESLint
 * resolver read those; Vite and Vitest read these): code far from src/shared or the renderer's root
 * names them instead of climbing folders.
 */
export const aliases = {
  '@shared': resolve(__dirname, 'src/shared'),
  '@renderer': resolve(__dirname, 'src/renderer/src'),
  /** Fixtures and helpers shared by tests (never imported by the app). */
  '@test': resolve(__dirname, 'test'),
}
