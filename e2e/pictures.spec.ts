import type { Locator, Page } from '@playwright/test'
import { createStory, getStory } from '../src/main/library/stories'
import { bodyOf, paragraphNode, type Body } from '../src/shared/body'
import { findMedia } from '../src/main/library/media'
import { LARGE_PICTURE_BYTES, PREVIEW_HEIGHT } from '../src/shared/media'
import { iim, makeJpeg, makePng, padJpeg } from '../test/fixtures/pictures/images'
import { expect, test } from './bridge'

/** Choose files through the button's file dialog, as an editor does. */
async function chooseFiles(page: Page, button: Locator, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser')
  await button.click()
  await (await chooser).setFiles(files)
}

const png = (name: string, width = 120, height = 80) => ({
  name,
  mimeType: 'image/png',
  buffer: makePng(width, height),
})

/** True once the browser has decoded the image at its real size (not a broken-image icon). */
async function shownAt(image: Locator): Promise<[number, number]> {
  await expect(image).toBeVisible()
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeTruthy()
  return image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight] as [number, number])
}

/** Drop files on an element at its centre, as the browser's drag and drop delivers them. */
async function dropFiles(page: Page, target: Locator, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const box = (await target.boundingBox())!
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer()
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
        transfer.items.add(new File([bytes], file.name, { type: file.mimeType }))
      }
      return transfer
    },
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })),
  )
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }
  await target.dispatchEvent('dragover', { dataTransfer, ...at })
  await target.dispatchEvent('drop', { dataTransfer, ...at })
}

/** Open a story made straight in the library, from the list, as the editor would. */
async function openStory(page: Page, id: number) {
  await page.reload()
  await page.locator(`[data-story-id="${id}"]`).click()
}

const blocksOf = (body: Body) => body.root.children.map((b) => (b.type === 'paragraph' ? 'p' : b.type))

