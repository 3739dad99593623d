import type { Page } from '@playwright/test'
import { call } from '../src/main/api'
import { bodyFromParagraphs } from '../src/shared/body'
import { expect, test } from './bridge'

const complete = {
  bylines: [{ name: 'Press Association', kind: 'agency' as const }],
  dateline: { place: 'London' },
}

/** The words the body's spelling highlight covers now (what the editor sees underlined). */
const underlinedInBody = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('spelling-error') ?? [])].map((r) => (r as Range).toString()))

/** The middle of an underlined word in the body, on screen. */
const bodyWordAt = (page: Page, word: string) =>
  page.evaluate((w) => {
    const range = [...(CSS.highlights.get('spelling-error') ?? [])].find((r) => (r as Range).toString() === w) as Range
    const rect = range.getBoundingClientRect()
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
  }, word)

/** The words underlined in the plain fields' twins. */
const underlinedInFields = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.spell-twin .spell-error')].map((e) => e.textContent))

async function open(page: Page, headline: RegExp) {
  await page.reload()
  await page.getByRole('button', { name: headline }).click()
}

test('a misspelt word typed in the body is underlined, and a suggestion picked with the mouse fixes it for good', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', {
    ...complete,
    headline: 'Council meets',
    body: bodyFromParagraphs(['The council met on Monday.']),
  })
  await open(page, /Council meets/)
  const body = page.getByLabel('Story body')
  await body.locator('p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' It recieved the report.')
  await expect.poll(() => underlinedInBody(page)).toEqual(['recieved'])

  const at = await bodyWordAt(page, 'recieved')
  await page.mouse.click(at.x, at.y, { button: 'right' })
  const menu = page.getByRole('menu', { name: 'Spelling: recieved' })
  await menu.getByRole('menuitem', { name: 'received', exact: true }).click()
  await expect(body.locator('p').first()).toHaveText('The council met on Monday. It received the report.')
  await expect.poll(() => underlinedInBody(page)).toEqual([])
  await expect
    .poll(() => call(desk.library, 'story:get', { id: story.id }).bodyText)
    .toBe('The council met on Monday. It received the report.')
})

