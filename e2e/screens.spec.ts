import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './bridge'
import { layoutProblems } from './layout'
import { seedFullStory } from './seed-full'

/**
 * The main screens as a person sees them, at four window sizes: the library, the editor with a full
 * story (its body's first line in sight without scrolling), History, Checks, Notes, the Desk dialog, the publish preflight, House style and the Spike
 * list. On each, no control overlaps another, none is off screen or cut off (e2e/layout.ts; with a
 * modal dialog open, the dialog's controls, the only ones a person can reach). Every screen is
 * saved as a PNG for a person to look at: in test-results, or in $SCREENS_DIR when it is set.
 */
const SIZES = [
  { width: 720, height: 600 },
  { width: 1024, height: 768 },
  { width: 1360, height: 900 },
  { width: 1920, height: 1080 },
]

async function look(page: Page, testInfo: TestInfo, screen: string) {
  const size = page.viewportSize()!
  const file = `${screen}-${size.width}x${size.height}.png`
  await page.screenshot({
    path: process.env.SCREENS_DIR ? join(process.env.SCREENS_DIR, file) : testInfo.outputPath(file),
  })
  const problems = await layoutProblems(page)
  expect({ screen, ...problems, checked: undefined }).toEqual({
    screen,
    overlaps: [],
    outside: [],
    clipped: [],
    checked: undefined,
  })
}

for (const size of SIZES) {
  test(`at ${size.width} x ${size.height} the main screens are whole`, async ({ desk, page }, testInfo) => {
    test.slow()
    const story = seedFullStory(desk.library)
    await page.setViewportSize(size)
    await page.reload()
    await expect(page.getByRole('grid', { name: 'Stories' }).getByRole('row')).toHaveCount(4)
    await look(page, testInfo, 'library')

    await page.getByRole('button', { name: 'Spike', exact: true }).click()
    await expect(page.getByText('The spike is empty.')).toBeVisible()
    await look(page, testInfo, 'spike-list')
    await page.getByRole('button', { name: 'Back to the library' }).click()

    await page.getByRole('button', { name: new RegExp(story.headline) }).click()
    await expect(page.getByLabel('Headline')).toHaveValue(story.headline)
    await expect(page.getByLabel('Story body')).toContainText('What happens next')
    await look(page, testInfo, 'editor')
    // The story's first line of words is in sight as it opens, with all a full story carries above
    // it (embargo, the agency's note, the desk note, bylines, dateline, slug, keywords, toolbar).
    const firstLine = await page.evaluate(() => {
      const first = document.querySelector('.body-editable p')!
      const range = document.createRange()
      range.selectNodeContents(first)
      const line = range.getClientRects()[0]!
      return { bottom: line.bottom, scrolled: document.querySelector('.desk')!.scrollTop }
    })
    expect(firstLine.scrolled).toBe(0)
    expect(firstLine.bottom, 'the first line of the body ends inside the window').toBeLessThanOrEqual(size.height)

    for (const [panel, ready] of [
      ['History', () => page.getByRole('list', { name: 'Revisions' })],
      ['Checks', () => page.locator('.checks-summary')],
      ['Notes', () => page.getByRole('list', { name: 'Open comments' })],
    ] as const) {
      await page.getByRole('tab', { name: panel, exact: true }).click()
      await expect(ready()).toBeVisible()
      await look(page, testInfo, panel.toLowerCase())
    }

    await page.getByRole('tab', { name: 'Preview', exact: true }).click()
    await page.getByRole('tabpanel').getByRole('button', { name: 'House style…' }).click()
    const style = page.getByRole('dialog', { name: 'House style' })
    await expect(style.getByLabel('Language')).toBeVisible()
    await look(page, testInfo, 'house-style')
    await style.getByRole('button', { name: 'Cancel' }).click()

    await page.getByLabel('Story status').selectOption('published')
    const preflight = page.getByRole('dialog', { name: 'Mark as published' })
    await expect(preflight.getByRole('list', { name: 'Blocking' })).toBeVisible()
    await look(page, testInfo, 'preflight')
    await preflight.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('button', { name: 'Desk…' }).click()
    await expect(page.getByRole('dialog', { name: 'Desk' })).toBeVisible()
    await look(page, testInfo, 'desk-dialog')
  })
}
