import { getStory } from '../src/main/library/stories'
import { expect, test } from './bridge'

/**
 * On a busy machine the api's answers (the house style, the story's language, an autosave) reach
 * the page while the editor is still typing. Each one re-renders the story; none may take back a
 * character typed meanwhile. The answers are made late here on purpose, so they land mid-word.
 */
test('an editor typing fast after Ctrl+N while late answers arrive loses no letter', async ({ desk, page }) => {
  test.slow()
  // A slow machine too: the page's own work waits behind the keys, as it does under load.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  desk.slowAnswers({ 'settings:get': 300, 'spelling:story': 600, 'story:save': 400, 'desk:open': 200 })
  await page.locator('body').click()
  await page.keyboard.press('Control+n')
  await expect(page.getByLabel('Headline')).toBeFocused()
  await page.keyboard.type('Flood barriers hold as the Ouse peaks in York')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Residents return home after the river crested overnight.')
  await page.getByLabel('Slug').fill('york-floods')
  await expect(page.getByLabel('Headline')).toHaveValue('Flood barriers hold as the Ouse peaks in York')
  await expect(page.getByLabel('Standfirst')).toHaveValue('Residents return home after the river crested overnight.')
  await expect(page.getByRole('status')).toHaveText('Saved')
  const [row] = desk.library.db.prepare('SELECT id FROM stories').all() as { id: number }[]
  expect(getStory(desk.library.db, row!.id as never)).toMatchObject({
    headline: 'Flood barriers hold as the Ouse peaks in York',
    standfirst: 'Residents return home after the river crested overnight.',
    slug: 'york-floods',
  })
})
