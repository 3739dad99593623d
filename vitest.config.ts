import { defineConfig } from 'vitest/config'
import { aliases } from './aliases.config'

export default defineConfig({
  resolve: { alias: aliases },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Generous for the same reason: a timeout is not a speed check (speed lives in `npm run bench`).
    testTimeout: 60_000,
    // Hooks start real PostgreSQL clusters and desk servers: seconds on a quiet machine, far more
    // when the machine is loaded (10 s, the default, timed out in CI once).
    hookTimeout: 120_000,
  },
})
