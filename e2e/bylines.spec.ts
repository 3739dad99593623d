import { call } from '../src/main/api'
import { getStory } from '../src/main/library/stories'
import { expect, test } from './bridge'

const names = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Bylines' }).locator('.byline-name')

test('a byline typed but not Added is added when the editor moves on, added from the keyboard focus goes to the next field, and one typed as the window closes is kept', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', { headline: 'Council tax to rise' })
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()

  // Typed, then a click elsewhere: added, and saved.
  await page.getByLabel('Byline name').fill('Ann Lee')
  await page.getByLabel('Standfirst').click()
  await expect(names(page)).toHaveText(['Ann Lee'])
  await expect(page.getByLabel('Byline name')).toHaveValue('')
  await expect(page.getByRole('status')).toHaveText('Saved')

  // From the keyboard: name, kind, Add; focus lands on the next field (the dateline's place).
  await page.getByLabel('Byline name').click()
  await page.keyboard.type('PA')
  await page.keyboard.press('Tab')
  await page.getByLabel('Byline kind').selectOption('agency')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Add byline' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(names(page)).toHaveText(['Ann Lee', 'PA'])
  await expect(page.getByLabel('Dateline place')).toBeFocused()

  // Typed and tabbed straight past the kind and the button: added on leaving.
  await page.getByLabel('Byline name').click()
  await page.keyboard.type('Bob Roe')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(names(page)).toHaveText(['Ann Lee', 'PA', 'Bob Roe'])

  // Typed as the window closes, never leaving the box: kept all the same.
  await page.getByLabel('Byline name').click()
  await page.keyboard.type('Cy Dunn')
  expect(await desk.closeWindow()).toBe('flushed')
  const reopened = await desk.reopen()
  await reopened.locator(`[data-story-id="${story.id}"]`).click()
  await expect(names(reopened)).toHaveText(['Ann Lee', 'PA', 'Bob Roe', 'Cy Dunn'])
  expect(getStory(desk.library.db, story.id).bylines).toEqual([
    { name: 'Ann Lee', kind: 'person' },
    { name: 'PA', kind: 'agency' },
    { name: 'Bob Roe', kind: 'person' },
    { name: 'Cy Dunn', kind: 'person' },
  ])
})
