import type { Page } from '@playwright/test'
import { bodyFromParagraphs } from '../src/shared/body'
import { createStory, deleteStory, getStory, saveStory } from '../src/main/library/stories'
import type { Library } from '../src/main/library'
import { expect, test } from './bridge'

/** The desk's other copy on the harbour storm, written for this test. */
function harbourDesk(library: Library) {
  const make = (headline: string, paragraph: string, status: 'published' | 'ready' | 'draft' = 'published') =>
    createStory(library.db, {
      headline,
      status,
      body: bodyFromParagraphs([paragraph]),
      dateline: { place: 'WHITBY', date: '2026-11-18' },
    })
  return {
    wall: make(
      'Harbour wall collapses in overnight storm',
      'Waves broke through the harbour wall at Whitby before dawn.',
    ),
    boats: make(
      'Fishing boats sunk at their harbour moorings',
      'Six boats were lost in the harbour as the storm peaked.',
    ),
    repair: make(
      'Council sets aside £2m for harbour repairs',
      'The harbour will be rebuilt by spring, the council said.',
      'ready',
    ),
    lifeboat: make('Lifeboat crew rescue walkers cut off by the tide', 'Two walkers were rescued near Whitby harbour.'),
    other: make('School meals plan approved in Leeds', 'Councillors voted for free meals in every primary school.'),
  }
}

async function openStory(page: Page, headline: RegExp) {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: headline }).click()
  await page.getByRole('tab', { name: 'Related' }).click()
}

// Long flows (a dozen api round trips and two page loads each): three times the default time.
test.slow()

const related = (page: Page) =>
  page.getByRole('list', { name: 'Related stories' }).getByRole('listitem').locator('.related-headline')

test('an editor searches, adds three stories, reorders by keyboard, removes one, and the order holds after a reload', async ({
  desk,
  page,
}) => {
  const { wall, boats, repair } = harbourDesk(desk.library)
  const main = createStory(desk.library.db, {
    headline: 'Storm clean-up begins on the Yorkshire coast',
    body: bodyFromParagraphs(['Crews cleared the seafront at Whitby after the storm.']),
  })
  await page.reload()
  await openStory(page, /Storm clean-up begins/)

  const find = page.getByLabel('Find a story to relate')
  await find.fill('harbo')
  const found = page.getByRole('list', { name: 'Stories found' })
  await expect(found.getByRole('listitem')).toHaveCount(4)
  await expect(found.locator('mark').first()).toHaveText(/^harbou?r?$/i)
  await found.getByRole('button', { name: `Add “${wall.headline}”` }).click()
  await found.getByRole('button', { name: `Add “${boats.headline}”` }).click()
  await found.getByRole('button', { name: `Add “${repair.headline}”` }).click()
  await expect(found.getByRole('button', { name: `“${wall.headline}” is already related` })).toBeDisabled()
  await expect(related(page)).toHaveText([wall.headline, boats.headline, repair.headline])
  // Each entry shows its story's status and date.
  const entries = page.getByRole('list', { name: 'Related stories' }).getByRole('listitem')
  await expect(entries.nth(2)).toContainText('ready')
  await expect(entries.nth(2).locator('time')).toHaveAttribute('datetime', '2026-11-18')

  // The third entry to the top, from the keyboard, announced as it goes.
  await entries.nth(2).focus()
  await page.keyboard.press('Alt+ArrowUp')
  await page.keyboard.press('Alt+ArrowUp')
  await expect(related(page)).toHaveText([repair.headline, wall.headline, boats.headline])
  await expect(page.locator('.related-live')).toHaveText(`Moved “${repair.headline}” to position 1 of 3.`)
  await expect(entries.nth(0)).toBeFocused()
  await page.keyboard.press('Alt+ArrowUp')
  await expect(page.locator('.related-live')).toHaveText(`“${repair.headline}” is already first.`)

  await page.getByRole('button', { name: `Remove “${wall.headline}”` }).click()
  await expect(related(page)).toHaveText([repair.headline, boats.headline])
  await expect(page.getByRole('status')).toHaveText('Saved')

  await page.reload()
  await openStory(page, /Storm clean-up begins/)
  await expect(related(page)).toHaveText([repair.headline, boats.headline])
  expect(getStory(desk.library.db, main.id).related).toEqual([
    { headline: repair.headline, storyId: repair.id },
    { headline: boats.headline, storyId: boats.id },
  ])
})

