import { call } from '../src/main/api'
import { expect, test } from './bridge'

test('New story puts the caret in the headline, from Ctrl+N and from the button; a new story never typed in is not kept', async ({
  desk,
  page,
}) => {
  const old = call(desk.library, 'story:create', { headline: 'Bus fares frozen' })
  await page.reload()
  await page.locator('body').click()
  await page.keyboard.press('Control+n')
  await expect(page.getByLabel('Headline')).toBeFocused()
  await page.keyboard.type('Rail fares rise')
  await expect(page.getByRole('status')).toHaveText('Saved')

  // Two stray presses, then the editor opens another story: neither empty draft is kept.
  await page.keyboard.press('Control+n')
  await expect(page.getByLabel('Headline')).toHaveValue('')
  await expect(page.getByLabel('Headline')).toBeFocused()
  await page.keyboard.press('Control+n')
  await expect(page.getByLabel('Headline')).toBeFocused()
  await page.locator(`[data-story-id="${old.id}"]`).click()
  await expect(page.getByLabel('Headline')).toHaveValue('Bus fares frozen')

  await page.getByRole('button', { name: 'New story' }).first().click()
  await expect(page.getByLabel('Headline')).toBeFocused()
  await expect(page.getByLabel('Headline')).toHaveValue('')
  await page.keyboard.type('Tram line extended')
  await page.keyboard.press('Tab')
  await page.keyboard.type('The line reaches the airport in May.')
  await page.getByLabel('Story body').click()
  await page.keyboard.type('Trams run every ten minutes.')
  await expect(page.getByRole('status')).toHaveText('Saved')

  await page.reload()
  const headlines = call(desk.library, 'story:list', {}).items.map((s) => s.headline)
  expect(headlines.sort()).toEqual(['Bus fares frozen', 'Rail fares rise', 'Tram line extended'])
  await expect(page.getByRole('grid', { name: 'Stories' }).locator('[data-story-id]')).toHaveCount(3)
  const tram = call(desk.library, 'story:list', {}).items.find((s) => s.headline === 'Tram line extended')!
  await page.locator(`[data-story-id="${tram.id}"]`).click()
  await expect(page.getByLabel('Standfirst')).toHaveValue('The line reaches the airport in May.')
  await expect(page.getByLabel('Story body')).toHaveText('Trams run every ten minutes.')
})
