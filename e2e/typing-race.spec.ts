import type { Locator } from '@playwright/test'
import { createStory, getStory } from '../src/main/library/stories'
import { bodyOf, listNode, paragraphNode } from '../src/shared/body'
import { expect, test } from './bridge'
import { openStoryBody } from './seed'

/**
 * On a busy machine the api's answers (the house style, the story's language, an autosave) reach
 * the page while the editor is still typing. Each one re-renders the story; none may take back a
 * character typed meanwhile. The answers are made late here on purpose, so they land mid-word.
 */
test('an editor typing fast after Ctrl+N while late answers arrive loses no letter', async ({ desk, page }) => {
  test.slow()
  // A slow machine too: the page's own work waits behind the keys, as it does under load.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  desk.slowAnswers({ 'settings:get': 300, 'spelling:story': 600, 'story:autosave': 400, 'desk:open': 200 })
  await page.locator('body').click()
  await page.keyboard.press('Control+n')
  await expect(page.getByLabel('Headline')).toBeFocused()
  await page.keyboard.type('Flood barriers hold as the Ouse peaks in York')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Residents return home after the river crested overnight.')
  await page.getByLabel('Slug').fill('york-floods')
  await expect(page.getByLabel('Headline')).toHaveValue('Flood barriers hold as the Ouse peaks in York')
  await expect(page.getByLabel('Standfirst')).toHaveValue('Residents return home after the river crested overnight.')
  await expect(page.getByRole('status')).toHaveText('Saved')
  const [row] = desk.library.db.prepare('SELECT id FROM stories').all() as { id: number }[]
  expect(getStory(desk.library.db, row!.id as never)).toMatchObject({
    headline: 'Flood barriers hold as the Ouse peaks in York',
    standfirst: 'Residents return home after the river crested overnight.',
    slug: 'york-floods',
  })
})

/**
 * The new story's editor is there the moment Ctrl+N is pressed, on a local draft: what is typed
 * before `story:create` answers is kept, and saved into the story once it exists.
 */
test('what is typed before a new story exists is kept and saved into it', async ({ desk, page }) => {
  test.slow()
  desk.slowAnswers({ 'story:create': 2500 })
  await page.locator('body').click()
  await page.keyboard.press('Control+n')
  await page.keyboard.type('Harbour wall approved after storm damage')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Work on the sea defences starts in spring.')
  await page.getByLabel('Story body').click()
  await page.keyboard.type('The council voted nine to two for the new wall.')
  await expect(page.getByRole('status')).toHaveText('Saved')

  const again = await desk.reopen()
  const rows = again.getByRole('grid', { name: 'Stories' }).locator('[data-story-id]')
  await expect(rows).toHaveCount(1)
  await rows.first().click()
  await expect(again.getByLabel('Headline')).toHaveValue('Harbour wall approved after storm damage')
  await expect(again.getByLabel('Standfirst')).toHaveValue('Work on the sea defences starts in spring.')
  await expect(again.getByLabel('Story body')).toHaveText('The council voted nine to two for the new wall.')
})

test('Ctrl+N pressed again before the first story exists: each draft keeps its own words, an empty one is not kept', async ({
  desk,
  page,
}) => {
  test.slow()
  desk.slowAnswers({ 'story:create': 2000 })
  await page.locator('body').click()
  await page.keyboard.press('Control+n')
  await page.keyboard.type('Ferry timetable cut for winter')
  // Past the guard that takes the menu's and the page's Ctrl+N for one press.
  await page.waitForTimeout(500)
  await page.keyboard.press('Control+n')
  await expect(page.getByLabel('Headline')).toHaveValue('')
  await page.waitForTimeout(500)
  await page.keyboard.press('Control+n')
  await page.keyboard.type('Lifeboat crew rescues two kayakers')
  await expect(page.getByLabel('Headline')).toHaveValue('Lifeboat crew rescues two kayakers')
  await expect(page.getByRole('status')).toHaveText('Saved')

  const again = await desk.reopen()
  const rows = again.getByRole('grid', { name: 'Stories' }).locator('[data-story-id]')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Ferry timetable cut for winter' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Lifeboat crew rescues two kayakers' })).toHaveCount(1)
})

test('a new story the library cannot make: the editor is told, the words stay, and Try again saves them', async ({
  desk,
  page,
}) => {
  // The library refuses every write (as a read-only file would), so story:create fails for real.
  desk.library.db.pragma('query_only = ON')
  await page.locator('body').click()
  await page.keyboard.press('Control+n')
  await page.keyboard.type('Pier reopens after repairs')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('not in the library yet')
  await expect(alert).toContainText('cannot be written')
  await expect(page.getByLabel('Headline')).toHaveValue('Pier reopens after repairs')
  await expect(page.getByRole('status')).toHaveText('Not saved')

  desk.library.db.pragma('query_only = OFF')
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved')
  const again = await desk.reopen()
  const rows = again.getByRole('grid', { name: 'Stories' }).locator('[data-story-id]')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Pier reopens after repairs')
})