test('suggestions, drag and drop, links checked, wire headlines linked, and gone stories said so', async ({
  desk,
  page,
}) => {
  const { wall, boats, lifeboat, other } = harbourDesk(desk.library)
  const main = createStory(desk.library.db, {
    headline: 'Whitby harbour storm: what we know',
    body: bodyFromParagraphs(['The storm broke the harbour wall at Whitby and sank boats at their moorings.']),
    related: [
      { headline: 'Lifeboat crew rescue two walkers cut off by the tide' },
      { headline: 'Leeds primary pupils to get free school meals' },
    ],
  })
  const pulled = createStory(desk.library.db, { headline: 'Harbour master resigns', status: 'published' })
  saveStory(desk.library.db, { id: pulled.id, expectedRevision: 1, changes: { status: 'editing' }, reason: 'status' })
  const gone = createStory(desk.library.db, { headline: 'Storm warning issued for the coast' })
  saveStory(desk.library.db, {
    id: main.id,
    expectedRevision: 1,
    changes: {
      related: [
        ...getStory(desk.library.db, main.id).related,
        { headline: pulled.headline, storyId: pulled.id },
        { headline: gone.headline, storyId: gone.id },
      ],
    },
    reason: 'edit',
  })
  deleteStory(desk.library.db, gone.id)
  await page.reload()
  await openStory(page, /Whitby harbour storm/)

  const entries = page.getByRole('list', { name: 'Related stories' }).getByRole('listitem')
  await expect(entries.filter({ hasText: gone.headline })).toContainText('Deleted: no longer in the library')
  await expect(entries.filter({ hasText: pulled.headline })).toContainText('Unpublished')

  // Wire headlines: the matching library story is offered; one click links it, or the headline is dropped.
  const lifeboatEntry = entries.filter({ hasText: 'Lifeboat crew rescue two walkers' })
  await expect(lifeboatEntry).toContainText('From the wire: not linked yet')
  await lifeboatEntry.getByRole('button', { name: `Link to “${lifeboat.headline}”` }).click()
  await expect(related(page).first()).toHaveText(lifeboat.headline)
  const schoolEntry = entries.filter({ hasText: 'Leeds primary pupils' })
  await expect(schoolEntry.getByRole('button', { name: `Link to “${other.headline}”` })).toBeVisible()
  await schoolEntry.getByRole('button', { name: 'Drop “Leeds primary pupils to get free school meals”' }).click()
  await expect(related(page)).toHaveText([lifeboat.headline, pulled.headline, gone.headline])

  // Suggestions come from the story's own words; the ones already added are not offered.
  const suggested = page.getByRole('list', { name: 'Suggested stories' })
  await expect(suggested.getByRole('listitem').first()).toBeVisible()
  await expect(suggested).toContainText(wall.headline)
  await expect(suggested).toContainText(boats.headline)
  await expect(suggested).not.toContainText(lifeboat.headline)
  await suggested.getByRole('button', { name: `Add “${boats.headline}”` }).click()
  await expect(related(page).last()).toHaveText(boats.headline)

  // A link that is not http(s) is refused with the reason; a good one is added.
  await page.getByLabel('Linked page’s title').fill('Coastguard advice')
  await page.getByLabel('Linked page’s web address').fill('javascript:alert(1)')
  await page.getByRole('button', { name: 'Add link' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Only http and https links can be added; "javascript:" links are refused.',
  )
  await expect(page.getByLabel('Linked page’s web address')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Linked page’s web address').fill('gov.uk/coastguard')
  await page.getByRole('button', { name: 'Add link' }).click()
  await expect(related(page).last()).toHaveText('Coastguard advice')
  await expect(entries.last().getByRole('link', { name: 'gov.uk' })).toHaveAttribute(
    'href',
    'https://gov.uk/coastguard',
  )

  // Drag the link to the top.
  await entries.last().dragTo(entries.first())
  await expect(related(page)).toHaveText([
    'Coastguard advice',
    lifeboat.headline,
    pulled.headline,
    gone.headline,
    boats.headline,
  ])
  await page.screenshot({ path: '/tmp/related.png' })

  await expect(page.getByRole('status')).toHaveText('Saved')
  expect(getStory(desk.library.db, main.id).related).toEqual([
    { headline: 'Coastguard advice', url: 'https://gov.uk/coastguard' },
    { headline: lifeboat.headline, storyId: lifeboat.id },
    { headline: pulled.headline, storyId: pulled.id },
    { headline: gone.headline, storyId: gone.id },
    { headline: boats.headline, storyId: boats.id },
  ])
})