test('an editor gives a story a lead picture and a body picture, captions and credits them, and finds it all after a reload', async ({
  desk,
  page,
}) => {
  await page.getByRole('button', { name: 'New story' }).first().click()
  await page.getByLabel('Headline').fill('Storm closes both Severn crossings')
  const body = page.getByLabel('Story body')
  await body.click()
  await page.keyboard.type('High winds shut the M4 and M48 bridges on Thursday morning.')

  await chooseFiles(page, page.getByRole('button', { name: 'Insert picture' }), [png('bridge.png')])
  const figure = body.getByRole('figure', { name: 'Picture' })
  expect(await shownAt(figure.locator('img'))).toEqual([120, 80])
  await figure.getByLabel('Picture caption').fill('Traffic held at the Prince of Wales Bridge toll plaza')
  await figure.getByLabel('Picture credit').fill('Ben Birchall/PA')
  await figure.getByLabel('Picture alt text').fill('A queue of lorries stopped before a long suspension bridge')

  // The lead picture is a JPEG whose IPTC metadata already holds a caption and a credit line.
  const lead = page.getByRole('region', { name: 'Lead picture' })
  const jpeg = makeJpeg({
    width: 64,
    height: 48,
    iim: iim({ 120: 'Waves break over the sea wall at Penarth', 110: 'Getty Images', 80: 'Matthew Horwood' }),
  })
  await chooseFiles(page, lead.getByRole('button', { name: 'Choose lead picture' }), [
    { name: 'penarth.jpg', mimeType: 'image/jpeg', buffer: jpeg },
  ])
  await expect(lead.getByLabel('Lead picture caption')).toHaveValue('Waves break over the sea wall at Penarth')
  await expect(lead.getByLabel('Lead picture credit')).toHaveValue('Getty Images')
  expect(await shownAt(lead.locator('img'))).toEqual([64, 48])
  await lead.getByLabel('Lead picture credit').fill('Matthew Horwood/Getty Images')
  await lead.getByLabel('Lead picture alt text').fill('Grey waves crash over a promenade railing')

  await expect(page.getByRole('status')).toHaveText('Saved')
  await page.reload()
  await page.getByRole('button', { name: /Storm closes both Severn crossings/ }).click()

  const again = page.getByLabel('Story body').getByRole('figure', { name: 'Picture' })
  expect(
    await shownAt(again.getByRole('img', { name: 'A queue of lorries stopped before a long suspension bridge' })),
  ).toEqual([120, 80])
  await expect(again.getByLabel('Picture caption')).toHaveValue('Traffic held at the Prince of Wales Bridge toll plaza')
  await expect(again.getByLabel('Picture credit')).toHaveValue('Ben Birchall/PA')
  await expect(again.getByLabel('Picture alt text')).toHaveValue(
    'A queue of lorries stopped before a long suspension bridge',
  )
  const leadAgain = page.getByRole('region', { name: 'Lead picture' })
  await expect(leadAgain.getByLabel('Lead picture caption')).toHaveValue('Waves break over the sea wall at Penarth')
  await expect(leadAgain.getByLabel('Lead picture credit')).toHaveValue('Matthew Horwood/Getty Images')
  await expect(leadAgain.getByLabel('Lead picture alt text')).toHaveValue('Grey waves crash over a promenade railing')
  expect(await shownAt(leadAgain.locator('img'))).toEqual([64, 48])

  // The library list shows the lead picture small beside the headline.
  const row = page.getByRole('button', { name: /Storm closes both Severn crossings/ })
  expect(await shownAt(row.locator('img.row-thumb'))).toEqual([64, 48])

  const [stored] = desk.library.db.prepare('SELECT id FROM stories').all() as { id: number }[]
  const story = getStory(desk.library.db, stored!.id)
  expect(story.leadPicture).toMatchObject({
    credit: 'Matthew Horwood/Getty Images',
    mediaId: expect.stringMatching(/^[0-9a-f]{64}$/),
  })
  expect(story.body.root.children.find((b) => b.type === 'picture')).toMatchObject({
    caption: 'Traffic held at the Prince of Wales Bridge toll plaza',
    credit: 'Ben Birchall/PA',
  })
  expect(story.bodyText).toBe('High winds shut the M4 and M48 bridges on Thursday morning.')
})

test('a picture dropped onto the body lands after the paragraph it was dropped on, and moves and goes', async ({
  desk,
  page,
}) => {
  const story = createStory(desk.library.db, {
    headline: 'Harbour wall repairs begin',
    body: bodyOf([paragraphNode('Work started at first light.'), paragraphNode('It will take six weeks.')]),
  })
  await page.reload()
  await page.getByRole('button', { name: /Harbour wall repairs begin/ }).click()
  const body = page.getByLabel('Story body')
  await dropFiles(page, body.getByText('Work started at first light.'), [png('harbour.png', 90, 60)])

  const figure = body.getByRole('figure', { name: 'Picture' })
  expect(await shownAt(figure.locator('img'))).toEqual([90, 60])
  await expect(body.locator(':scope > *')).toHaveText([
    'Work started at first light.',
    /Replace image/,
    'It will take six weeks.',
  ])
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(blocksOf(getStory(desk.library.db, story.id).body)).toEqual(['p', 'picture', 'p'])

  await figure.getByRole('button', { name: 'Move picture down' }).click()
  await expect(figure.getByRole('button', { name: 'Move picture down' })).toBeDisabled()
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(blocksOf(getStory(desk.library.db, story.id).body)).toEqual(['p', 'p', 'picture'])

  await figure.getByRole('button', { name: 'Move picture up' }).click()
  await figure.getByRole('button', { name: 'Move picture up' }).click()
  await expect(figure.getByRole('button', { name: 'Move picture up' })).toBeDisabled()
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(blocksOf(getStory(desk.library.db, story.id).body)).toEqual(['picture', 'p', 'p'])

  // Typing in a caption types there only: Backspace does not reach the story text.
  await figure.getByLabel('Picture caption').fill('Cranes on the north wall')
  await figure.getByLabel('Picture caption').press('Backspace')
  await expect(figure.getByLabel('Picture caption')).toHaveValue('Cranes on the north wal')
  await expect(body.getByText('Work started at first light.')).toBeVisible()

  await figure.getByRole('button', { name: 'Remove picture' }).click()
  await expect(figure).toHaveCount(0)
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(blocksOf(getStory(desk.library.db, story.id).body)).toEqual(['p', 'p'])
})

