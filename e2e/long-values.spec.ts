import type { Page } from '@playwright/test'
import { call } from '../src/main/api'
import { addMedia } from '../src/main/library/media'
import type { Library } from '../src/main/library'
import { bodyOf, paragraphNode } from '../src/shared/body'
import { makePng } from '../test/fixtures/pictures/images'
import { expect, test } from './bridge'
import { fitProblems, layoutProblems } from './layout'
import { storyToolTabs } from './panels'

/**
 * Long values, as wire copy and hurried editors leave them, in every field that shows one: the
 * story still fits its window. At each width, with the story alone, beside each of its panels and
 * under the Spike dialog (which names it by its headline): the window and no column or panel
 * scrolls sideways, no words run past their column or lie under a control, every control is in
 * reach (e2e/layout.ts), and the headline, standfirst and captions show all of their words.
 *
 * The kinds of long value, each put in every field at once (cut to the field's limit):
 * - long in words (a headline of 250 characters, as wire copy sends);
 * - one unbroken word of 200 letters: nowhere for a line to break;
 * - an unbroken web address of 200 characters (pasted as a headline, a name, a caption).
 */
const SIZES = [
  { width: 720, height: 600 },
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]

const ADDRESS = `https://www.example.org/newsroom/archive/story?ref=${'a7f3c9e1b2d4'.repeat(13)}`.slice(0, 200)
const LONG_VALUES = [
  {
    kind: 'long in words',
    text: 'Ministers promise a review of flood defences along the Severn after a third winter of record river levels in Worcestershire, as insurers warn that homes from Bewdley to Tewkesbury may soon be impossible to cover',
  },
  { kind: 'one unbroken word', text: 'Llanfairpwllgwyngyll'.repeat(10) },
  { kind: 'an unbroken web address', text: ADDRESS },
]

/** The fields that grow with their text: each must show all of it. */
const GROWING_FIELDS = ['Headline', 'Standfirst', 'Picture caption', 'Lead picture caption']

/** A story with `text` in every field that shows words, related to another story whose headline is `text` too. */
function storyFullOf(library: Library, text: string, media: string) {
  const companion = call(library, 'story:create', { headline: `Earlier: ${text}`, status: 'ready' })
  return call(library, 'story:create', {
    headline: text,
    standfirst: text,
    status: 'editing',
    slug: text.slice(0, 200),
    keywords: [text.slice(0, 100)],
    bylines: [
      { name: text.slice(0, 200), kind: 'person' },
      { name: text.slice(0, 200), kind: 'agency' },
    ],
    dateline: { place: text.slice(0, 200), date: '2026-11-24T06:45', source: text.slice(0, 100) },
    leadPicture: { mediaId: media, alt: text, caption: text, credit: text.slice(0, 300) },
    related: [
      { headline: companion.headline, storyId: companion.id },
      // From the wire, not linked yet: the panel offers library stories that match.
      { headline: text.slice(0, 500) },
      { headline: text.slice(0, 500), url: ADDRESS },
    ],
    body: bodyOf([
      paragraphNode(text),
      { type: 'picture', version: 1, mediaId: media, caption: text, credit: text.slice(0, 300), alt: 'Flood barrier' },
    ]),
  })
}

/** Everything that does not fit on screen now, each problem prefixed with where it was seen. */
async function misfits(page: Page, where: string): Promise<string[]> {
  const controls = await layoutProblems(page)
  const words = await fitProblems(page, GROWING_FIELDS)
  return [
    ...controls.overlaps.map((p) => `controls overlap: ${p}`),
    ...controls.outside.map((p) => `control out of reach: ${p}`),
    ...controls.clipped.map((p) => `control cut off: ${p}`),
    ...words.sideways,
    ...words.textOut,
    ...words.textUnder,
    ...words.fieldsHide,
  ].map((problem) => `${where}: ${problem}`)
}

for (const size of SIZES) {
  test(`at ${size.width} px, a story of long headlines, names, places and addresses fits its window, beside every panel`, async ({
    desk,
    page,
  }) => {
    // Three stories, each looked at alone, beside every panel and under a dialog.
    test.setTimeout(360_000)
    const media = addMedia(desk.library.db, makePng(60, 40), { name: 'barrier.png' }).id
    const stories = LONG_VALUES.map((value) => ({ ...value, story: storyFullOf(desk.library, value.text, media) }))
    await page.setViewportSize(size)
    const problems: string[] = []
    for (const { kind, text, story } of stories) {
      await page.reload()
      await page.locator(`[data-story-id="${story.id}"]`).click()
      await expect(page.getByLabel('Headline')).toHaveValue(text)
      await expect(page.getByLabel('Story body').locator('p').first()).toHaveText(text)
      await expect(page.getByRole('list', { name: 'Bylines' }).getByRole('listitem')).toHaveCount(2)
      problems.push(...(await misfits(page, `${kind}, the story`)))

      const panels = await storyToolTabs(page)
      for (const label of panels) {
        const tab = page.getByRole('tab', { name: label, exact: true })
        await tab.click()
        await expect(tab).toHaveAttribute('aria-selected', 'true')
        await expect(page.getByRole('tabpanel')).toBeVisible()
        if (label === 'Related') {
          await expect(page.getByRole('list', { name: 'Related stories' }).locator(':scope > li')).toHaveCount(3)
        }
        if (label === 'Checks') await expect(page.locator('.checks-summary')).toBeVisible()
        problems.push(...(await misfits(page, `${kind}, beside the ${label} panel`)))
      }

      // The Spike dialog asks about the story by its headline.
      await page.getByRole('button', { name: 'Spike…', exact: true }).click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toBeVisible()
      problems.push(...(await misfits(page, `${kind}, the Spike dialog`)))
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()
    }
    expect(problems).toEqual([])
  })
}
