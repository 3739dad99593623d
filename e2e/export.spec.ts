import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expectNoAxeViolations } from './axe'
import { expect, test } from './bridge'
import { call } from '../src/main/api'
import { addMedia } from '../src/main/library/media'
import type { Library } from '../src/main/library'
import { bodyFromParagraphs } from '../src/shared/body'
import { makePng } from '../test/fixtures/pictures/images'

/** A story as the desk would have it: bylines, dateline, a credited picture, a related story. */
function seed(library: Library) {
  const related = call(library, 'story:create', {
    headline: 'Storm warning issued for the coast',
    status: 'published',
    body: bodyFromParagraphs(['The Met Office issued an amber warning.']),
  })
  const mediaId = addMedia(library.db, makePng(48, 32)).id
  const story = call(library, 'story:create', {
    headline: 'Harbour wall gives way as storm closes ports',
    standfirst: 'Forty homes cleared overnight as gusts reach 80mph.',
    bylines: [
      { name: 'Mara Quinn', kind: 'person' },
      { name: 'Coast News', kind: 'agency' },
    ],
    dateline: { place: 'Seacombe, England', source: 'CN' },
    status: 'ready',
    leadPicture: { mediaId, alt: 'Waves over the harbour wall', caption: 'The breach at dawn.', credit: 'Ana Ruiz/CN' },
    body: bodyFromParagraphs(['The harbour wall gave way shortly after high tide.', 'Nobody was hurt.']),
    related: [
      { headline: 'Storm warning issued for the coast', storyId: related.id },
      { headline: 'How harbour walls are built', url: 'https://example.org/harbour-walls' },
    ],
  })
  return { story, related }
}

test('an editor previews a story, exports it from File > Export HTML… and the page opens with everything on it', async ({
  desk,
  page,
  browser,
}, testInfo) => {
  // A long flow (preview, edit, export, a second browser): more time on a busy machine.
  test.slow()
  const { story } = seed(desk.library)
  await page.reload()
  await page.getByRole('button', { name: /Harbour wall gives way/ }).click()

  // The preview beside the editor: the exported page in a frame where nothing runs.
  await page.getByRole('tab', { name: 'Preview' }).click()
  const frame = page.frameLocator('iframe[title="Export preview"]')
  await expect(page.locator('iframe[title="Export preview"]')).toHaveAttribute('sandbox', '')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Harbour wall gives way as storm closes ports')
  await expect(frame.locator('.credit')).toHaveText('Picture: Ana Ruiz/CN')

  // It follows the editor: a new headline is in the preview once it is saved.
  await page.getByLabel('Headline').fill('Harbour wall gives way as storm shuts ports')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Harbour wall gives way as storm shuts ports')
  await page.screenshot({ path: testInfo.outputPath('preview.png') })

  await desk.emit('menu:command', { command: 'export-html' })
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('The open story')).toBeChecked()
  const out = testInfo.outputPath('export')
  await dialog.getByLabel('Export folder').fill(out)
  await dialog.getByLabel(/Mark as published/).check()
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const report = dialog.getByRole('status', { name: 'Export report' })
  await expect(report).toContainText('1 of 1 story exported')
  const written = (await report.locator('.export-file').textContent())!
  expect(written).toMatch(/harbour-wall-gives-way-as-storm-closes-ports-\d+[/\\]index\.html$/)
  expect(existsSync(written)).toBe(true)
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') })
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Marked published, and the open story shows it (loaded afresh, so the next save is no conflict).
  await expect(page.getByLabel('Story status')).toHaveValue('published')
  expect(call(desk.library, 'story:get', { id: story.id }).status).toBe('published')

  // The page itself, opened from disk in a browser of its own.
  const reader = await browser.newContext()
  const exported = await reader.newPage()
  await exported.goto(pathToFileURL(written).href)
  await expect(exported.getByRole('heading', { level: 1 })).toHaveText('Harbour wall gives way as storm shuts ports')
  await expect(exported.locator('.byline')).toHaveText('By Mara Quinn, Coast News')
  await expect(exported.locator('.dateline')).toHaveText('SEACOMBE, England (CN) —')
  const figure = exported.locator('figure').first()
  await expect(figure.locator('.credit')).toHaveText('Picture: Ana Ruiz/CN')
  await expect(figure.getByRole('img', { name: 'Waves over the harbour wall' })).toBeVisible()
  // The picture file next to the page really loads (the page's CSP lets it): Chromium takes the
  // WebP rendition the picture element offers first, and draws it at its own 48 pixels, not larger.
  const img = figure.locator('img')
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true)
  expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(
    /\/images\/[0-9a-f]{12}-[0-9a-f]{8}-48\.webp$/,
  )
  expect((await img.boundingBox())!.width).toBe(48)
  const related = exported.getByRole('complementary', { name: 'Related stories' })
  await expect(related.getByRole('link')).toHaveText([
    'Storm warning issued for the coast',
    'How harbour walls are built',
  ])
  await expect(related.getByRole('link').nth(1)).toHaveAttribute('href', 'https://example.org/harbour-walls')
  await expect(exported.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)
  await exported.screenshot({ path: testInfo.outputPath('exported-page.png'), fullPage: true })
  // Readers use screen readers too: axe (WCAG 2.2 A/AA and best practices) finds nothing on the page.
  await expectNoAxeViolations(exported, 'the exported page')
  await reader.close()
})

