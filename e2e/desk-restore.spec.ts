import type { Browser, Page } from '@playwright/test'
import { call } from '../src/main/api'
import { openLibrary, type Library } from '../src/main/library'
import { bodyFromParagraphs } from '../src/shared/body'
import { startDesk, type Desk as DeskServer } from '../test/team/harness'
import { expectNoAxeViolations } from './axe'
import { bridgeContext, expect, ORIGIN, test } from './bridge'
import { deskState, postgresMissing, signIn, storyBody as body, storyRow as row } from './desk-window'

// History's Restore and Undo restore on a story shared to the desk, in two editors' windows (two
// Chromium pages, each bridged to its own library) on a real desk server over a real PostgreSQL
// cluster: docs/team.md, "Restore on a shared story".

async function editorWindow(browser: Browser, library: Library): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await bridgeContext(page, library)
  await page.goto(`${ORIGIN}/index.html`)
  return page
}

const restoreNotice = (page: Page) => page.locator('.restore-notice')

test('a restore on a shared story reaches the colleague’s open story and history, who can undo it for both; a reload keeps it', async ({
  browser,
}, testInfo) => {
  const missing = postgresMissing()
  test.skip(missing !== null, `the desk needs PostgreSQL: ${missing}`)
  test.setTimeout(180_000)
  const server: DeskServer = await startDesk()
  const libraries = [openLibrary(testInfo.outputPath('ann.sqlite')), openLibrary(testInfo.outputPath('bob.sqlite'))]
  const [annLibrary, bobLibrary] = libraries as [Library, Library]
  const windows: Page[] = []
  try {
    await server.addUser('ann', 'editor', 'news')
    await server.addUser('bob', 'editor', 'news')
    call(annLibrary, 'story:create', {
      headline: 'Council votes on the pool',
      body: bodyFromParagraphs(['The council met on Tuesday.']),
    })
    const ann = await editorWindow(browser, annLibrary)
    const bob = await editorWindow(browser, bobLibrary)
    windows.push(ann, bob)
    await bob.setViewportSize({ width: 720, height: 900 })
    await signIn(ann, server.url, 'ann')
    await signIn(bob, server.url, 'bob')

    // Ann shares the story, then adds a sentence; Bob has it open and sees it.
    await row(ann, 'Council votes').click()
    await ann.getByRole('button', { name: 'Share to desk' }).click()
    await expect(ann.getByRole('article', { name: 'Story' }).getByText('ann’s · on the desk')).toBeVisible()
    await body(ann).getByText('The council met on Tuesday.').click()
    await ann.keyboard.press('End')
    await ann.keyboard.type(' It voted to close the pool.')
    await expect(deskState(ann)).toHaveAccessibleDescription('Online · all changes on the desk')
    await row(bob, 'Council votes').click()
    await expect(body(bob)).toContainText('It voted to close the pool.')

    // Ann restores the version she shared (her revision 1).
    await ann.getByRole('tab', { name: 'History' }).click()
    await ann
      .getByRole('list', { name: 'Revisions' })
      .getByRole('button', { name: /Created/ })
      .click()
    await ann.getByRole('button', { name: 'Restore this version…' }).click()
    await ann
      .getByRole('dialog', { name: 'Restore revision 1?' })
      .getByRole('button', { name: 'Restore revision 1' })
      .click()
    await expect(body(ann)).toHaveText('The council met on Tuesday.')

    // Bob's open story loses the sentence too, and both Histories say who restored what.
    await expect(body(bob)).toHaveText('The council met on Tuesday.')
    await expect(restoreNotice(ann)).toContainText('(ann on the desk, ')
    await bob.getByRole('tab', { name: 'History' }).click()
    await expect(restoreNotice(bob)).toContainText(/Restored the version saved .* UTC \(ann on the desk, /)
    await expectNoAxeViolations(bob, 'a colleague’s restore in History, at 720 px')

    // Bob undoes it: the sentence is back in both windows, and Ann's History says Bob did it.
    await restoreNotice(bob).getByRole('button', { name: 'Undo restore' }).click()
    for (const page of [bob, ann])
      await expect(body(page)).toHaveText('The council met on Tuesday. It voted to close the pool.')
    await expect(restoreNotice(ann)).toContainText('(bob on the desk, ')
    await expect(deskState(bob)).toHaveAccessibleDescription('Online · all changes on the desk')

    // Ann's window reloads (the story read again from her library and the desk): as Bob left it.
    await ann.reload()
    await row(ann, 'Council votes').click()
    await expect(body(ann)).toHaveText('The council met on Tuesday. It voted to close the pool.')
  } finally {
    for (const page of windows) await page.context().close()
    for (const library of libraries) {
      library.desk?.close()
      library.close()
    }
    await server.close()
  }
})
