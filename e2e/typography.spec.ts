import { call } from '../src/main/api'
import { getStory } from '../src/main/library/stories'
import { bodyFromParagraphs } from '../src/shared/body'
import { expect, test } from './bridge'

test('curly quotes, apostrophes, dashes and … as the editor types, in the headline, standfirst and body; one Ctrl+Z gives back what was typed', async ({
  desk,
  page,
}) => {
  await page.keyboard.press('Control+n')
  const headline = page.getByRole('textbox', { name: 'Headline', exact: true })
  await expect(headline).toBeFocused()
  await page.keyboard.type(`"We won't move" -- mayor`)
  await expect(headline).toHaveValue('“We won’t move” – mayor')
  // Straight after a replacement, one Ctrl+Z gives back the straight mark.
  await page.keyboard.type(' "')
  await expect(headline).toHaveValue('“We won’t move” – mayor “')
  await page.keyboard.press('Control+z')
  await expect(headline).toHaveValue('“We won’t move” – mayor "')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')

  const standfirst = page.getByRole('textbox', { name: 'Standfirst', exact: true })
  await standfirst.focus()
  await page.keyboard.type("Residents of the '90s estate wait...")
  await expect(standfirst).toHaveValue('Residents of the ’90s estate wait…')

  const body = page.getByLabel('Story body')
  await body.focus()
  await page.keyboard.type(`She said "it's 'rock 'n' roll' - nothing more..."`)
  await expect(body).toHaveText('She said “it’s ‘rock ’n’ roll’ – nothing more…”')
  await page.keyboard.type(' --')
  await expect(body).toHaveText('She said “it’s ‘rock ’n’ roll’ – nothing more…” –')
  await page.keyboard.press('Control+z')
  await expect(body).toHaveText('She said “it’s ‘rock ’n’ roll’ – nothing more…” --')
  // A height stays as typed: 5'10" is feet and inches, not a quotation.
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(`He is 5'10".`)
  await expect(body).toHaveText(`She said “it’s ‘rock ’n’ roll’ – nothing more…” He is 5'10".`)
  // A paragraph that opens with a quotation (its first character starts a new text node).
  await page.keyboard.press('Enter')
  await page.keyboard.type(`"Go," she said.`)
  await expect(body.locator('p').nth(1)).toHaveText('“Go,” she said.')

  await expect(page.getByRole('status')).toHaveText('Saved')
  const id = Number(await page.locator('[data-story-id][aria-current="true"]').getAttribute('data-story-id'))
  await page.reload()
  await page.locator(`[data-story-id="${id}"]`).click()
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue('“We won’t move” – mayor')
  await expect(page.getByRole('textbox', { name: 'Standfirst', exact: true })).toHaveValue(
    'Residents of the ’90s estate wait…',
  )
  await expect(page.getByLabel('Story body').locator('p')).toHaveText([
    `She said “it’s ‘rock ’n’ roll’ – nothing more…” He is 5'10".`,
    '“Go,” she said.',
  ])
  expect(getStory(desk.library.db, id).headline).toBe('“We won’t move” – mayor')
})

test('a German story gets „…“, the check sets pasted straight quotes right with one click, and the house can turn it all off', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', {
    headline: 'Streik bei der Bahn',
    bylines: [{ name: 'Dpa', kind: 'agency' }],
    dateline: { place: 'BERLIN' },
    language: 'de',
    body: bodyFromParagraphs(['Er sagte "nein" -- und ging.']),
  })
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  await page.getByRole('tab', { name: 'Checks' }).click()
  const findings = page.getByRole('list', { name: 'Findings' })
  // The story's language is German (from the wire): the fixes are German quotes and the house dash.
  await expect(findings.getByRole('button', { name: 'Use “„nein“”' })).toBeVisible()
  await findings.getByRole('button', { name: 'Use “„nein“”' }).click()
  await expect(findings.getByRole('button', { name: 'Use “–”' })).toBeVisible()
  await findings.getByRole('button', { name: 'Use “–”' }).click()
  const body = page.getByLabel('Story body')
  await expect(body).toHaveText('Er sagte „nein“ – und ging.')
  await expect(findings.getByRole('listitem').filter({ hasText: /straight|double hyphen/ })).toHaveCount(0)

  // Typed in German.
  await body.focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(` "Gut", sagte sie.`)
  await expect(body).toHaveText('Er sagte „nein“ – und ging. „Gut“, sagte sie.')

  // The house turns typography off: typing stays straight, and the check says nothing of it.
  await page.getByRole('tab', { name: 'Preview' }).click()
  await page.getByRole('button', { name: 'House style…' }).click()
  const dialog = page.getByRole('dialog', { name: 'House style' })
  await dialog.getByRole('checkbox', { name: /Curly quotes/ }).uncheck()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  await body.focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(` "Ja" -- ok`)
  await expect(body).toHaveText('Er sagte „nein“ – und ging. „Gut“, sagte sie. "Ja" -- ok')
  await page.getByRole('tab', { name: 'Checks' }).click()
  await expect(findings).toBeVisible()
  await expect(findings.getByRole('listitem').filter({ hasText: /straight|double hyphen/ })).toHaveCount(0)

  await expect(page.getByRole('status')).toHaveText('Saved')
  await expect
    .poll(() => JSON.stringify(getStory(desk.library.db, story.id).body))
    .toContain('„Gut“, sagte sie. \\"Ja\\" -- ok')
})
