import { existsSync } from 'node:fs'
import { call } from '../src/main/api'
import { importWireFiles } from '../src/main/intake/import-wire'
import type { Library } from '../src/main/library'
import { bodyFromParagraphs } from '../src/shared/body'
import { fixture } from '../test/wire/fixtures'
import { expectNoAxeViolations } from './axe'
import { expect, test } from './bridge'

/** Issue 20: embargoes, kills, TK and the publish preflight as the editor meets them. */

function importFixture(library: Library, name: string): number {
  const [result] = importWireFiles(library, [{ name, bytes: fixture(`embargo/${name}`) }])
  if (!result?.ok) throw new Error(`${name} did not import: ${result?.error}`)
  return result.id!
}

for (const [file, headline] of [
  ['g2-embargoed.xml', 'Treasury plans record spending on coastal defences'],
  ['ninjs-embargoed.json', 'Transit agency to freeze fares for two years'],
  ['nitf-embargoed.xml', 'Hospital waiting lists fall for first time in five years'],
] as const) {
  test(`an embargoed ${file.replace(/-.*/, '')} item: shown in the bar and the row, export refuses, an override with a reason goes and is in the history`, async ({
    desk,
    page,
  }, testInfo) => {
    const id = importFixture(desk.library, file)
    await page.reload()
    const row = page.getByRole('button', { name: new RegExp(headline) })
    await expect(row.locator('.embargo-badge')).toContainText(/Embargo · \d+ d \d+ h to go/)

    // The library filter: under embargo, only this story.
    call(desk.library, 'story:create', { headline: 'Not embargoed at all' })
    await page.reload()
    await page.getByLabel('Show stories with status').selectOption('embargoed')
    await expect(page.locator('.story-row')).toHaveCount(1)
    await page.getByRole('button', { name: new RegExp(headline) }).click()

    await expect(page.locator('.embargo-line .embargo-badge')).toContainText(
      /Embargoed until \d\d:\d\d .*2031 · \d+ d \d+ h to go/,
    )
    // The agency's note is above the story, not in it.
    await expect(page.getByRole('region', { name: "Editor's notes" })).toContainText(/mbargo/i)
    await expect(page.getByLabel('Story body')).not.toContainText(/embargoed/i)

    await desk.emit('menu:command', { command: 'export-html' })
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await expect(dialog.getByRole('list', { name: 'Blocking' })).toContainText('embargoed until')
    const out = testInfo.outputPath('export')
    await dialog.getByLabel('Export folder').fill(out)
    const go = dialog.getByRole('button', { name: 'Export anyway' })
    await expect(go).toBeDisabled()
    const reason = 'The agency lifted the embargo by phone'
    await dialog.getByLabel('Reason to go anyway (kept in the history)').fill(reason)
    await go.click()
    await expect(dialog.getByRole('status', { name: 'Export report' })).toContainText('1 of 1 story exported')
    const written = (await dialog.locator('.export-file').textContent())!
    expect(existsSync(written)).toBe(true)
    await dialog.getByRole('button', { name: 'Close' }).click()

    const [latest] = call(desk.library, 'story:revisions', { id }).revisions
    expect(latest?.reason).toBe('override')
    expect(latest?.note).toContain(reason)
    await page.getByRole('tab', { name: 'History' }).click()
    await expect(page.getByText(reason, { exact: false }).first()).toBeVisible()
  })
}

test('a 0-word story with TK in the headline: TK is marked and listed, and "published" waits for an override', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', { headline: 'Council to spend TK on harbour' })
  await page.reload()
  await page.getByRole('button', { name: /Council to spend TK/ }).click()
  await page.getByRole('tab', { name: 'Checks' }).click()
  const findings = page.getByRole('list', { name: 'Findings' })
  await expect(findings.getByRole('button', { name: /“TK” is a placeholder/ })).toBeVisible()
  await expect(findings.getByRole('button', { name: /no words in its body/ })).toBeVisible()

  await page.getByLabel('Story status').selectOption('published')
  const dialog = page.getByRole('dialog', { name: 'Mark as published' })
  const blocking = dialog.getByRole('list', { name: 'Blocking' })
  await expect(blocking).toContainText('“TK” left in the headline')
  await expect(blocking).toContainText('the body has no words')
  await expectNoAxeViolations(page, 'the publish preflight')
  await expect(dialog.getByRole('button', { name: 'Publish anyway' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByLabel('Story status')).toHaveValue('draft')
  expect(call(desk.library, 'story:get', { id: story.id }).status).toBe('draft')

  // TK typed in the body is marked where it stands, as spelling marks a word.
  await page.getByLabel('Story body').click()
  await page.keyboard.type('The cost is TK pounds.')
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('placeholder')?.size ?? 0)).toBe(1)

  await page.getByLabel('Story status').selectOption('published')
  await expect(dialog.getByRole('list', { name: 'Blocking' })).toContainText('“TK” left in the body')
  await dialog.getByLabel('Reason to go anyway (kept in the history)').fill('Figure confirmed to follow in an update')
  await dialog.getByRole('button', { name: 'Publish anyway' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByLabel('Story status')).toHaveValue('published')
  const [latest] = call(desk.library, 'story:revisions', { id: story.id }).revisions
  expect(latest?.reason).toBe('override')
  expect(latest?.note).toContain('Figure confirmed')
})