test('from the keyboard alone: the menu key opens suggestions in a field and in the body, arrows and Enter pick one', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', {
    ...complete,
    headline: 'Budget',
    body: bodyFromParagraphs(['Ministers met.']),
  })
  await open(page, /Budget/)
  const headline = page.getByLabel('Headline')
  await headline.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' goverment')
  await expect.poll(() => underlinedInFields(page)).toEqual(['goverment'])

  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: 'Spelling: goverment' })
  await expect(menu.getByRole('menuitem', { name: 'government', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(headline).toHaveValue('Budget government')
  await expect(headline).toBeFocused()
  await expect.poll(() => underlinedInFields(page)).toEqual([])

  const body = page.getByLabel('Story body')
  await body.locator('p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' They agred')
  await expect.poll(() => underlinedInBody(page)).toEqual(['agred'])
  await page.keyboard.press('Control+.')
  const bodyMenu = page.getByRole('menu', { name: 'Spelling: agred' })
  const suggestions = bodyMenu.locator('.spelling-suggestion')
  await expect(suggestions.first()).toBeFocused()
  expect(await suggestions.count()).toBeGreaterThan(1)
  const second = (await suggestions.nth(1).textContent())!
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(body.locator('p').first()).toHaveText(`Ministers met. They ${second}`)
  await expect(body).toBeFocused()

  // Saved: a fresh window on the library shows the fixed words.
  await expect
    .poll(() => call(desk.library, 'story:get', { id: story.id }))
    .toMatchObject({ headline: 'Budget government', bodyText: `Ministers met. They ${second}` })
  await page.reload()
  await page.getByRole('button', { name: /Budget government/ }).click()
  await expect(page.getByLabel('Story body').locator('p').first()).toHaveText(`Ministers met. They ${second}`)
})

test('a name added to the house dictionary loses its underline in every open story, and Escape leaves the text alone', async ({
  desk,
  page,
}) => {
  call(desk.library, 'story:create', {
    ...complete,
    headline: 'Umerov in Washington',
    body: bodyFromParagraphs(['The defence minister, Umerov, arrived.']),
  })
  call(desk.library, 'story:create', {
    ...complete,
    headline: 'Umerov returns',
    body: bodyFromParagraphs(['Later, Mr Umerov flew home.']),
  })
  await open(page, /Umerov in Washington/)
  const other = await desk.reopen()
  await other.getByRole('button', { name: /Umerov returns/ }).click()
  await expect.poll(() => underlinedInBody(other)).toEqual(['Umerov'])
  await expect.poll(() => underlinedInFields(page)).toEqual(['Umerov'])
  await expect.poll(() => underlinedInBody(page)).toEqual(['Umerov'])

  // Escape closes the menu and changes nothing.
  const at = await bodyWordAt(page, 'Umerov')
  await page.mouse.click(at.x, at.y, { button: 'right' })
  const menu = page.getByRole('menu', { name: 'Spelling: Umerov' })
  await expect(menu).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(page.getByLabel('Story body').locator('p').first()).toHaveText('The defence minister, Umerov, arrived.')

  await page.mouse.click(at.x, at.y, { button: 'right' })
  await menu.getByRole('menuitem', { name: 'Add “Umerov” to the house dictionary' }).click()
  await expect.poll(() => underlinedInBody(page)).toEqual([])
  await expect.poll(() => underlinedInFields(page)).toEqual([])
  await expect.poll(() => underlinedInBody(other)).toEqual([])
  expect(call(desk.library, 'dictionary:list', {}).words.map((w) => w.word)).toEqual(['Umerov'])

  // The Dictionary screen lists it, and removing it (with a way back) underlines it again.
  await page.getByRole('tab', { name: 'Dictionary' }).click()
  await page.getByRole('button', { name: 'Remove “Umerov”' }).click()
  await expect.poll(() => underlinedInBody(other)).toEqual(['Umerov'])
  await page.getByRole('button', { name: 'Put “Umerov” back' }).click()
  await expect.poll(() => underlinedInBody(other)).toEqual([])
})

test('a style-book entry added on the Dictionary screen is flagged in the Checks panel and fixed there in one click', async ({
  desk,
  page,
}) => {
  const story = call(desk.library, 'story:create', {
    ...complete,
    headline: 'Austin in Kiev',
    body: bodyFromParagraphs(['The secretary travelled to Kiev by train.']),
  })
  await open(page, /Austin in Kiev/)
  await page.getByRole('tab', { name: 'Dictionary' }).click()
  await page.getByLabel('Form to flag').fill('Kiev')
  await page.getByLabel('Preferred form').fill('Kyiv')
  await page.getByLabel('Note for the entry').fill('The Ukrainian spelling.')
  await page.getByRole('button', { name: 'Add entry' }).click()
  await expect(page.getByRole('list', { name: 'Style-book entries' })).toContainText('Kiev → Kyiv')

  await page.getByRole('tab', { name: 'Checks' }).click()
  const findings = page.getByRole('list', { name: 'Findings' })
  await expect(findings.getByRole('button', { name: /House style is “Kyiv”, not “Kiev”/ })).toHaveCount(2)
  const fixIn = (place: string) =>
    findings.getByRole('listitem').filter({ hasText: place }).getByRole('button', { name: 'Use “Kyiv”' })
  await fixIn('Body ¶1').click()
  await expect(page.getByLabel('Story body').locator('p').first()).toHaveText(
    'The secretary travelled to Kyiv by train.',
  )
  await fixIn('Headline').click()
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Austin in Kyiv')
  await expect(findings.getByRole('button', { name: /House style/ })).toHaveCount(0)
  await expect
    .poll(() => call(desk.library, 'story:get', { id: story.id }))
    .toMatchObject({ headline: 'Austin in Kyiv', bodyText: 'The secretary travelled to Kyiv by train.' })
})
