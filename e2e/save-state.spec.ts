import type { Page } from '@playwright/test'
import { call } from '../src/main/api'
import { getStory } from '../src/main/library/stories'
import { expect, test } from './bridge'

declare global {
  interface Window {
    __saveStates: string[]
  }
}

/** Every state the save indicator goes through from now on, in order (a moment's "Saved" included). */
async function recordSaveStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const indicator = document.querySelector('[data-save-state]')!
    window.__saveStates = [indicator.getAttribute('data-save-state')!]
    new MutationObserver(() => {
      const now = indicator.getAttribute('data-save-state')!
      if (window.__saveStates.at(-1) !== now) window.__saveStates.push(now)
    }).observe(indicator, { attributes: true, attributeFilter: ['data-save-state'] })
  })
}

/**
 * "Saved" is a promise to the editor that what they see is in the library. A save that answers
 * late, for words typed before the latest ones, must not make it. The page's clock moves only when
 * the test moves it, so the next autosave waits until the older one has answered, however busy the
 * machine: that is the moment a wrong "Saved" would show.
 */
test('"Saved" waits for the latest change when an older save answers late', async ({ desk, page }) => {
  test.slow()
  const story = call(desk.library, 'story:create', { headline: 'Bridge closed' })
  await page.clock.install()
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  const headline = page.getByLabel('Headline')
  await expect(headline).toHaveValue('Bridge closed')
  await page.clock.pauseAt(Date.now() + 60_000)
  await recordSaveStates(page)
  const status = page.getByRole('status')

  desk.slowAnswers({ 'story:autosave': 4000 })
  await headline.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' for repairs')
  await page.clock.runFor(800)
  await expect(status).toHaveText('Saving…')
  // The first save is on its way: type again before it answers.
  await page.keyboard.type(' until May')
  // The first save answers (the library has it at once; its answer is late); the newer words are
  // still waiting for their own save.
  await expect.poll(() => getStory(desk.library.db, story.id).headline).toBe('Bridge closed for repairs')
  await page.waitForTimeout(4500)
  await expect(status).toHaveText('Unsaved changes')

  await page.clock.runFor(800)
  await expect.poll(() => getStory(desk.library.db, story.id).headline).toBe('Bridge closed for repairs until May')
  await expect(status).toHaveText('Saved')
  const states = await page.evaluate(() => window.__saveStates)
  // Never "Saved" between the first key and the last save.
  expect(states.slice(1, -1)).not.toContain('saved')
})
