import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronBinary, electronSkipReason } from './electron-binary'

/**
 * The same smoke flow as the bridge specs, in the real app: the real preload, IPC, app:// protocol
 * and close handshake. It needs an Electron binary (and better-sqlite3 built for it, see
 * docs/architecture.md), which machines without network access cannot download.
 */
const binary = electronBinary()
const skipReason = electronSkipReason()
test.skip(skipReason !== null, skipReason ?? '')

test('the real app: write a story, quit at once, reopen, and find every word', async () => {
  const library = join(mkdtempSync(join(tmpdir(), 'copydesk-electron-')), 'library.sqlite')
  const launch = () =>
    electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, COPYDESK_LIBRARY: library } })

  const app = await launch()
  const page = await app.firstWindow()
  expect(page.url()).toBe('app://copydesk/index.html')
  await page.keyboard.press('Control+n')
  await page.getByLabel('Headline').fill('Electron smoke test')
  await page.getByLabel('Story body').click()
  await page.keyboard.type('Typed in the real window.')
  // No Node in the page: no require, no process; only the bridge the preload exposed.
  const pageGlobals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    copydesk: Object.keys((globalThis as { copydesk?: object }).copydesk ?? {}).sort(),
  }))
  expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined', copydesk: ['invoke', 'on'] })
  await app.close()

  const again = await launch()
  const reopened = await again.firstWindow()
  await reopened.getByRole('button', { name: /Electron smoke test/ }).click()
  await expect(reopened.getByLabel('Story body')).toHaveText('Typed in the real window.')
  await again.close()
})