test('a pasted image becomes a picture at the caret', async ({ desk, page }) => {
  const story = createStory(desk.library.db, {
    headline: 'Pasted from the picture desk',
    body: bodyOf([paragraphNode('Above the fold.')]),
  })
  await page.reload()
  await page.getByRole('button', { name: /Pasted from the picture desk/ }).click()
  const body = page.getByLabel('Story body')
  await body.getByText('Above the fold.').click()
  await page.keyboard.press('End')
  const base64 = makePng(30, 20).toString('base64')
  await body.evaluate((root, data) => {
    const transfer = new DataTransfer()
    transfer.items.add(
      new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'image.png', { type: 'image/png' }),
    )
    // What a browser puts beside a copied image: an HTML stand-in, which must not win.
    transfer.setData('text/html', '<img src="https://example.org/x.png">')
    root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, base64)
  expect(await shownAt(body.getByRole('figure', { name: 'Picture' }).locator('img'))).toEqual([30, 20])
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(blocksOf(getStory(desk.library.db, story.id).body)).toEqual(['p', 'picture', 'p'])
})

test('a picture that came from the wire without its image shows as missing, with its words, ready for an image', async ({
  desk,
  page,
}) => {
  const story = createStory(desk.library.db, {
    headline: 'Wire story with a picture to follow',
    body: bodyOf([
      paragraphNode('Talks resumed in Geneva.'),
      { type: 'picture', alt: '', caption: 'Delegates arrive at the Palais des Nations', credit: 'Reuters' },
    ]),
  })
  await page.reload()
  await page.getByRole('button', { name: /Wire story with a picture to follow/ }).click()
  const figure = page.getByLabel('Story body').getByRole('figure', { name: 'Picture, image missing' })
  await expect(figure.getByRole('img', { name: 'Image missing' })).toBeVisible()
  await expect(figure.getByLabel('Picture caption')).toHaveValue('Delegates arrive at the Palais des Nations')
  await expect(figure.getByLabel('Picture credit')).toHaveValue('Reuters')

  await chooseFiles(page, figure.getByRole('button', { name: 'Attach image' }), [png('geneva.png', 50, 40)])
  const attached = page.getByLabel('Story body').getByRole('figure', { name: 'Picture' })
  expect(await shownAt(attached.locator('img'))).toEqual([50, 40])
  await expect(attached.getByLabel('Picture caption')).toHaveValue('Delegates arrive at the Palais des Nations')
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(getStory(desk.library.db, story.id).body.root.children[1]).toMatchObject({
    type: 'picture',
    mediaId: expect.stringMatching(/^[0-9a-f]{64}$/),
    caption: 'Delegates arrive at the Palais des Nations',
    credit: 'Reuters',
  })
})

