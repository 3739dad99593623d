import { existsSync, readFileSync } from 'node:fs'
import { call } from '../src/main/api'
import { openLibrary } from '../src/main/library'
import { tokenFileOf } from '../src/main/library/desk/token-store'
import { bodyFromParagraphs } from '../src/shared/body'
import { PASSWORD, startDesk, type Desk as DeskServer } from '../test/team/harness'
import { expectNoAxeViolations } from './axe'
import { bridgeContext, expect, ORIGIN, test } from './bridge'
import { deskDialog, deskState, postgresMissing, signIn, storyBody as body, switchOnline } from './desk-window'

// The Desk dialog's Sign out (docs/team.md, "Signing out"): a real desk server (its own process)
// over a real PostgreSQL cluster, one window bridged to its own library, 720 px wide.
test('signing out: the desk refuses the old sign-in; with changes waiting it says how many, and "Sign out anyway" keeps them', async ({
  browser,
}, testInfo) => {
  const missing = postgresMissing()
  test.skip(missing !== null, `the desk needs PostgreSQL: ${missing}`)
  test.setTimeout(300_000)
  const server: DeskServer = await startDesk()
  const library = openLibrary(testInfo.outputPath('ann.sqlite'))
  const context = await browser.newContext({ viewport: { width: 720, height: 900 } })
  try {
    await server.addUser('ann', 'editor', 'news')
    const { id } = call(library, 'story:create', {
      headline: 'Tram depot fire',
      body: bodyFromParagraphs(['Crews fought the fire overnight.']),
    })
    const page = await context.newPage()
    await bridgeContext(page, library)
    await page.goto(`${ORIGIN}/index.html`)
    await signIn(page, server.url, 'ann')
    const token = readFileSync(tokenFileOf(library), 'utf8')
    const feedWith = (t: string) => fetch(`${server.url}/api/feed`, { headers: { authorization: `Bearer ${t}` } })
    expect((await feedWith(token)).status).toBe(200)

    // A shared story, edited while working offline: its changes wait here.
    await page.getByRole('grid', { name: 'Stories' }).getByRole('button').filter({ hasText: 'Tram depot fire' }).click()
    await page.getByRole('button', { name: 'Share to desk' }).click()
    await expect(page.getByRole('article', { name: 'Story' }).getByText('ann’s · on the desk')).toBeVisible()
    await switchOnline(page, 'Work offline')
    await body(page).getByText('Crews fought').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Two trams were lost.')
    await expect(deskState(page)).toHaveAccessibleDescription(/^Working offline · \d+ changes? waiting$/)

    // Sign out is refused with the count (what the library holds as waiting once the typing is
    // saved); Wait keeps the sign-in.
    await deskState(page).click()
    const dialog = deskDialog(page)
    await dialog.getByRole('button', { name: 'Sign out' }).click()
    const alert = dialog.getByRole('alert')
    await expect(alert).toBeVisible()
    const waiting = library.desk!.status().waiting
    expect(waiting).toBeGreaterThan(0)
    await expect(alert).toContainText(`${waiting} ${waiting === 1 ? 'change' : 'changes'} of yours`)
    await expectNoAxeViolations(page, 'sign-out refused with changes waiting, at 720 px')
    await alert.getByRole('button', { name: 'Wait' }).click()
    await expect(alert).toBeHidden()
    expect(library.desk!.signedIn).toBe(true)
    expect((await feedWith(token)).status).toBe(200)

    // Sign out anyway: the desk revokes the sign-in; the changes stay in this library.
    await dialog.getByRole('button', { name: 'Sign out' }).click()
    await dialog.getByRole('alert').getByRole('button', { name: 'Sign out anyway' }).click()
    await expect(dialog.getByText(/^Signed out\. Shared stories stay readable/)).toContainText(
      `${waiting} waiting ${waiting === 1 ? 'change goes' : 'changes go'} up when you sign in again`,
    )
    await expect(dialog.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
    const refused = await feedWith(token)
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { error: string }).error).toContain('sign in again')
    expect(existsSync(tokenFileOf(library))).toBe(false)
    expect(library.desk!.status().waiting).toBe(waiting)
    expect(call(library, 'story:get', { id }).bodyText).toContain('Two trams were lost.')
    await expect(deskState(page)).toHaveAccessibleDescription(/^Signed out · /)
    await expectNoAxeViolations(page, 'signed out, at 720 px')

    // Signing in again sends them up.
    await dialog.getByRole('textbox', { name: 'Server address' }).fill(server.url)
    await dialog.getByRole('textbox', { name: 'Desk user name' }).fill('ann')
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD)
    await dialog.getByRole('button', { name: 'Sign in' }).click()
    await expect(deskState(page)).toHaveAccessibleDescription('Online · all changes on the desk', { timeout: 30_000 })
  } finally {
    await context.close()
    library.desk?.close()
    library.close()
    await server.close()
  }
})
