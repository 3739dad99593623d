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
  ],
}

export const VIEWPORT = { width: 1360, height: 900 }
