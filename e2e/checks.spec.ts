import { call } from '../src/main/api'
import { bodyFromParagraphs } from '../src/shared/body'
import { expect, test } from './bridge'

const complete = {
  bylines: [{ name: 'Press Association', kind: 'agency' as const }],
  dateline: { place: 'KYIV' },
}

test('a check finding clicked puts the cursor on the words, and fixing them clears it live', async ({ desk, page }) => {
  // The desk's own spelling of the city, so spelling has nothing to report here (e2e/spelling.spec.ts).
  call(desk.library, 'dictionary:add', { words: ['Kyiv'] })
  call(desk.library, 'story:create', {
    ...complete,
    headline: 'Austin visits Kyiv',
    body: bodyFromParagraphs([
      'US defence secretary Lloyd Austin arrived by train.',
      'Mr posted on X that support would continue.',
    ]),
  })
  await page.reload()
  await page.getByRole('button', { name: /Austin visits Kyiv/ }).click()
  await page.getByRole('tab', { name: 'Checks' }).click()

  const findings = page.getByRole('list', { name: 'Findings' })
  await expect(findings.getByRole('listitem')).toHaveCount(1)
  const finding = findings.getByRole('button', { name: /"Mr" is not followed by a name/ })
  await expect(finding).toContainText('Body ¶2')
  await finding.click()
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Mr posted')
  await expect(page.getByLabel('Story body')).toBeFocused()

  await page.keyboard.type('Mr Austin posted')
  await expect(page.getByLabel('Story body').locator('p').nth(1)).toHaveText(
    'Mr Austin posted on X that support would continue.',
  )
  await expect(findings.getByRole('listitem')).toHaveCount(0)
  // The summary on screen; the same words are also said to screen readers once they hold still
  // (a hidden live region), so the text alone can match two elements.
  await expect(page.locator('.checks-summary')).toHaveText('No findings: nothing for the desk to fix.')

  await page.getByLabel('Headline').fill('')
  await expect(findings.getByRole('button', { name: /no headline/ })).toBeVisible()
  await page.screenshot({ path: '/tmp/desk-checks.png' })
})

test('find and replace all in the body, then one undo brings every word back', async ({ desk, page }) => {
  const before = ['The council met. The Council voted.', 'Council tax rises; councillors object.']
  call(desk.library, 'story:create', { ...complete, headline: 'Council tax', body: bodyFromParagraphs(before) })
  await page.reload()
  await page.getByRole('button', { name: /Council tax/ }).click()
  const body = page.getByLabel('Story body')
  await body.locator('p').first().click()

  await page.keyboard.press('Control+f')
  const find = page.getByRole('search', { name: 'Find and replace' })
  await expect(find.getByLabel('Find', { exact: true })).toBeFocused()
  await page.keyboard.type('council')
  await expect(find).toContainText('1 of 4')
  await find.getByLabel('Whole word').check()
  await expect(find).toContainText('1 of 3')
  await find.getByLabel('Match case').check()
  await expect(find).toContainText('1 of 1')
  await find.getByLabel('Match case').uncheck()
  await find.getByRole('button', { name: 'Next match' }).click()
  await expect(find).toContainText('2 of 3')
  await page.screenshot({ path: '/tmp/desk-find.png' })

  await find.getByLabel('Replace with').fill('board')
  await find.getByRole('button', { name: 'Replace all' }).click()
  await expect(body.locator('p')).toHaveText([
    'The board met. The board voted.',
    'board tax rises; councillors object.',
  ])
  await expect(find).toContainText('No matches')

  await find.getByLabel('Find', { exact: true }).press('Escape')
  await expect(find).toBeHidden()
  await expect(body).toBeFocused()
  await page.keyboard.press('Control+z')
  await expect(body.locator('p')).toHaveText(before)
})

test('the checks run in a worker, so a story full of names never holds the page (#24.1)', async ({ desk, page }) => {
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  // Names one letter apart, paragraph after paragraph: the name rule's worst case.
  const names = Array.from(
    { length: 400 },
    (_, i) => `Zelenskyy${String.fromCharCode(97 + (i % 26))} met Zelensky${String.fromCharCode(97 + (i % 26))} again.`,
  )
  call(desk.library, 'story:create', { ...complete, headline: 'Names everywhere', body: bodyFromParagraphs(names) })
  await page.reload()
  await page.getByRole('button', { name: /Names everywhere/ }).click()
  await page.getByRole('tab', { name: 'Checks' }).click()
  await expect(page.locator('.checks-summary')).toHaveText(/\d+ findings?/)
  expect(workers.some((url) => /checks\.worker/.test(url))).toBe(true)
  expect(errors.filter((text) => /checks run on the page/.test(text))).toEqual([])
})