test('a file that is not a usable picture is refused with its message, and the story is untouched', async ({
  desk,
  page,
}) => {
  const story = createStory(desk.library.db, {
    headline: 'Budget day',
    body: bodyOf([paragraphNode('The chancellor rose at 12.30.')]),
  })
  await page.reload()
  await page.getByRole('button', { name: /Budget day/ }).click()
  const body = page.getByLabel('Story body')
  await body.getByText('The chancellor rose at 12.30.').click()

  await chooseFiles(page, page.getByRole('button', { name: 'Insert picture' }), [
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Remember to check the figures') },
  ])
  const refusal = page.getByRole('alert')
  await expect(refusal).toContainText(
    'notes.txt was not added: it is not a picture Copydesk can use (JPEG, PNG, WebP, GIF or AVIF)',
  )

  await dropFiles(page, body.getByText('The chancellor rose at 12.30.'), [
    { name: 'cut-off.png', mimeType: 'image/png', buffer: makePng(200, 200).subarray(0, 80) },
  ])
  await expect(refusal).toContainText('cut-off.png was not added: it looks like a PNG but is broken')

  // Too big: made inside the page (sending 41 MB through the test driver would take longer than it proves).
  const lead = page.getByRole('region', { name: 'Lead picture' })
  const huge = await page.evaluateHandle((jpegStart) => {
    const bytes = new Uint8Array(41 * 1024 * 1024)
    bytes.set(jpegStart)
    const transfer = new DataTransfer()
    transfer.items.add(new File([bytes], 'scan.jpg', { type: 'image/jpeg' }))
    return transfer
  }, Array.from(makeJpeg()))
  await lead.dispatchEvent('dragover', { dataTransfer: huge })
  await lead.dispatchEvent('drop', { dataTransfer: huge })
  await expect(lead.getByRole('alert')).toHaveText(
    'scan.jpg was not added: it is 41.0 MB; a picture can be at most 40.0 MB',
  )

  await expect(body.getByRole('figure')).toHaveCount(0)
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(getStory(desk.library.db, story.id)).toMatchObject({ revision: 1, leadPicture: null })
  expect((desk.library.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n).toBe(0)
})

// Where the frame header is among the first bytes, the preview can be decoded straight to its size
// (ImageDecoder); camera notes before it send it the long way (createImageBitmap). Either way the
// editor must see the same preview; which way was faster is the benchmark's to say.
for (const [layout, afterFrame] of [
  ['its frame header first', true],
  ['camera notes before its frame header', false],
] as const) {
  test(`a large photograph (${layout}) is shown from a preview the app makes, and kept whole for publishing`, async ({
    desk,
    page,
  }) => {
    const story = createStory(desk.library.db, { headline: 'Harbour wall breached' })
    await openStory(page, story.id)
    // 2,400 x 1,600 pixels and 1.3 MB (camera notes make up the weight): big enough to get a preview.
    const photo = padJpeg(makeJpeg({ width: 2400, height: 1600 }), 1.3 * 1024 * 1024, { afterFrame })
    const lead = page.getByRole('region', { name: 'Lead picture' })
    await chooseFiles(page, lead.getByRole('button', { name: 'Choose lead picture' }), [
      { name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: photo },
    ])
    // What the editor sees is the preview: the photograph scaled to PREVIEW_HEIGHT, same shape.
    expect(await shownAt(lead.locator('img'))).toEqual([(2400 / 1600) * PREVIEW_HEIGHT, PREVIEW_HEIGHT])
    await expect(lead.locator('img')).toHaveAttribute('src', /\/preview$/)
    await expect(page.getByRole('status')).toHaveText('Saved')
    const { mediaId } = getStory(desk.library.db, story.id).leadPicture!
    // The library keeps the photograph byte for byte; export and `copydesk show` use it, not the preview.
    expect(Buffer.compare(findMedia(desk.library.db, mediaId!)!.bytes, photo)).toBe(0)
    expect(findMedia(desk.library.db, mediaId!, { preview: true })).toMatchObject({ type: 'image/jpeg', width: 2400 })
  })
}

test('a large picture chosen while the editor is typing is handed over when they pause', async ({ desk, page }) => {
  const story = createStory(desk.library.db, { headline: 'Ferry runs aground off Mull' })
  await page.clock.install()
  await openStory(page, story.id)
  await expect(page.getByLabel('Story body')).toBeVisible()
  // From here the page's clock moves only when the test moves it, so keys every 50 ms leave no
  // gap however busy the machine is.
  await page.clock.pauseAt(Date.now() + 60_000)
  await page.evaluate(() => {
    const key = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    key()
    const typing = window.setInterval(key, 50)
    Object.assign(window, { stopTyping: () => window.clearInterval(typing) })
  })
  const lead = page.getByRole('region', { name: 'Lead picture' })
  const photo = padJpeg(makeJpeg({ width: 300, height: 200 }), LARGE_PICTURE_BYTES)
  await chooseFiles(page, lead.getByRole('button', { name: 'Choose lead picture' }), [
    { name: 'ferry.jpg', mimeType: 'image/jpeg', buffer: photo },
  ])
  await expect(lead.getByRole('button', { name: 'Adding…' })).toBeVisible()
  // The editor sees how far it has got: nothing, while the keys leave no gap.
  const progress = lead.getByRole('progressbar', { name: 'Adding ferry.jpg' })
  await expect(progress).toBeVisible()
  await page.clock.runFor(1500)
  await expect(lead).toContainText('0 bytes of 1.0 MB')
  const stored = () => (desk.library.db.prepare('SELECT count(*) AS n FROM media').get() as { n: number }).n
  expect(stored()).toBe(0)
  await page.evaluate(() => (window as unknown as { stopTyping(): void }).stopTyping())
  await page.clock.runFor(200)
  await expect(lead.locator('img')).toBeVisible()
  await expect(progress).toHaveCount(0)
  expect(stored()).toBe(1)
})

test('a picture on its way when the editor closes the window is saved with the story', async ({ desk, page }) => {
  const story = createStory(desk.library.db, { headline: 'Lifeboat launched at dawn' })
  await openStory(page, story.id)
  // Keys leave no gap for the parts, so the picture is still waiting when the window closes.
  await page.evaluate(() => {
    window.setInterval(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' })), 50)
  })
  const lead = page.getByRole('region', { name: 'Lead picture' })
  const photo = padJpeg(makeJpeg({ width: 300, height: 200 }), 3 * LARGE_PICTURE_BYTES)
  await chooseFiles(page, lead.getByRole('button', { name: 'Choose lead picture' }), [
    { name: 'lifeboat.jpg', mimeType: 'image/jpeg', buffer: photo },
  ])
  await expect(lead.getByRole('progressbar', { name: 'Adding lifeboat.jpg' })).toBeVisible()
  expect(await desk.closeWindow()).toBe('flushed')

  const { mediaId } = getStory(desk.library.db, story.id).leadPicture!
  expect(Buffer.compare(findMedia(desk.library.db, mediaId!)!.bytes, photo)).toBe(0)
  const reopened = await desk.reopen()
  await reopened.locator(`[data-story-id="${story.id}"]`).click()
  await expect(reopened.getByRole('region', { name: 'Lead picture' }).locator('img')).toBeVisible()
})

test('a large file that is no picture is refused with its message, and the story is untouched', async ({
  desk,
  page,
}) => {
  const story = createStory(desk.library.db, { headline: 'Council minutes published' })
  await openStory(page, story.id)
  const minutes = Buffer.concat([
    Buffer.from('PK\u0003\u0004word/document.xml'),
    Buffer.alloc(3 * LARGE_PICTURE_BYTES, 32),
  ])
  const lead = page.getByRole('region', { name: 'Lead picture' })
  await chooseFiles(page, lead.getByRole('button', { name: 'Choose lead picture' }), [
    { name: 'minutes.jpg', mimeType: 'image/jpeg', buffer: minutes },
  ])
  await expect(lead.getByRole('alert')).toHaveText(
    'minutes.jpg was not added: it is a zip archive (perhaps a Word document), not a picture Copydesk can use (JPEG, PNG, WebP, GIF or AVIF)',
  )
  await expect(lead.getByRole('button', { name: 'Choose lead picture' })).toBeEnabled()
  expect(getStory(desk.library.db, story.id).leadPicture).toBeNull()
})
