import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions, VIEWPORT } from './e2e/chromium'
import { electronSkipReason } from './e2e/electron-binary'

const electronSkip = electronSkipReason()
// Printed once by the runner (not by each worker), so every run says why the Electron spec skips.
if (electronSkip && !process.env.TEST_WORKER_INDEX) console.log(`[electron spec] skipped: ${electronSkip}`)

/**
 * The renderer runs in Debian's Chromium (Playwright's own browser download cannot work here),
 * its window.copydesk bridged to the real api table on a temporary library: see e2e/bridge.ts.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  // Generous: a timeout is not a speed check (speed lives in `npm run bench`). In CI the slowest
  // tests (typing 600 letters key by key) took 56 s of the old 60, and a loaded machine is 2-3x slower.
  timeout: 150_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: VIEWPORT,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: 'renderer', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
})
