import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectNoAxeViolations } from './axe'
import { expect, test } from './bridge'
import { openStoryBody } from './seed'
import { call } from '../src/main/api'
import { bodyFromParagraphs } from '../src/shared/body'
import { commentThreads, openComments } from '../src/shared/comments'

const COMMENT = 'Check the Zanzibar-kumquat figure'
const REPLY = 'Confirmed with Quillfeather'

/** Every file an export wrote under a folder, decoded. */
function written(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('utf8'))
    .join('\n')
}

test('an editor comments on words, replies, resolves, finds it after a reload, and the export has no trace of it', async ({
  desk,
  page,
}, testInfo) => {
  test.slow()
  const story = call(desk.library, 'story:create', {
    headline: 'Harbour shop sales fall',
    body: bodyFromParagraphs(['Sales fell 3 per cent last year at the harbour shop.', 'The owner blamed the weather.']),
  })
  await page.reload()
  await page.getByRole('button', { name: /Harbour shop sales fall/ }).click()

  // Select "fell 3 per cent" with the keyboard and comment on it (Ctrl+Alt+M).
  const body = page.getByLabel('Story body')
  await body.locator('p').first().click()
  await page.keyboard.press('Home')
  for (let i = 0; i < 'Sales '.length; i++) await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 'fell 3 per cent'.length; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Control+Alt+m')
  const box = page.getByRole('group', { name: 'Comment on “fell 3 per cent”' })
  await expect(box).toBeVisible()
  await expect(box.getByRole('textbox', { name: 'Comment', exact: true })).toBeFocused()
  await page.keyboard.type(COMMENT)
  await box.getByRole('button', { name: 'Add comment', exact: true }).click()
  await expect(box).toBeHidden()
  // The words are marked in the body, and their text is unchanged.
  await expect(body.locator('mark')).toHaveText('fell 3 per cent')
  await expect(body.locator('p').first()).toHaveText('Sales fell 3 per cent last year at the harbour shop.')

  // The Notes panel lists it with its words; reply to it.
  await page.getByRole('tab', { name: 'Notes', exact: true }).click()
  const open = page.getByRole('list', { name: 'Open comments' })
  const thread = open.getByRole('listitem', { name: 'Go to “fell 3 per cent”' })
  await expect(thread).toBeVisible()
  await expect(thread.getByText(COMMENT)).toBeVisible()
  await thread.getByRole('textbox', { name: 'Reply to the comment on “fell 3 per cent”' }).fill(REPLY)
  await thread.getByRole('button', { name: 'Reply', exact: true }).click()
  await expect(thread.getByText(REPLY)).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('Saved')
  await expectNoAxeViolations(page, 'the Notes panel with a comment thread')
  await page.screenshot({ path: testInfo.outputPath('notes.png') })

  // After a reload it is all still there; choosing the thread selects its words in the body.
  await page.reload()
  await page.getByRole('button', { name: /Harbour shop sales fall/ }).click()
  await page.getByRole('tab', { name: 'Notes', exact: true }).click()
  const again = page
    .getByRole('list', { name: 'Open comments' })
    .getByRole('listitem', { name: 'Go to “fell 3 per cent”' })
  await expect(again.getByText(COMMENT)).toBeVisible()
  await expect(again.getByText(REPLY)).toBeVisible()
  await again.getByRole('button', { name: 'Go to “fell 3 per cent”' }).press('Enter')
  await expect(body).toBeFocused()
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('fell 3 per cent')

  // Resolve: it folds away into the resolved list, and can be reopened from there.
  await again.getByRole('button', { name: 'Resolve', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Open comments' })).toBeHidden()
  await page.getByText('1 resolved comment', { exact: true }).click()
  const resolved = page
    .getByRole('list', { name: 'Resolved comments' })
    .getByRole('listitem', { name: 'Go to “fell 3 per cent”' })
  await expect(resolved.getByRole('button', { name: 'Reopen', exact: true })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('Saved')

  // History says what happened to the comments since the story was created.
  await page.getByRole('tab', { name: 'History', exact: true }).click()
  await page
    .getByRole('list', { name: 'Revisions' })
    .getByRole('button', { name: /Created/ })
    .click()
  const diff = page.getByLabel('Changes from revision 1 to now')
  await expect(diff.locator('.diff-comments')).toHaveText('Comments: 1 added, 1 reply, 1 resolved')
  await expect(diff.getByRole('region', { name: 'Comments: what changed' }).locator('ins')).toContainText(COMMENT)

  // Saved with the story: one thread, two comments, resolved; none open for the preflight.
  const saved = call(desk.library, 'story:get', { id: story.id })
  expect(commentThreads(saved.body)).toMatchObject([
    { quote: 'fell 3 per cent', comments: [{ text: COMMENT }, { text: REPLY }], resolved: {} },
  ])
  expect(openComments(saved.body)).toBe(0)

  // Export as HTML and as ninjs: the words publish, the comment, its reply, its mark do not.
  for (const format of ['html', 'ninjs'] as const) {
    const out = testInfo.outputPath(`export-${format}`)
    const { results } = await call(desk.library, 'story:export', { ids: [story.id], outDir: out, format })
    expect(results[0]!.ok).toBe(true)
    const bytes = written(out)
    expect(bytes).toContain('fell 3 per cent')
    for (const trace of ['Zanzibar-kumquat', 'Quillfeather', '<mark', 'Check the']) expect(bytes).not.toContain(trace)
  }
})

test('copying commented words out of the body carries the words, not the comment', async ({ desk, page }) => {
  const body = await openStoryBody(desk.library, page, 'Ferry timetable changes', ['Ferries leave at noon on Sundays.'])
  await page.keyboard.press('End')
  for (let i = 0; i < 'on Sundays.'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.getByRole('button', { name: 'Comment on the selected words' }).click()
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('Obsidian-llama: is this still true?')
  await page.getByRole('button', { name: 'Add comment', exact: true }).click()
  await expect(body.locator('mark')).toHaveText('on Sundays.')

  // Select the whole paragraph and copy it as the browser would.
  await body.locator('p').first().click()
  await page.keyboard.press('Control+a')
  const copied = await body.evaluate((editable) => {
    const data = new DataTransfer()
    editable.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }))
    return { html: data.getData('text/html'), text: data.getData('text/plain') }
  })
  expect(copied.text).toBe('Ferries leave at noon on Sundays.')
  expect(copied.html).toContain('on Sundays.')
  expect(copied.html).not.toMatch(/<mark|Obsidian-llama/)
})

test('a comment stays on its words as the editor splits and joins the paragraph, and after a reload', async ({
  desk,
  page,
}) => {
  const body = await openStoryBody(desk.library, page, 'Ferry fares rise', ['Fares rise by ten per cent in March.'])
  await page.keyboard.press('Home')
  for (let i = 0; i < 'Fares rise by '.length; i++) await page.keyboard.press('ArrowRight')
  for (let i = 0; i < 'ten per cent'.length; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.getByRole('button', { name: 'Comment on the selected words' }).click()
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('Ten or twelve?')
  await page.keyboard.press('Control+Enter')
  await expect(body.locator('mark')).toHaveText('ten per cent')
  // The words get the focus back after the comment is added (in a frame of its own): keys pressed
  // before that would move the caret in the comment box, not in the story.
  await expect(body).toBeFocused()

  // Enter inside the marked words: the comment now spans two paragraphs.
  await page.keyboard.press('Home')
  for (let i = 0; i < 'Fares rise by ten '.length; i++) await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(body.locator('p')).toHaveCount(2)
  await expect(body.locator('mark')).toHaveText(['ten', 'per cent'])
  // Backspace joins them again; the words and their comment are whole.
  await page.keyboard.press('Backspace')
  await expect(body.locator('p')).toHaveCount(1)
  await expect(body.locator('p')).toHaveText('Fares rise by ten per cent in March.')
  await expect(body.locator('mark')).toHaveText(['ten per cent'])
  await expect(page.getByRole('status')).toHaveText('Saved')

  await page.reload()
  await page.getByRole('button', { name: /Ferry fares rise/ }).click()
  await page.getByRole('tab', { name: 'Notes', exact: true }).click()
  const thread = page
    .getByRole('list', { name: 'Open comments' })
    .getByRole('listitem', { name: 'Go to “ten per cent”' })
  await expect(thread.getByText('Ten or twelve?')).toBeVisible()
})
