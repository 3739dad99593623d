import type { Locator, Page } from '@playwright/test'
import { call } from '../src/main/api'
import { getStory } from '../src/main/library/stories'
import { bodyFromParagraphs } from '../src/shared/body'
import { expectNoAxeViolations } from './axe'
import { ORIGIN, expect, test } from './bridge'

const TEXT = 'Read the council report before Friday.'

/** Put the caret `from` characters into the first paragraph, selecting `length` more, by keys alone. */
async function select(page: Page, body: Locator, from: number, length = 0) {
  await body.focus()
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < from; i++) await page.keyboard.press('ArrowRight')
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight')
  // The editor learns of a moved selection from the browser's selectionchange, a task of its own: a
  // shortcut pressed before it has run acts on the selection one key behind (seen under load).
  await expect.poll(() => page.evaluate(() => getSelection()?.toString().length ?? -1)).toBe(length)
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
}

test('links by keyboard alone: Ctrl+K adds one, edits it, opens it outside the app, removes it; each one undo step', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', { headline: 'Council report', body: bodyFromParagraphs([TEXT]) })
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  const body = page.getByLabel('Story body')
  await expect(body).toHaveText(TEXT)

  // Add: select "council report", Ctrl+K, a refused address says why, a bare domain becomes https.
  await select(page, body, 'Read the '.length, 'council report'.length)
  await page.keyboard.press('Control+k')
  const add = page.getByRole('dialog', { name: 'Add link' })
  const address = add.getByRole('textbox', { name: 'Link address', exact: true })
  await expect(address).toBeFocused()
  await page.keyboard.type('javascript:alert(1)')
  await page.keyboard.press('Enter')
  await expect(add.getByRole('alert')).toHaveText(/must be a web \(http, https\), email \(mailto\) or phone \(tel\)/)
  await expect(address).toHaveAttribute('aria-invalid', 'true')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('york.gov.uk/report')
  await page.keyboard.press('Enter')
  await expect(add).toHaveCount(0)
  await expect(body).toBeFocused()
  await expect(body.getByRole('link', { name: 'council report' })).toHaveAttribute('href', 'https://york.gov.uk/report')
  // The caret is in the link: its address shows under it.
  await expect(page.getByRole('group', { name: 'Link', exact: true })).toContainText('york.gov.uk/report')

  // One Ctrl+Z takes the link away and leaves the words; redo brings it back.
  await page.keyboard.press('Control+z')
  await expect(body.getByRole('link')).toHaveCount(0)
  await expect(body).toHaveText(TEXT)
  await page.keyboard.press('Control+Shift+z')
  await expect(body.getByRole('link', { name: 'council report' })).toHaveAttribute('href', 'https://york.gov.uk/report')

  // Edit: the caret in the link, Ctrl+K shows its address, ready to change.
  await select(page, body, 'Read the coun'.length)
  await page.keyboard.press('Control+k')
  const edit = page.getByRole('dialog', { name: 'Edit link' })
  const editAddress = edit.getByRole('textbox', { name: 'Link address', exact: true })
  await expect(editAddress).toBeFocused()
  await expect(editAddress).toHaveValue('https://york.gov.uk/report')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('https://york.gov.uk/report-2026')
  await page.keyboard.press('Enter')
  await expect(edit).toHaveCount(0)
  await expect(body).toBeFocused()
  await expect(body.getByRole('link', { name: 'council report' })).toHaveAttribute(
    'href',
    'https://york.gov.uk/report-2026',
  )

  // Open: outside the app (a new window here; the system browser in Electron); the app stays put.
  await page.context().route('https://york.gov.uk/**', (route) => route.fulfill({ body: 'The report' }))
  await page.keyboard.press('Control+k')
  await expect(editAddress).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(edit.getByRole('button', { name: 'Apply' })).toBeFocused()
  await page.keyboard.press('Tab')
  const open = edit.getByRole('button', { name: 'Open link' })
  await expect(open).toBeFocused()
  const opened = page.context().waitForEvent('page')
  await page.keyboard.press('Enter')
  const outside = await opened
  await outside.waitForURL('https://york.gov.uk/report-2026')
  expect(page.url()).toBe(`${ORIGIN}/index.html`)
  await outside.close()
  // Escape goes back to the text, the link unchanged.
  await page.keyboard.press('Escape')
  await expect(edit).toHaveCount(0)
  await expect(body).toBeFocused()

  // Remove: Ctrl+K, Tab to Remove link, Enter; the words stay, and one Ctrl+Z brings the link back.
  await page.keyboard.press('Control+k')
  await expect(editAddress).toBeFocused()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab')
  await expect(edit.getByRole('button', { name: 'Remove link' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(body.getByRole('link')).toHaveCount(0)
  await expect(body).toHaveText(TEXT)
  await expect(body).toBeFocused()
  await page.keyboard.press('Control+z')
  await expect(body.getByRole('link', { name: 'council report' })).toHaveAttribute(
    'href',
    'https://york.gov.uk/report-2026',
  )

  // Saved, and there after a reload.
  await expect(page.getByRole('status')).toHaveText('Saved')
  await expect
    .poll(() => JSON.stringify(getStory(desk.library.db, story.id).body))
    .toContain('https://york.gov.uk/report-2026')
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  await expect(page.getByLabel('Story body').getByRole('link', { name: 'council report' })).toHaveAttribute(
    'href',
    'https://york.gov.uk/report-2026',
  )
})

test('the link popover is named, axe-clean and whole on screen at 720 px, even for a link at the end of a line', async ({
  desk,
  page,
}, testInfo) => {
  const long =
    'Residents can read the flood defence plan, the insurance advice and the full council report on the website'
  const story = call(desk.library, 'story:create', { headline: 'Flood plan', body: bodyFromParagraphs([long]) })
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  const body = page.getByLabel('Story body')
  await expect(body).toHaveText(long)

  // The last word of a long paragraph, linked; a phone number becomes tel:.
  await select(page, body, long.length - 'website'.length, 'website'.length)
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('textbox', { name: 'Link address', exact: true })).toBeFocused()
  await page.keyboard.type('+44 20 7946 0000')
  await page.keyboard.press('Enter')
  await expect(body.getByRole('link', { name: 'website' })).toHaveAttribute('href', 'tel:+442079460000')

  await select(page, body, long.length - 2)
  await page.keyboard.press('Control+k')
  const popover = page.getByRole('dialog', { name: 'Edit link' })
  await expect(popover.getByRole('textbox', { name: 'Link address', exact: true })).toBeFocused()
  await expectNoAxeViolations(page, 'the link popover')
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/link-popover.png' })
  else await page.screenshot({ path: testInfo.outputPath('link-popover.png') })

  for (const width of [720, 1024]) {
    await page.setViewportSize({ width, height: 600 })
    await expect(async () => {
      const box = (await popover.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(width)
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height).toBeLessThanOrEqual(600)
    }).toPass()
  }
  await expectNoAxeViolations(page, 'the link popover at 1024 px')
  await page.keyboard.press('Escape')
  await expect(popover).toHaveCount(0)
  await expect(body).toBeFocused()
})
