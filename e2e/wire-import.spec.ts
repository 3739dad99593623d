import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { getStory } from '../src/main/library/stories'
import { expect, test } from './bridge'

/** Real wire copy by other people, never copied into the repo: ../shared/samples from the repo root. */
const SEED = resolve(__dirname, '../../shared/samples/000_30a9b267f3936a89.txt')
const FIXTURES = resolve(__dirname, '../test/fixtures/wire')

test('an editor imports the seed sample through the import button and finds every part of it on screen', async ({
  desk,
  page,
}) => {
  test.skip(!existsSync(SEED), 'the seed sample ../shared/samples/000_30a9b267f3936a89.txt is not here')
  await expect(page.getByRole('button', { name: 'Import wire copy…' })).toBeVisible()
  // The button opens the system's file chooser on the hidden input; the test fills that input.
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import wire copy…' }).click()
  await (await chooser).setFiles(SEED)

  const report = page.getByRole('dialog', { name: 'Imported 1 story' })
  await expect(report).toBeVisible()
  await expect(report.getByRole('region', { name: 'Imported' })).toContainText('000_30a9b267f3936a89.txt · text')
  await report
    .getByRole('button', { name: 'US defence secretary meets Zelensky to show ongoing support for Ukraine' })
    .click()
  await expect(report).toBeHidden()

  await expect(page.getByLabel('Headline')).toHaveValue(
    'US defence secretary meets Zelensky to show ongoing support for Ukraine',
  )
  await expect(page.getByLabel('Standfirst')).toHaveValue(
    'Lloyd Austin arrived as a second winter begins in the Ukraine-Russia war.',
  )
  await expect(page.getByRole('list', { name: 'Bylines' }).getByRole('listitem')).toHaveText([
    /Press Association\s*agency/,
  ])
  await expect(page.getByLabel('Dateline date and time')).toHaveValue('2023-11-20T15:34')
  await expect(page.getByText('Wire: PA')).toBeVisible()
  const body = page.getByLabel('Story body')
  await expect(body.locator('p').first()).toHaveText(
    /^US defence secretary Lloyd Austin has made an unannounced visit to Kyiv/,
  )
  await expect(body.locator('p').last()).toHaveText(
    '“So the cost of cutting off aid is that Russia wins and Ukraine loses and Nato loses.”',
  )
  await expect(body).not.toContainText('By Press Association')
  await expect(body).not.toContainText('Latest World News')
  await expect(body).not.toContainText('Picture: PA')

  // The lead picture, with no image (wire text carries none), in the Picture panel.
  await page.getByRole('tab', { name: 'Picture' }).click()
  await expect(page.getByLabel('Lead picture caption')).toHaveValue('Russia Ukraine War.')
  await expect(page.getByLabel('Lead picture credit')).toHaveValue('PA')
  await expect(page.getByLabel('Lead picture alt text')).toHaveValue('Woman sings Ukrainian national anthem')

  // The library shows the agency beside the byline.
  const row = page.locator('.library .story-row').first()
  await expect(row).toContainText('Press Association')
  await expect(row.locator('.row-agency')).toHaveText('PA')

  // The original copy beside the story.
  await page.getByRole('tab', { name: 'Original' }).click()
  await expect(page.getByText('000_30a9b267f3936a89.txt · scraped-text · utf-8')).toBeVisible()
  await expect(page.getByLabel('Original copy')).toContainText('Latest World News')
  await page.screenshot({ path: '/tmp/wire-seed.png' })

  // Related headlines are stored with the story, in order (the Related panel is another feature's).
  const id = Number(await page.locator('.library .story-row').first().getAttribute('data-story-id'))
  const story = getStory(desk.library.db, id)
  expect(story.related).toHaveLength(16)
  expect(story.related[0]).toEqual({
    headline: "British couple found dead at home in New Zealand - just months after moving to 'begin new chapter'",
  })
  expect(story.related.at(-1)).toEqual({
    headline: "Protester 'kidnapped, killed and dumped on doorstep' after demonstrating against Hamas in rare protests",
  })
})

