import { call } from '../src/main/api'
import { bodyFromParagraphs } from '../src/shared/body'
import { expect, test } from './bridge'

test('an editor edits a story, sees the words changed since the first version, and restores it', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', {
    headline: 'Library to stay open',
    body: bodyFromParagraphs(['The council met on Monday and kept the library open.']),
  })
  await page.reload()
  await page.getByRole('button', { name: /Library to stay open/ }).click()

  const body = page.getByLabel('Story body')
  await body.locator('p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' It will close on Sundays.')
  await page.getByLabel('Headline').fill('Library to close on Sundays')
  await expect(page.getByRole('status')).toHaveText('Saved')

  await page.getByRole('tab', { name: 'History' }).click()
  const revisions = page.getByRole('list', { name: 'Revisions' })
  await expect(revisions.getByRole('listitem').first()).toContainText('Autosave')
  await expect(revisions.getByRole('listitem').first()).toContainText('current')
  await expect(revisions.getByRole('listitem').last()).toContainText('Created: Draft')
  await expect(revisions.getByRole('listitem').last()).toContainText('+10 words')
  await expect(revisions.getByRole('listitem').first()).toContainText('+5 words')

  await revisions.getByRole('button', { name: /Created/ }).click()
  const diff = page.getByLabel('Changes from revision 1 to now')
  await expect(diff.locator('ins')).toHaveText(['close on Sundays', 'It will close on Sundays.'])
  await expect(diff.locator('del')).toHaveText(['stay open'])
  await expect(diff).toContainText('8 words added')
  await page.screenshot({ path: '/tmp/desk-diff.png' })

  await page.getByRole('button', { name: 'Restore this version…' }).click()
  await page
    .getByRole('dialog', { name: 'Restore revision 1?' })
    .getByRole('button', { name: 'Restore revision 1' })
    .click()
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue('Library to stay open')
  await expect(body).toHaveText('The council met on Monday and kept the library open.')
  await expect(revisions.getByRole('listitem').first()).toContainText('Restored')
  await expect(revisions.getByRole('listitem').first()).toContainText('−5 words')

  const stored = call(desk.library, 'story:revisions', { id: story.id }).revisions
  // Autosaves coalesce by five-minute stretch of the clock, so a run that straddles one leaves two.
  expect(stored.map((r) => r.reason).join(' ')).toMatch(/^restore (autosave ){1,2}create$/)
  expect(call(desk.library, 'story:get', { id: story.id }).bodyText).toBe(
    'The council met on Monday and kept the library open.',
  )
  await page.screenshot({ path: '/tmp/desk-history.png' })
})
