import { call } from '../src/main/api'
import { getStory } from '../src/main/library/stories'
import { bodyFromParagraphs } from '../src/shared/body'
import { expect, test } from './bridge'

test('an editor spikes a story, undoes it, spikes it again, finds it on the Spike, brings it back, and purges another; each says first what it does', async ({
  desk,
  page,
}) => {
  const keep = call(desk.library, 'story:create', {
    headline: 'Harbour wall repairs start',
    body: bodyFromParagraphs(['Work on the harbour wall in Whitby began on Monday.']),
  })
  const stray = call(desk.library, 'story:create', {
    headline: 'Harbour fish market moves',
    body: bodyFromParagraphs(['The fish market will move along the harbour.']),
  })
  await page.reload()
  const row = (id: number) => page.getByRole('grid', { name: 'Stories' }).locator(`[data-story-id="${id}"]`)
  await row(stray.id).click()

  await page.getByRole('button', { name: 'Spike…' }).click()
  const ask = page.getByRole('dialog', { name: 'Spike “Harbour fish market moves”?' })
  await expect(ask).toContainText('kept there 30 days')
  await ask.getByRole('button', { name: 'Spike story' }).click()
  await expect(row(stray.id)).toHaveCount(0)
  await expect(page.getByLabel('Headline')).toHaveCount(0)

  // Undo, straight after: the story is back, open, as it was.
  await page
    .getByRole('status')
    .filter({ hasText: 'Spiked “Harbour fish market moves”' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(row(stray.id)).toBeVisible()
  await expect(page.getByLabel('Headline')).toHaveValue('Harbour fish market moves')

  await page.getByRole('button', { name: 'Spike…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Spike story' }).click()
  await expect(row(stray.id)).toHaveCount(0)

  // Out of search too.
  await page.getByLabel('Search the library').fill('harbour')
  const results = page.getByRole('grid', { name: 'Search results' })
  await expect(results.locator('[data-story-id]')).toHaveCount(1)
  await expect(results.locator(`[data-story-id="${keep.id}"]`)).toBeVisible()
  await page.getByLabel('Search the library').fill('')

  // After a reload it is still on the spike, and on the Spike list.
  await page.reload()
  await expect(row(keep.id)).toBeVisible()
  await expect(row(stray.id)).toHaveCount(0)
  await page.getByRole('button', { name: 'Spike', exact: true }).click()
  const spiked = page.getByRole('list', { name: 'Spiked stories' })
  await expect(spiked.getByRole('listitem')).toHaveCount(1)
  await expect(spiked.getByRole('listitem')).toContainText('Harbour fish market moves')
  await expect(spiked.getByRole('listitem')).toContainText('purged from')
  await page.screenshot({ path: 'docs/screenshots/spike-list.png' })

  await spiked.getByRole('button', { name: 'Bring back “Harbour fish market moves”' }).click()
  await expect(row(stray.id)).toBeVisible()
  await expect(page.getByLabel('Headline')).toHaveValue('Harbour fish market moves')
  expect(call(desk.library, 'spike:list', {}).items).toEqual([])

  // Purge: only from the Spike, only after saying it cannot be undone.
  await row(keep.id).click()
  await page.getByRole('button', { name: 'Spike…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Spike story' }).click()
  await page.getByRole('button', { name: 'Spike', exact: true }).click()
  await spiked.getByRole('button', { name: 'Purge now… “Harbour wall repairs start”' }).click()
  const purge = page.getByRole('dialog', { name: 'Purge “Harbour wall repairs start”?' })
  await expect(purge).toContainText('cannot be undone')
  await purge.getByRole('button', { name: 'Cancel' }).click()
  expect(getStory(desk.library.db, keep.id).headline).toBe('Harbour wall repairs start')
  await spiked.getByRole('button', { name: 'Purge now… “Harbour wall repairs start”' }).click()
  await purge.getByRole('button', { name: 'Purge story' }).click()
  await expect(page.getByText('The spike is empty.')).toBeVisible()
  expect(() => getStory(desk.library.db, keep.id)).toThrow('there is no story')
  await page.reload()
  await expect(page.getByRole('grid', { name: 'Stories' }).locator('[data-story-id]')).toHaveCount(1)
})

test('an editor duplicates a story: a new draft opens, its history says what it is a copy of, and both are there after a reload', async ({
  desk,
  page,
}) => {
  const original = call(desk.library, 'story:create', {
    headline: 'Pier reopens after storm',
    status: 'ready',
    body: bodyFromParagraphs(['Saltburn pier reopened on Friday.']),
  })
  await page.reload()
  await page.locator(`[data-story-id="${original.id}"]`).click()
  await page.getByRole('button', { name: 'Duplicate' }).click()
  await expect(page.getByLabel('Story status')).toHaveValue('draft')
  await expect(page.getByLabel('Headline')).toHaveValue('Pier reopens after storm')
  await page.getByRole('tab', { name: 'History' }).click()
  await expect(page.getByRole('list', { name: 'Revisions' })).toContainText(
    `Created: Draft (copy of story ${original.id} “Pier reopens after storm”)`,
  )
  await page.reload()
  await expect(page.getByRole('grid', { name: 'Stories' }).locator('[data-story-id]')).toHaveCount(2)
  const all = call(desk.library, 'story:list', {}).items
  expect(all.map((s) => [s.headline, s.status]).sort()).toEqual([
    ['Pier reopens after storm', 'draft'],
    ['Pier reopens after storm', 'ready'],
  ])
})