test('a batch from the File menu: the progress bar finishes, the report names the bad file and why, the good one opens', async ({
  desk,
  page,
}) => {
  await expect(page.getByRole('button', { name: 'Import wire copy…' })).toBeVisible()
  // Watch what the page sends and what the progress bar shows, file by file.
  await page.evaluate(() => {
    const seen = { calls: [] as number[], progress: [] as string[] }
    Object.assign(window, { __wireSeen: seen })
    type Invoke = (channel: string, input: { files?: unknown[] }) => Promise<unknown>
    const bridge = (window as unknown as { copydesk: { invoke: Invoke } }).copydesk
    const invoke = bridge.invoke.bind(bridge)
    bridge.invoke = (channel, input) => {
      if (channel === 'wire:import') seen.calls.push(input.files?.length ?? 0)
      return invoke(channel, input)
    }
    new MutationObserver(() => {
      const value = document.querySelector('progress[aria-label="Import progress"]')?.getAttribute('value')
      if (value && seen.progress.at(-1) !== value) seen.progress.push(value)
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  const chooser = page.waitForEvent('filechooser')
  await desk.emit('menu:command', { command: 'import-wire' })
  await (
    await chooser
  ).setFiles([
    resolve(FIXTURES, 'broken/truncated.xml'),
    resolve(FIXTURES, 'nitf/namespaced.xml'),
    resolve(FIXTURES, 'broken/image.png'),
  ])

  const report = page.getByRole('dialog', { name: 'Imported 1 story, 2 failed' })
  await expect(report).toBeVisible()
  // A PNG is a picture, not wire copy: the file chooser hands it over, main names it for what it is.
  await expect(report.getByRole('region', { name: 'Failed' }).getByRole('listitem')).toHaveText([
    'truncated.xml: the XML is truncated: <p> opened on line 6 is never closed',
    'image.png: this is a PNG image, not wire copy',
  ])
  await page.screenshot({ path: '/tmp/wire-report.png' })
  // The three files in one call (one transaction in main), the bad ones still failing alone.
  const seen = await page.evaluate(
    () => (window as unknown as { __wireSeen: { calls: number[]; progress: string[] } }).__wireSeen,
  )
  expect(seen.calls).toEqual([3])
  expect(seen.progress[0]).toBe('0')
  await report.getByRole('button', { name: 'Snow closes schools across three states' }).click()
  await expect(page.getByLabel('Headline')).toHaveValue('Snow closes schools across three states')
  await expect(page.getByLabel('Dateline place')).toHaveValue('DENVER')
  expect((desk.library.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n).toBe(1)
})

test('wire copy dropped onto the window is imported; hostile HTML in it runs nothing', async ({ desk, page }) => {
  let dialogs = 0
  page.on('dialog', (d) => {
    dialogs++
    void d.dismiss()
  })
  const hostile = readFileSync(resolve(FIXTURES, 'ninjs/hostile.json'), 'utf8')
  const story = readFileSync(resolve(FIXTURES, 'iptc7901/rail-strike.txt')).toString('latin1')
  await expect(page.getByRole('button', { name: 'Import wire copy…' })).toBeVisible()
  await page.evaluate(
    ([json, teletype]) => {
      const data = new DataTransfer()
      data.items.add(new File([json], 'hostile.json', { type: 'application/json' }))
      data.items.add(new File([Uint8Array.from(teletype, (c) => c.charCodeAt(0))], 'rail.txt', { type: 'text/plain' }))
      const target = document.querySelector('.desk')!
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    },
    [hostile, story] as const,
  )
  const report = page.getByRole('dialog', { name: 'Imported 2 stories' })
  await expect(report).toBeVisible()
  await report.getByRole('button', { name: 'Hostile HTML in ninjs' }).click()
  const body = page.getByLabel('Story body')
  await expect(body).toContainText('Safe words.')
  await expect(
    body.locator('script, iframe, svg, img, form, [onclick], [onmouseover], [style*="javascript"]'),
  ).toHaveCount(0)
  await expect(body.locator('a')).toHaveAttribute('href', 'https://example.org/ok')
  expect(dialogs).toBe(0)
  expect((desk.library.db.prepare('SELECT count(*) AS n FROM story_originals').get() as { n: number }).n).toBe(2)

  await page.locator('.library .story-row', { hasText: 'Rail strike halts trains' }).click()
  await expect(page.getByLabel('Dateline place')).toHaveValue('München')
  await page.getByRole('tab', { name: 'Original' }).click()
  await expect(page.getByRole('region', { name: 'Notes to editors' })).toContainText(
    'Pictures of the empty platforms are on the photo service.',
  )
  await expect(page.getByLabel('Original copy')).toContainText('␂Rail strike halts trains across southern Germany =')
})
