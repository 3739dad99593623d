import { expect, test } from './bridge'

test('an editor writes a whole story, reloads, finds every part of it, and finds it by a body word', async ({
  desk,
  page,
}) => {
  await page.keyboard.press('Control+n')
  await page.getByLabel('Headline').fill('Flood barriers hold as river peaks in York')
  await page.getByLabel('Standfirst').fill('Residents return home after the Ouse crested overnight.')
  await page.getByLabel('Byline name').fill('Amira Shah')
  await page.getByRole('button', { name: 'Add byline' }).click()
  await page.getByLabel('Byline name').fill('Press Association')
  await page.getByLabel('Byline kind').selectOption('agency')
  await page.getByRole('button', { name: 'Add byline' }).click()
  await page.getByLabel('Dateline place').fill('YORK')
  await page.getByLabel('Dateline date and time').fill('2026-11-24T06:45')
  await page.getByLabel('Dateline source').fill('PA')
  await page.getByLabel('Story status').selectOption('editing')

  const body = page.getByLabel('Story body')
  await body.click()
  await page.keyboard.type('The river Ouse peaked at 4.9 metres before dawn, the Environment Agency said.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('## What happens next')
  await page.keyboard.press('Enter')
  await page.keyboard.type('- Sandbags stay in place until Friday')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Schools reopen on Monday')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Updates are on the council ')
  await page.keyboard.type('website')
  await page.keyboard.press('Shift+Home')
  for (let i = 0; i < 'Updates are on the council '.length; i++) await page.keyboard.press('Shift+ArrowRight')
  // The editor hears of the selection in a task of its own (selectionchange): wait for what is selected.
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('website')
  await page.getByRole('button', { name: 'Link' }).click()
  await page.getByLabel('Link address').fill('york.gov.uk/floods')
  await page.keyboard.press('Enter')
  await expect(body.locator('a')).toHaveText('website')

  await expect(page.getByRole('status')).toHaveText('Saved')
  await expect(page.getByLabel('Length')).toContainText('32 words')

  await page.reload()
  await page.getByRole('button', { name: /Flood barriers hold/ }).click()
  await expect(page.getByLabel('Headline')).toHaveValue('Flood barriers hold as river peaks in York')
  await expect(page.getByLabel('Standfirst')).toHaveValue('Residents return home after the Ouse crested overnight.')
  await expect(page.getByRole('list', { name: 'Bylines' }).getByRole('listitem')).toHaveText([
    /Amira Shah\s*person/,
    /Press Association\s*agency/,
  ])
  await expect(page.getByLabel('Dateline place')).toHaveValue('YORK')
  await expect(page.getByLabel('Dateline date and time')).toHaveValue('2026-11-24T06:45')
  await expect(page.getByLabel('Dateline source')).toHaveValue('PA')
  await expect(page.getByLabel('Story status')).toHaveValue('editing')
  await expect(body.locator('p').first()).toHaveText(
    'The river Ouse peaked at 4.9 metres before dawn, the Environment Agency said.',
  )
  await expect(body.locator('h2')).toHaveText('What happens next')
  await expect(body.locator('ul > li')).toHaveText(['Sandbags stay in place until Friday', 'Schools reopen on Monday'])
  await expect(body.locator('a')).toHaveAttribute('href', 'https://york.gov.uk/floods')

  await page.getByLabel('Search the library').fill('sandbag')
  const results = page.getByRole('grid', { name: 'Search results' })
  await expect(results.getByRole('row')).toHaveCount(1)
  await expect(results.locator('mark').first()).toHaveText(/Sandbags/i)
  await expect(results).toContainText('Flood barriers hold as river peaks in York')

  const stored = desk.library.db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }
  expect(stored.n).toBeGreaterThan(1)
})

test('text typed just before the window closes is there when it reopens', async ({ desk, page }) => {
  await page.getByRole('button', { name: 'New story' }).first().click()
  await page.getByLabel('Headline').fill('Late copy')
  const body = page.getByLabel('Story body')
  await body.click()
  await page.keyboard.type('Typed in the last second before the editor closed the window.')
  // No waiting for "Saved": the window goes at once, as when an editor quits on deadline.
  expect(await desk.closeWindow()).toBe('flushed')

  const reopened = await desk.reopen()
  await reopened.getByRole('button', { name: /Late copy/ }).click()
  await expect(reopened.getByLabel('Story body')).toHaveText(
    'Typed in the last second before the editor closed the window.',
  )
})

test('opening a story is not an edit: no save, no new revision', async ({ desk, page }) => {
  const { createStory } = await import('../src/main/library/stories')
  const { bodyFromParagraphs } = await import('../src/shared/body')
  const story = createStory(desk.library.db, {
    headline: 'Quiet story',
    body: bodyFromParagraphs(['A first paragraph with a [link](https://example.org) in markdown.', 'A second.']),
  })
  await page.reload()
  await page.getByRole('button', { name: /Quiet story/ }).click()
  await expect(page.getByLabel('Story body')).toContainText('A second.')
  // Longer than the autosave delay: a save, if one were coming, would have happened.
  await page.waitForTimeout(1500)
  await expect(page.getByRole('status')).toHaveText('Saved')
  const { n } = desk.library.db.prepare('SELECT count(*) AS n FROM revisions WHERE story_id = ?').get(story.id) as {
    n: number
  }
  expect(n).toBe(1)
})

test('a save that conflicts with another window is shown, and the editor can keep their version', async ({
  desk,
  page,
}) => {
  const { createStory, saveStory, getStory } = await import('../src/main/library/stories')
  const story = createStory(desk.library.db, { headline: 'Contested copy' })
  await page.reload()
  await page.getByRole('button', { name: /Contested copy/ }).click()
  await expect(page.getByLabel('Headline')).toHaveValue('Contested copy')
  // Another window (or a batch job) saves first.
  saveStory(desk.library.db, {
    id: story.id,
    expectedRevision: 1,
    changes: { standfirst: 'Edited elsewhere.' },
    reason: 'edit',
  })

  await page.getByLabel('Headline').fill('Contested copy, my version')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('changed elsewhere')
  await expect(page.getByRole('status')).toHaveText('Not saved: changed elsewhere')
  expect(getStory(desk.library.db, story.id).headline).toBe('Contested copy')

  await alert.getByRole('button', { name: 'Keep my version' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(getStory(desk.library.db, story.id)).toMatchObject({ headline: 'Contested copy, my version', revision: 3 })
})
