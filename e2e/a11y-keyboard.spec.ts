import { getStory } from '../src/main/library/stories'
import { expect, test } from './bridge'
import { expectFocusVisible, press, tabTo } from './keyboard'
import { seedDesk } from './seed'

/**
 * A whole task without the mouse: through the library with arrows and type-ahead, every field of a
 * story, a byline, the checks and a finding, a related story moved, an export; the focus ring
 * shows at every single step.
 */
test('an editor does a whole story with the keyboard alone, and always sees where the focus is', async ({
  desk,
  page,
}, testInfo) => {
  test.slow()
  const story = seedDesk(desk.library)
  await page.reload()
  await expect(page.getByRole('grid', { name: 'Stories' }).getByRole('row')).toHaveCount(4)

  // The first Tab offers the skip links; the library list is one Tab stop.
  expect((await tabTo(page, 'Skip to the library list', { most: 1 })).what).toBe('a')
  let ring = await press(page, 'Enter')
  expect(ring.name).toContain('Flood barriers hold')
  expect((await press(page, 'ArrowDown')).name).toContain('Bus lanes')
  expect((await press(page, 'End')).name).toContain('Ferry operator')
  expect((await press(page, 'Home')).name).toContain('Flood barriers hold')
  expect((await press(page, 'c')).name).toContain('Council budget')
  expect((await press(page, 'End')).name).toContain('Ferry operator')
  await page.keyboard.type('fl')
  expect((await expectFocusVisible(page)).name).toContain('Flood barriers hold')
  // One Tab stop: Shift+Tab leaves the list for the control before it, Tab comes back to the same row.
  expect((await press(page, 'Shift+Tab')).name).not.toContain('Flood barriers hold')
  expect((await press(page, 'Tab')).name).toContain('Flood barriers hold')
  await press(page, 'Enter')
  await expect(page.getByLabel('Headline')).toHaveValue(story.headline)

  // Every field, in the order Tab takes them.
  await tabTo(page, 'Story status')
  await press(page, 'ArrowDown')
  await expect(page.getByLabel('Story status')).toHaveValue('ready')
  await tabTo(page, 'Headline')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Flood barriers hold as the Ouse peaks')
  await tabTo(page, 'Standfirst')
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Schools stay shut.')
  await tabTo(page, 'Byline name')
  await page.keyboard.type('Ruth Elder')
  await press(page, 'Enter')
  await tabTo(page, 'Dateline place')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('SELBY')
  await tabTo(page, 'Dateline source')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('YP')
  await tabTo(page, 'Slug')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('selby-floods')
  await tabTo(page, 'Story body')
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Ends.')
  await expect(page.getByRole('list', { name: 'Bylines' }).getByRole('listitem')).toHaveCount(3)
  await expect(page.getByRole('status')).toHaveText('Saved')

  // The checks: to the panel tabs, arrow to Checks, into the panel, choose the finding.
  ring = await tabTo(page, /^(Picture|Related|Checks|History|Preview|Original)$/)
  expect(ring.what).toBe('button[role=tab]')
  expect((await press(page, 'End')).name).toBe('Original')
  expect((await press(page, 'Home')).name).toBe('Picture')
  expect((await press(page, 'ArrowRight')).name).toBe('Related')
  expect((await press(page, 'ArrowRight')).name).toBe('Checks')
  await expect(page.getByRole('tab', { name: 'Checks' })).toHaveAttribute('aria-selected', 'true')
  await expect(
    page.getByRole('list', { name: 'Findings' }).getByRole('button', { name: /is not followed by a name/ }),
  ).toBeVisible()
  await tabTo(page, /is not followed by a name/)
  await page.keyboard.press('Enter')
  // The editor takes the focus when its update has run.
  await expect(page.getByLabel('Story body')).toBeFocused()
  expect((await expectFocusVisible(page)).name).toBe('Story body')
  const selected = await page.evaluate(() => window.getSelection()?.toString())
  expect(selected).toBe('Mr said')

  // Reorder the related stories: back to the tabs, Related, the first entry down one.
  await tabTo(page, 'Checks')
  expect((await press(page, 'ArrowLeft')).name).toBe('Related')
  ring = await tabTo(page, /^1 of 2: /)
  expect(ring.name).toContain('Ferry operator')
  ring = await press(page, 'Alt+ArrowDown')
  expect(ring.name).toMatch(/^2 of 2: Ferry operator/)
  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(getStory(desk.library.db, story.id)).toMatchObject({
    headline: 'Flood barriers hold as the Ouse peaks',
    status: 'ready',
    slug: 'selby-floods',
    dateline: { place: 'SELBY', source: 'YP' },
    related: [{ storyId: expect.any(Number) }, { headline: 'Ferry operator adds winter sailings to the islands' }],
  })
  expect(getStory(desk.library.db, story.id).bylines.map((b) => b.name)).toEqual([
    'Amira Shah',
    'Press Association',
    'Ruth Elder',
  ])

  // The shortcut sheet, and back to where the editor was.
  await page.keyboard.press('Control+/')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expectFocusVisible(page)
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
  expect((await expectFocusVisible(page)).name).toMatch(/^2 of 2: Ferry operator/)

  // Export: the dialog keeps the focus (Tab goes round it), and gives it back when it closes.
  await page.keyboard.press('Control+e')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  await expectFocusVisible(page)
  await tabTo(page, 'Export folder')
  await page.keyboard.type(testInfo.outputPath('export'))
  const first = await tabTo(page, 'The open story', { back: true })
  // Round the dialog: from its first control Shift+Tab goes to its last, not out to the page.
  expect((await press(page, 'Shift+Tab')).name).toBe('Export')
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true)
  expect(first.name).toBe('The open story')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('status', { name: 'Export report' })).toContainText('1 of 1 story exported')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect((await expectFocusVisible(page)).name).toMatch(/^2 of 2: Ferry operator/)
})

test('on a 720 px window the keyboard reaches the list, the story and the panel drawer, and ? shows the shortcuts', async ({
  desk,
  page,
}) => {
  const story = seedDesk(desk.library)
  await page.setViewportSize({ width: 720, height: 600 })
  await page.reload()
  // The editor sees the list before reaching for it (its rows arrive a moment after the page).
  await expect(page.getByRole('grid', { name: 'Stories' }).getByRole('row').first()).toBeVisible()
  // No story open: the list has the window. Opening one puts the story, and the focus, in its place.
  await tabTo(page, 'Skip to the library list', { most: 1 })
  expect((await press(page, 'Enter')).name).toContain(story.headline)
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Headline')).toHaveValue(story.headline)
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden()
  await expect(page.getByRole('main', { name: 'Story' })).toBeFocused()
  await expectFocusVisible(page)

  // The panel is a drawer: a tab opens it, Escape folds it and gives the focus back to the tab.
  await tabTo(page, 'Picture')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('tabpanel')).toBeVisible()
  await tabTo(page, 'Close panel')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('tabpanel')).toBeHidden()
  expect((await expectFocusVisible(page)).name).toBe('Original')

  // The Library button brings the list back over the story; ? (outside a text field) the shortcuts.
  await tabTo(page, 'Library', { back: true })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible()
  await expect(page.getByRole('main')).toBeHidden()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  expect((await expectFocusVisible(page)).name).toBe('Library')
})
