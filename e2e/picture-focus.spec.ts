import type { Locator } from '@playwright/test'
import { expect, test } from './bridge'
import { call } from '../src/main/api'
import { addMedia } from '../src/main/library/media'
import { stripes } from '../src/main/media/test-pictures'
import { bodyFromParagraphs } from '../src/shared/body'

/** The colour at the middle of an image as the page has it: [r, g, b]. */
function middleColour(img: Locator): Promise<number[]> {
  return img.evaluate((el: HTMLImageElement) => {
    const canvas = document.createElement('canvas')
    canvas.width = el.naturalWidth
    canvas.height = el.naturalHeight
    const context = canvas.getContext('2d')!
    context.drawImage(el, 0, 0)
    return Array.from(context.getImageData(el.naturalWidth >> 1, el.naturalHeight >> 1, 1, 1).data.slice(0, 3))
  })
}

const isRed = (c: number[]) => c[0]! > 200 && c[1]! < 60 && c[2]! < 60
const isBlue = (c: number[]) => c[2]! > 200 && c[0]! < 60 && c[1]! < 60

test('the editor sets the focal point of the lead picture and the preview’s social card shows that part', async ({
  desk,
  page,
}) => {
  test.slow()
  // A tall photograph, red above and blue below: a 1200 x 630 card shows one or the other.
  const mediaId = addMedia(desk.library.db, await stripes(1400, 2400, '#ff0000', '#0000ff')).id
  const story = call(desk.library, 'story:create', {
    headline: 'Lifeboat crew rescue two from cliff',
    standfirst: 'Both were taken to hospital.',
    leadPicture: { mediaId, alt: 'A lifeboat below red cliffs', caption: 'The rescue.', credit: 'RNLI' },
    body: bodyFromParagraphs(['The crew launched at 6am.']),
  })
  await page.reload()
  await page.getByRole('button', { name: /Lifeboat crew rescue/ }).click()

  // Unset, the card is cut from the middle: half red, half blue, so its centre is on the line.
  await page.getByRole('tab', { name: 'Preview' }).click()
  const card = page.getByRole('figure', { name: 'Social card' })
  await expect(card).toContainText('Lifeboat crew rescue two from cliff')
  const cardImage = card.getByRole('img', { name: 'A lifeboat below red cliffs' })
  await expect(cardImage).toHaveJSProperty('naturalWidth', 1200)

  // A click low on the picture: the card shows the bottom, blue.
  await page.getByRole('tab', { name: 'Picture' }).click()
  const lead = page.getByRole('region', { name: 'Lead picture' })
  const picture = lead.locator('img.picture-img')
  await expect(picture).toBeVisible()
  const box = (await picture.boundingBox())!
  await picture.click({ position: { x: box.width / 2, y: box.height * 0.9 } })
  await expect(lead.getByRole('slider', { name: 'Down' })).toHaveValue('90')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await page.getByRole('tab', { name: 'Preview' }).click()
  await expect
    .poll(async () => isBlue(await middleColour(page.getByTestId('social-card-image'))), { timeout: 30_000 })
    .toBe(true)
  // Saved where it was clicked (a click lands on whole pixels, so to within a hundredth).
  const saved = call(desk.library, 'story:get', { id: story.id }).leadPicture?.focus
  expect(saved?.x).toBeCloseTo(0.5, 2)
  expect(saved?.y).toBeCloseTo(0.9, 2)

  // The keyboard alone: the Down slider to the top, and the card shows the top, red.
  await page.getByRole('tab', { name: 'Picture' }).click()
  await lead.getByRole('slider', { name: 'Down' }).focus()
  await page.keyboard.press('Home')
  await expect(lead.getByRole('slider', { name: 'Down' })).toHaveValue('0')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await page.getByRole('tab', { name: 'Preview' }).click()
  await expect
    .poll(async () => isRed(await middleColour(page.getByTestId('social-card-image'))), { timeout: 30_000 })
    .toBe(true)

  // Centre puts it back in the middle, and the story no longer carries a focal point.
  await page.getByRole('tab', { name: 'Picture' }).click()
  await lead.getByRole('button', { name: 'Centre' }).click()
  await expect(lead.getByRole('slider', { name: 'Down' })).toHaveValue('50')
  await expect.poll(() => call(desk.library, 'story:get', { id: story.id }).leadPicture?.focus ?? 'none').toBe('none')
})
