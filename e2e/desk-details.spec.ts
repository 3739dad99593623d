import { call } from '../src/main/api'
import { getStory, saveStory } from '../src/main/library/stories'
import { bodyFromParagraphs } from '../src/shared/body'
import { expect, test } from './bridge'

test('search keeps the status filter and says how many it found', async ({ desk, page }) => {
  call(desk.library, 'story:create', { headline: 'Ferry strike ends', status: 'ready' })
  call(desk.library, 'story:create', { headline: 'Ferry timetable cut', status: 'draft' })
  call(desk.library, 'story:create', { headline: 'Ferry fares rise', status: 'draft' })
  await page.reload()
  await page.getByLabel('Search the library').fill('ferry')
  await expect(page.locator('.search-count')).toHaveText('3 stories found')
  await page.getByLabel('Show stories with status').selectOption('ready')
  const results = page.getByRole('grid', { name: 'Search results' })
  await expect(results.locator('[data-story-id]')).toHaveText([/Ferry strike ends/])
  await expect(page.locator('.search-count')).toHaveText('1 story marked ready found')
  await page.getByLabel('Show stories with status').selectOption('draft')
  await expect(results.locator('[data-story-id]')).toHaveCount(2)
  await page.getByLabel('Search the library').fill('')
  await expect(page.getByRole('grid', { name: 'Stories' }).locator('[data-story-id]')).toHaveCount(2)
})

test('the open story’s row is shown whole in the list', async ({ desk, page }) => {
  const ids: number[] = []
  for (let i = 0; i < 40; i++)
    ids.push(call(desk.library, 'story:create', { headline: `Council story ${i} of the week` }).id)
  const oldest = call(desk.library, 'story:create', { headline: 'Quarry plan rejected' })
  saveStory(desk.library.db, {
    id: oldest.id,
    expectedRevision: 1,
    reason: 'edit',
    changes: { standfirst: 'x' },
    now: new Date('2020-01-01T00:00:00Z'),
  })
  await page.reload()
  await page.getByLabel('Search the library').fill('quarry')
  await page.getByRole('grid', { name: 'Search results' }).locator(`[data-story-id="${oldest.id}"]`).click()
  await page.getByLabel('Search the library').fill('')
  const list = page.getByRole('grid', { name: 'Stories' })
  const row = list.locator(`[data-story-id="${oldest.id}"]`)
  await expect(row).toBeVisible()
  await expect
    .poll(async () => {
      const [r, l] = [(await row.boundingBox())!, (await list.boundingBox())!]
      return r.y >= l.y - 1 && r.y + r.height <= l.y + l.height + 1
    })
    .toBe(true)
})

test('findings show the words at fault without added quotes, no jargon labels, and keywords are set beside the slug', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', {
    headline: 'Mayor speaks',
    body: bodyFromParagraphs(['She said “we will build“ and left.']),
  })
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  await page.getByRole('tab', { name: 'Checks' }).click()
  const findings = page.getByRole('list', { name: 'Findings' })
  const quote = findings.getByRole('button', { name: /quotation|quote/i }).first()
  await expect(quote).toBeVisible()
  const excerpt = quote.locator('.finding-excerpt')
  const shown = await excerpt.evaluate(
    (el) =>
      getComputedStyle(el, '::before').content.replace(/^none$|^normal$/, '') +
      el.textContent +
      getComputedStyle(el, '::after').content.replace(/^none$|^normal$/, ''),
  )
  expect(shown).toBe(await excerpt.textContent())
  await expect(findings).not.toContainText(/\bcheck\b/i)

  await page.getByLabel('Keywords').fill('mayor, housing,  housing , Leeds')
  await expect.poll(() => getStory(desk.library.db, story.id).keywords).toEqual(['mayor', 'housing', 'Leeds'])
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  await expect(page.getByLabel('Keywords')).toHaveValue('mayor, housing, Leeds')
  expect(getStory(desk.library.db, story.id).keywords).toEqual(['mayor', 'housing', 'Leeds'])

  await desk.emit('menu:command', { command: 'export-html' })
  const folder = page.getByRole('dialog', { name: 'Export' }).getByLabel('Export folder')
  await expect(folder).toHaveValue('')
  expect(await folder.getAttribute('placeholder')).not.toMatch(/^[/~]|^[A-Z]:\\/)
})
