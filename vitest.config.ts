import { defineConfig } from 'vitest/config'
import { aliases } from './aliases.config'

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // Hooks start real PostgreSQL clusters and desk servers: seconds on a quiet machine, far more
    // when the machine is loaded (10 s, the default, timed out in CI once).
    hookTimeout: 120_000,
  },
})
