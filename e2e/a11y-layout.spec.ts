import { expect, test } from './bridge'
import { layoutProblems } from './layout'
import { storyToolTabs } from './panels'
import { seedDesk } from './seed'

/**
 * Every window size from the smallest the app allows to a 27-inch screen: with a story open and
 * each side panel in turn, no two controls overlap, none is off screen or cut off, and every
 * panel tab can be clicked (Playwright's click fails if something else would take the click).
 */
const SIZES = [
  { width: 720, height: 600 },
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
]
// The README's and docs/accessibility.md's pictures of the layout, one per kind of window.
const SCREENSHOT_WIDTHS = new Set([720, 1366, 1920])

for (const size of SIZES) {
  test(`at ${size.width} x ${size.height} every control of the story and its panels is in reach`, async ({
    desk,
    page,
  }, testInfo) => {
    const story = seedDesk(desk.library)
    await page.setViewportSize(size)
    await page.reload()
    await page.getByRole('button', { name: new RegExp(story.headline) }).click()
    await expect(page.getByLabel('Headline')).toHaveValue(story.headline)
    await expect(page.getByLabel('Story body')).toContainText('What happens next')

    // Every panel there is, as the tab strip lists them (a panel added later is covered too).
    const panels = await storyToolTabs(page)
    for (const label of panels) {
      const tab = page.getByRole('tab', { name: label })
      await tab.click()
      await expect(tab).toHaveAttribute('aria-selected', 'true')
      await expect(page.getByRole('tabpanel')).toBeVisible()
      if (label === 'Checks') await expect(page.locator('.checks-summary')).toBeVisible()
      if (label === 'Related') await expect(page.getByRole('list', { name: 'Related stories' })).toBeVisible()
      const problems = await layoutProblems(page)
      expect(problems.checked, 'controls looked at').toBeGreaterThan(20)
      expect({ panel: label, ...problems, checked: undefined }).toEqual({
        panel: label,
        overlaps: [],
        outside: [],
        clipped: [],
        checked: undefined,
      })
      if (label === 'Checks' && SCREENSHOT_WIDTHS.has(size.width)) {
        const path = process.env.UPDATE_SCREENSHOTS
          ? `docs/screenshots/layout-${size.width}.png`
          : testInfo.outputPath(`layout-${size.width}.png`)
        await page.screenshot({ path })
      }
    }
  })
}