test('the house style changes the preview, and the whole library exports with a progress bar', async ({
  desk,
  page,
}, testInfo) => {
  seed(desk.library)
  await page.reload()
  await page.getByRole('button', { name: /Harbour wall gives way/ }).click()
  await page.getByRole('tab', { name: 'Preview' }).click()
  const frame = page.frameLocator('iframe[title="Export preview"]')
  await expect(frame.locator('.dateline')).toHaveText('SEACOMBE, England (CN) —')

  await page.getByRole('button', { name: 'House style…' }).click()
  const style = page.getByRole('dialog', { name: 'House style' })
  await style.getByLabel('Dateline style').selectOption('agency-en-dash')
  await style.getByLabel('Credit label').fill('Photo:')
  await style.getByLabel('Language').fill('not a language!')
  await style.getByRole('button', { name: 'Save' }).click()
  await expect(style.getByRole('alert')).toContainText('language: a language tag')
  await style.getByLabel('Language').fill('en-GB')
  await style.getByRole('button', { name: 'Save' }).click()
  await expect(style).toBeHidden()
  await expect(frame.locator('.credit')).toHaveText('Photo: Ana Ruiz/CN')
  await expect(frame.locator('.dateline')).toHaveText('SEACOMBE, England (CN) –')

  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel('The whole library').check()
  await dialog.getByLabel('One self-contained file for each story').check()
  const out = testInfo.outputPath('library')
  await dialog.getByLabel('Export folder').fill(out)
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('status', { name: 'Export report' })).toContainText('2 of 2 stories exported')
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '2')
  expect(readdirSync(out).sort()).toEqual([
    expect.stringMatching(/^harbour-wall-gives-way-as-storm-closes-ports-\d+\.html$/),
    expect.stringMatching(/^storm-warning-issued-for-the-coast-\d+\.html$/),
  ])
  expect(existsSync(join(out, 'images'))).toBe(false)
  // Each self-contained page (its pictures inlined) passes axe too.
  for (const file of readdirSync(out)) {
    const reader = await page.context().browser()!.newPage()
    await reader.goto(pathToFileURL(join(out, file)).href)
    await expectNoAxeViolations(reader, file)
    await reader.close()
  }
})

test('a folder that is not a full path is refused in the dialog, with the reason', async ({ desk, page }) => {
  seed(desk.library)
  await desk.emit('menu:command', { command: 'export-html' })
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByLabel('The whole library')).toBeChecked()
  await dialog.getByLabel('Export folder').fill('relative/folder')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText(/its full path/)
  // Outside Electron there is no system folder picker: the dialog says to type the path.
  await dialog.getByRole('button', { name: 'Choose…' }).click()
  await expect(dialog.getByText('Type the full path of the folder to export to.')).toBeVisible()
})
