import type { Browser, Page } from '@playwright/test'
import { call } from '../src/main/api'
import { openLibrary, type Library } from '../src/main/library'
import { bodyFromParagraphs } from '../src/shared/body'
import { startDesk, type Desk as DeskServer } from '../test/team/harness'
import { expectNoAxeViolations } from './axe'
import { bridgeContext, expect, ORIGIN, test } from './bridge'
import { deskState, postgresMissing, signIn, storyBody as body, storyRow as row, switchOnline } from './desk-window'

// Two editors' windows (two Chromium pages, each bridged to its own library) on one desk server
// (its own process) over a real PostgreSQL cluster: docs/team.md.

async function editorWindow(browser: Browser, library: Library): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await bridgeContext(page, library)
  await page.goto(`${ORIGIN}/index.html`)
  return page
}

/** Type at the end of the body paragraph that holds `words`, as an editor would. */
async function typeAfter(page: Page, words: string, typed: string): Promise<void> {
  await body(page).getByText(words).click()
  await page.keyboard.press('End')
  await page.keyboard.type(typed)
}

test('two editors on one desk: A shares, B sees and edits, A sees it; B works offline, both edit, and on reconnect both have every word', async ({
  browser,
}, testInfo) => {
  const missing = postgresMissing()
  test.skip(missing !== null, `the desk needs PostgreSQL: ${missing}`)
  test.setTimeout(300_000)
  const server: DeskServer = await startDesk()
  const libraries = [openLibrary(testInfo.outputPath('ann.sqlite')), openLibrary(testInfo.outputPath('bob.sqlite'))]
  const [annLibrary, bobLibrary] = libraries as [Library, Library]
  const windows: Page[] = []
  try {
    await server.addUser('ann', 'reporter', 'news')
    await server.addUser('bob', 'editor', 'news')
    call(annLibrary, 'story:create', {
      headline: 'Harbour bridge closes for repairs',
      body: bodyFromParagraphs(['The harbour bridge will close on Monday.', 'Ferries will run every ten minutes.']),
    })
    const ann = await editorWindow(browser, annLibrary)
    const bob = await editorWindow(browser, bobLibrary)
    windows.push(ann, bob)
    // B works in a narrow window: the desk's controls must fit and work at 720 px.
    await bob.setViewportSize({ width: 720, height: 900 })
    await signIn(ann, server.url, 'ann')
    await signIn(bob, server.url, 'bob')

    // A shares the story: the library and the story bar mark it shared, A's own.
    await row(ann, 'Harbour bridge closes').click()
    await ann.getByRole('button', { name: 'Share to desk' }).click()
    await expect(ann.getByRole('article', { name: 'Story' }).getByText('ann’s · on the desk')).toBeVisible()
    await expect(row(ann, 'Harbour bridge closes')).toContainText('Shared')
    await expectNoAxeViolations(ann, 'a shared story open, the library marking it')
    await ann.getByRole('button', { name: 'Desk…' }).click()
    await expect(ann.getByRole('dialog', { name: 'Desk' })).toContainText('Signed in as ann on the news desk')
    await expectNoAxeViolations(ann, 'the Desk dialog, signed in')
    await ann.keyboard.press('Escape')
    await expect(ann.getByRole('dialog', { name: 'Desk' })).toBeHidden()

    // B's library shows it (the change feed), marked shared and whose; B opens it and sees A's words.
    await expect(row(bob, 'Harbour bridge closes')).toContainText('ann’s · on the desk')
    await row(bob, 'Harbour bridge closes').click()
    await expect(body(bob)).toContainText('Ferries will run every ten minutes.')

    // B writes; A, with the story open, sees B's words arrive.
    await typeAfter(bob, 'Ferries will run', ' Bob checked the timetable.')
    await expect(body(ann)).toContainText('every ten minutes. Bob checked the timetable.')
    await expect(deskState(bob)).toHaveAccessibleDescription('Online · all changes on the desk')

    // B works offline; both write, in the same paragraph too.
    await switchOnline(bob, 'Work offline')
    await expect(deskState(bob)).toHaveAccessibleDescription(/^Working offline · /)
    await expect(bob.getByRole('status').filter({ hasText: 'Working offline' })).toHaveCount(1)
    await typeAfter(bob, 'The harbour bridge', ' Bob offline here.')
    await typeAfter(ann, 'The harbour bridge', ' Ann online here.')
    await typeAfter(ann, 'Bob checked', ' Ann adds a line.')
    // What B typed is kept in B's library and said to be waiting, not claimed as sent.
    await expect(deskState(bob)).toHaveAccessibleDescription(/^Working offline · \d+ changes? waiting$/)
    await expect(body(ann)).toContainText('Ann adds a line.')
    await expect(body(ann)).not.toContainText('Bob offline here.')

    // Back online: both windows show every word, and B's count goes to nothing waiting.
    await switchOnline(bob, 'Go online')
    for (const page of [ann, bob]) {
      await expect(body(page)).toContainText('Bob offline here.')
      await expect(body(page)).toContainText('Ann online here.')
      await expect(body(page)).toContainText('Bob checked the timetable. Ann adds a line.')
    }
    await expect(deskState(bob)).toHaveAccessibleDescription('Online · all changes on the desk')
    await expect(deskState(ann)).toHaveAccessibleDescription('Online · all changes on the desk')

    // A hands the story to B, by the keyboard alone; B's open story and library say B has it.
    await ann.getByRole('button', { name: 'Hand to…' }).focus()
    await ann.keyboard.press('Enter')
    const handTo = ann.getByRole('dialog', { name: 'Hand to' })
    await expect(handTo.getByRole('textbox', { name: 'Colleague' })).toBeFocused()
    await ann.keyboard.type('bob')
    await ann.keyboard.press('Tab')
    await expect(handTo.getByRole('combobox', { name: 'Status' })).toBeFocused()
    await handTo.getByRole('combobox', { name: 'Status' }).selectOption('editing')
    await expectNoAxeViolations(ann, 'the Hand to dialog')
    await ann.keyboard.press('Tab')
    await ann.keyboard.press('Tab')
    await expect(handTo.getByRole('button', { name: 'Hand over' })).toBeFocused()
    await ann.keyboard.press('Enter')
    await expect(handTo).toBeHidden()
    await expect(ann.getByRole('article', { name: 'Story' }).getByText('ann’s · with bob')).toBeVisible()
    await expect(bob.getByRole('article', { name: 'Story' }).getByText('ann’s · with bob')).toBeVisible()
    await expect(bob.getByRole('combobox', { name: 'Story status' })).toHaveValue('editing')
    await expectNoAxeViolations(bob, 'a shared story handed over, at 720 px')
    await bob.getByRole('button', { name: 'Library', exact: true }).click()
    await expect(row(bob, 'Harbour bridge closes')).toContainText('ann’s · with bob')
  } finally {
    for (const page of windows) await page.context().close()
    for (const library of libraries) {
      library.desk?.close()
      library.close()
    }
    await server.close()
  }
})