test('a kill notice after its story: red banner in the story and the row, export refuses without a desk head', async ({
  desk,
  page,
}, testInfo) => {
  const id = importFixture(desk.library, 'anpa-story.tst')
  importFixture(desk.library, 'anpa-kill.tst')
  const g2 = importFixture(desk.library, 'g2-embargoed.xml')
  importFixture(desk.library, 'g2-canceled.xml')
  expect(call(desk.library, 'story:get', { id: g2 }).kill?.kind).toBe('kill')
  await page.reload()
  const row = page.locator(`.story-row[data-story-id="${id}"]`)
  await expect(row.locator('.row-kill')).toHaveText('Killed')
  await row.click()
  await expect(page.getByRole('alert', { name: 'Killed' })).toContainText('KILLED')
  await expect(page.getByRole('alert', { name: 'Killed' })).toContainText('Killed by AP')

  await desk.emit('menu:command', { command: 'export-html' })
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('list', { name: 'Blocking' })).toContainText('killed by AP')
  await dialog.getByLabel('Export folder').fill(testInfo.outputPath('export'))
  await dialog.getByLabel('Reason to go anyway (kept in the history)').fill('Corrected copy approved by legal')
  await expect(dialog.getByRole('button', { name: 'Export anyway' })).toBeDisabled()
  await dialog.getByLabel('Desk head who allows it').fill('R. Okafor')
  await dialog.getByRole('button', { name: 'Export anyway' }).click()
  await expect(dialog.getByRole('status', { name: 'Export report' })).toContainText('1 of 1 story exported')
  expect(call(desk.library, 'story:revisions', { id }).revisions[0]?.note).toContain('desk head: R. Okafor')
})

test('the embargo is one line above the story that opens by keyboard; set by hand in a zone it shows plainly and counts down', async ({
  desk,
  page,
}) => {
  call(desk.library, 'story:create', {
    headline: 'Fares freeze announced',
    body: bodyFromParagraphs(['The city will freeze fares for two years, officials said on Sunday.']),
  })
  await page.reload()
  await page.getByRole('button', { name: /Fares freeze announced/ }).click()
  // Folded: one line and a button that says what it does, read with the line; no fields in the way.
  const set = page.getByRole('button', { name: 'Set…' })
  await expect(set).toHaveAttribute('aria-expanded', 'false')
  await expect(set).toHaveAccessibleDescription('No embargo')
  await expect(page.getByLabel('Embargo until')).toBeHidden()
  await set.focus()
  await page.keyboard.press('Enter')
  const done = page.getByRole('button', { name: 'Done' })
  await expect(done).toHaveAttribute('aria-expanded', 'true')
  await expect(done).toBeFocused()
  await expectNoAxeViolations(page, 'the embargo line opened')

  await page.getByLabel('Embargo zone').fill('America/New_York')
  await page.getByLabel('Embargo until').fill('2031-07-04T09:00')
  await done.press('Enter')
  await expect(page.getByLabel('Embargo until')).toBeHidden()
  const change = page.getByRole('button', { name: 'Change…' })
  await expect(change).toHaveAttribute('aria-expanded', 'false')
  // Folded again, the embargo is there in plain words, counted down, and read with the button.
  await expect(page.locator('.embargo-line .embargo-badge')).toContainText(
    /Embargoed until 09:00 America\/New_York \(UTC-04:00\), Fri 4 Jul 2031 · \d+ d \d+ h to go/,
  )
  await expect(change).toHaveAccessibleDescription(/Embargoed until 09:00 America\/New_York/)
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  // Saved within the autosave's pause: the library's "Under embargo" list then holds it.
  await expect.poll(() => call(desk.library, 'story:list', { embargoed: true }).items.length).toBe(1)
})
