import { call } from '../src/main/api'
import { getStory } from '../src/main/library/stories'
import { bodyOf, paragraphNode } from '../src/shared/body'
import { addMedia } from '../src/main/library/media'
import { makePng } from '../test/fixtures/pictures/images'
import { expect, test } from './bridge'

/** True when a box shows all of its text: nothing hidden below its bottom edge. */
const showsAll = (el: HTMLElement) => el.scrollHeight <= el.clientHeight + 1

test('the headline, standfirst and a caption grow with their text as the editor types, and keep it after a reload', async ({
  desk,
  page,
}) => {
  const media = addMedia(desk.library.db, makePng(30, 20), { name: 'p.png' }).id
  const story = call(desk.library, 'story:create', {
    body: bodyOf([
      paragraphNode('Text.'),
      { type: 'picture', version: 1, mediaId: media, caption: '', credit: 'PA', alt: 'x' },
    ]),
  })
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  const headline = page.getByLabel('Headline')
  const standfirst = page.getByLabel('Standfirst')
  const caption = page.getByLabel('Story body').getByLabel('Picture caption')
  const oneLine = (await headline.boundingBox())!.height

  const long =
    'Ministers promise a review of flood defences along the Severn after a third winter of record river levels in Worcestershire'
  await headline.click()
  await page.keyboard.type(long)
  const para =
    'The Environment Agency said on Tuesday that it would publish a plan for the lower Severn by spring, after towns from Bewdley to Tewkesbury flooded for the third winter running and businesses said insurance was now out of reach for many of them.'
  await standfirst.click()
  await page.keyboard.type(para)
  await caption.click()
  await page.keyboard.type(para)

  for (const box of [headline, standfirst, caption]) expect(await box.evaluate(showsAll)).toBe(true)
  // It grew by at least a line (however wide the window makes the story, this headline takes two or more).
  const lineHeight = await headline.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))
  expect((await headline.boundingBox())!.height).toBeGreaterThan(oneLine + lineHeight * 0.8)
  await expect(page.getByRole('status')).toHaveText('Saved')

  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  await expect(headline).toHaveValue(long)
  for (const box of [headline, standfirst, caption]) expect(await box.evaluate(showsAll)).toBe(true)
  // At a narrow window too.
  await page.setViewportSize({ width: 900, height: 700 })
  for (const box of [headline, standfirst, caption]) expect(await box.evaluate(showsAll)).toBe(true)
  const saved = getStory(desk.library.db, story.id)
  expect([saved.headline, saved.standfirst]).toEqual([long, para])
  expect(saved.body.root.children[1]).toMatchObject({ caption: para })
})
