/**
 * The origin the e2e tests serve the renderer from (e2e/bridge.ts). The app's own app:// is
 * registered as secure (protocol.ts), which is what gives the page WebCodecs' ImageDecoder among
 * other things, so this origin is treated as secure too.
 */
export const TEST_ORIGIN = 'http://copydesk.test'

/**
 * Debian's Chromium, as every browser test and benchmark launches it: Playwright's own browser
 * download cannot work on these machines, and root needs --no-sandbox.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    `--unsafely-treat-insecure-origin-as-secure=${TEST_ORIGIN}`,
  ],
}

export const VIEWPORT = { width: 1360, height: 900 }
