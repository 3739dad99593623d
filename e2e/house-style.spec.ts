import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { call } from '../src/main/api'
import { bodyFromParagraphs } from '../src/shared/body'
import { expectNoAxeViolations } from './axe'
import { expect, test } from './bridge'

/** The House style dialog, reached as an editor reaches it: the Preview panel's House style… button. */
async function openHouseStyle(page: Page) {
  await page.getByRole('tab', { name: 'Preview', exact: true }).click()
  await page.getByRole('tabpanel').getByRole('button', { name: 'House style…' }).click()
  const dialog = page.getByRole('dialog', { name: 'House style' })
  await expect(dialog.getByLabel('Placeholder words')).toBeVisible()
  return dialog
}

const marked = (page: Page) => page.evaluate(() => CSS.highlights.get('placeholder')?.size ?? 0)

test('a placeholder word set in House style is marked in the body, listed by Checks and held by the preflight', async ({
  desk,
  page,
}) => {
  call(desk.library, 'story:create', {
    headline: 'Harbour toll rises',
    body: bodyFromParagraphs(['The toll rises to XXX pounds from April, the harbour board said.']),
  })
  await page.reload()
  await page.getByRole('button', { name: /Harbour toll rises/ }).click()
  await expect(page.getByLabel('Story body')).toContainText('XXX pounds')
  // Not a house word yet: nothing marked.
  await expect.poll(() => marked(page)).toBe(0)

  const dialog = await openHouseStyle(page)
  const words = dialog.getByLabel('Placeholder words')
  await expect(words).toHaveValue('TK, TKTK, TKTKTK')
  await expectNoAxeViolations(page, 'house style dialog with the copy settings')

  // Too long a word is refused, named, and the dialog stays open with what was typed.
  await words.fill(`TK, ${'X'.repeat(41)}`)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toContainText('longer than 40 characters')
  expect(call(desk.library, 'settings:get', {}).placeholderWords).toEqual(['TK', 'TKTK', 'TKTKTK'])

  await words.fill('TK, XXX')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  expect(call(desk.library, 'settings:get', {}).placeholderWords).toEqual(['TK', 'XXX'])

  // Marked in the open story at once, listed by Checks, and held at publishing.
  await expect.poll(() => marked(page)).toBe(1)
  await page.getByRole('tab', { name: 'Checks', exact: true }).click()
  await expect(
    page.getByRole('list', { name: 'Findings' }).getByRole('button', { name: /“XXX” is a placeholder/ }),
  ).toBeVisible()
  await page.getByLabel('Story status').selectOption('published')
  const preflight = page.getByRole('dialog', { name: 'Mark as published' })
  await expect(preflight.getByRole('list', { name: 'Blocking' })).toContainText('“XXX” left in the body')
})

test('the ninjs ednote switch in House style decides whether a ninjs export carries the editor’s notes', async ({
  desk,
  page,
}, testInfo) => {
  const story = call(desk.library, 'story:create', {
    headline: 'Ferry strike called off',
    body: bodyFromParagraphs(['The ferry strike planned for Friday has been called off, the union said.']),
  })
  call(desk.library, 'story:save', {
    id: story.id,
    expectedRevision: story.revision,
    changes: { deskNote: 'Legal has cleared the union quote' },
  })
  await page.reload()
  await page.getByRole('button', { name: /Ferry strike called off/ }).click()

  const exportNinjs = async (folder: string) => {
    await page.keyboard.press('Control+e')
    const exporting = page.getByRole('dialog', { name: 'Export' })
    await exporting.getByLabel('ninjs 2.0 (JSON for syndication)').check()
    await exporting.getByLabel('Export folder').fill(testInfo.outputPath(folder))
    await exporting.getByRole('button', { name: 'Export', exact: true }).click()
    await expect(exporting.getByRole('status', { name: 'Export report' })).toContainText('1 of 1 story exported')
    const file = (await exporting.locator('.export-file').textContent())!
    await exporting.getByRole('button', { name: 'Close' }).click()
    return JSON.parse(readFileSync(file, 'utf8')) as { ednote?: string }
  }

  // Off (the default): the note stays in the library.
  expect((await exportNinjs('off')).ednote).toBeUndefined()

  const dialog = await openHouseStyle(page)
  const ednote = dialog.getByRole('checkbox', { name: 'Send the editor’s notes with ninjs exports (ednote)' })
  await expect(ednote).not.toBeChecked()
  await ednote.check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  expect(call(desk.library, 'settings:get', {}).ninjsEditorNote).toBe(true)

  expect((await exportNinjs('on')).ednote).toContain('Legal has cleared the union quote')
})