test('a new story left by Ctrl+N before the library could make it is offered back with its words', async ({
  desk,
  page,
}) => {
  test.slow()
  desk.library.db.pragma('query_only = ON')
  await page.locator('body').click()
  await page.keyboard.press('Control+n')
  await page.keyboard.type('Coastguard warns of high tides')
  await expect(page.getByRole('status')).toHaveText('Not saved')
  await page.keyboard.press('Control+n')
  const offer = page.getByRole('alert').filter({ hasText: 'could not be made in the library' })
  await expect(offer).toContainText('Coastguard warns of high tides')

  desk.library.db.pragma('query_only = OFF')
  await offer.getByRole('button', { name: 'Open it' }).click()
  await expect(page.getByLabel('Headline')).toHaveValue('Coastguard warns of high tides')
  await expect(page.getByRole('status')).toHaveText('Saved')
  const again = await desk.reopen()
  const rows = again.getByRole('grid', { name: 'Stories' }).locator('[data-story-id]')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Coastguard warns of high tides')
})

/**
 * The browser tells the editor that the caret moved in a task of its own (`selectionchange`); on a
 * busy machine keys jump that queue. Here the caret is moved on the page and Enter, then Backspace,
 * arrive before that news, as they did under load (Enter split "te|n per cent", a letter early).
 */
test('Enter and Backspace act where the caret is, even before the page has said it moved', async ({ desk, page }) => {
  const body = await openStoryBody(desk.library, page, 'Ferry fares rise', ['Fares rise by ten per cent in March.'])
  await page.keyboard.press('Home')
  await moveThenPress(body, 'Fares rise by ten '.length, 'Enter')
  await expect(body.locator('p')).toHaveText(['Fares rise by ten', 'per cent in March.'])
  await moveThenPress(body, 'per'.length, 'Backspace')
  await expect(body.locator('p')).toHaveText(['Fares rise by ten', 'pe cent in March.'])
})

/** Move the caret as the arrow keys do, then press a key at once: nothing runs in between. */
function moveThenPress(body: Locator, characters: number, key: string): Promise<void> {
  return body.evaluate(
    (editable, [characters, key]) => {
      const selection = document.getSelection()!
      for (let i = 0; i < Number(characters); i++) selection.modify('move', 'forward', 'character')
      editable.dispatchEvent(new KeyboardEvent('keydown', { key: String(key), bubbles: true, cancelable: true }))
    },
    [characters, key],
  )
}

test('Delete takes the letter after the caret where it is, even before the page has said it moved', async ({
  desk,
  page,
}) => {
  const body = await openStoryBody(desk.library, page, 'Bridge tolls rise', ['Tolls rise by ten per cent in May.'])
  await page.keyboard.press('Home')
  await moveThenPress(body, 'Tolls rise by t'.length, 'Delete')
  await expect(body.locator('p')).toHaveText(['Tolls rise by tn per cent in May.'])
  // Further on, again at once: from the caret on the page, not from where the last Delete left it.
  await moveThenPress(body, 'n per'.length, 'Delete')
  await expect(body.locator('p')).toHaveText(['Tolls rise by tn percent in May.'])
})

/**
 * Tab in the body moves the focus on, as everywhere in the app: the body has no tab indentation, in
 * lists neither (Lexical's own Tab only ends capitalised styles the body does not use). So what the
 * editor notices is that Tab changes nothing in the text, and that Shift+Tab comes back to the caret
 * where they had moved it. (Nothing of this reads the editor's idea of the caret, so this holds
 * without CaretSyncPlugin too; a real Tab cannot be made to jump `selectionchange` here.)
 */
test('Tab right after the caret moved leaves the list as it was, and Shift+Tab comes back to the caret', async ({
  desk,
  page,
}) => {
  createStory(desk.library.db, {
    headline: 'Bus lane extended',
    body: bodyOf([
      paragraphNode('The lane now runs to the station.'),
      listNode('bullet', ['Opens at six', 'Buses every ten minutes']),
    ]),
  })
  await page.reload()
  await page.getByRole('button', { name: 'Bus lane extended' }).click()
  const body = page.getByLabel('Story body')
  await body.locator('li').nth(1).click()
  await page.keyboard.press('Home')
  await body.evaluate((_, characters) => {
    const selection = document.getSelection()!
    for (let i = 0; i < characters; i++) selection.modify('move', 'forward', 'character')
  }, 'Buses '.length)
  await page.keyboard.press('Tab')
  await expect(body).not.toBeFocused()
  await expect(body.locator('li')).toHaveText(['Opens at six', 'Buses every ten minutes'])
  await expect(body.locator('li li')).toHaveCount(0)
  await page.keyboard.press('Shift+Tab')
  await expect(body).toBeFocused()
  await page.keyboard.type('X')
  await expect(body.locator('li')).toHaveText(['Opens at six', 'Buses Xevery ten minutes'])
})
