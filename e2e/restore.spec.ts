import type { Page } from '@playwright/test'
import { call } from '../src/main/api'
import { addMedia } from '../src/main/library/media'
import { getStory } from '../src/main/library/stories'
import { bodyOf, paragraphNode } from '../src/shared/body'
import { makePng } from '../test/fixtures/pictures/images'
import { expect, test } from './bridge'

const relatedHeadlines = (page: Page) =>
  page.getByRole('list', { name: 'Related stories' }).getByRole('listitem').locator('.related-headline')

test('an editor restores an older text revision: what it did not have is named first, its pictures and related stories stay, and Undo restore brings everything back', async ({
  desk,
  page,
}) => {
  const db = desk.library.db
  const lead = addMedia(db, makePng(64, 48), { name: 'lead.png' }).id
  const inBody = addMedia(db, makePng(40, 30), { name: 'body.png' }).id
  const earlier = call(desk.library, 'story:create', { headline: 'Severn breaks its banks at Tewkesbury' })
  const warning = call(desk.library, 'story:create', { headline: 'Environment Agency issues flood warnings' })
  const laterBodyPicture = addMedia(db, makePng(50, 30), { name: 'later.png' }).id
  // Revision 1: the text, a lead picture, a body picture and one related story.
  const story = call(desk.library, 'story:create', {
    headline: 'Rivers rise across the Midlands',
    leadPicture: { mediaId: lead, caption: 'Floodwater in Worcester', credit: 'PA', alt: 'A flooded street' },
    body: bodyOf([
      paragraphNode('The Severn rose two metres overnight.'),
      {
        type: 'picture',
        version: 1,
        mediaId: inBody,
        caption: 'Sandbags at Upton',
        credit: 'AP',
        alt: 'Sandbags',
      },
    ]),
    related: [{ headline: earlier.headline, storyId: earlier.id }],
  })

  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  // The editor rewrites the headline, adds a second related story from the Related panel ...
  await page.getByRole('textbox', { name: 'Headline', exact: true }).fill('Rivers rise again across the Midlands')
  await page.getByRole('tab', { name: 'Related' }).click()
  await page.getByLabel('Find a story to relate').fill('flood warnings')
  await page
    .getByRole('list', { name: 'Stories found' })
    .getByRole('button', { name: `Add “${warning.headline}”` })
    .click()
  await expect(relatedHeadlines(page)).toHaveText([earlier.headline, warning.headline])
  await expect(page.getByRole('status')).toHaveText('Saved')
  // ... and a second picture arrives in the body (from another window: the library changes, the story reopens).
  const now = getStory(db, story.id)
  call(desk.library, 'story:save', {
    id: story.id,
    expectedRevision: now.revision,
    reason: 'edit',
    changes: {
      body: bodyOf([
        ...now.body.root.children,
        {
          type: 'picture',
          version: 1,
          mediaId: laterBodyPicture,
          caption: 'Boats on the high street',
          credit: 'Reuters',
          alt: 'Boats',
        },
      ]),
    },
  })
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  await expect(page.getByLabel('Story body').getByRole('figure')).toHaveCount(2)

  // History shows every field that changed since the first revision, pictures and related stories too.
  await page.getByRole('tab', { name: 'History' }).click()
  const revisions = page.getByRole('list', { name: 'Revisions' })
  await revisions.getByRole('button', { name: /Created/ }).click()
  const diff = page.getByLabel('Changes from revision 1 to now')
  await expect(diff.getByRole('heading', { level: 4 })).toHaveText([
    'Headline',
    'Pictures in the body',
    'Related stories',
  ])
  await expect(diff.getByRole('region', { name: 'Related stories: what changed' }).locator('ins')).toContainText(
    warning.headline,
  )
  await expect(diff.getByRole('region', { name: 'Pictures in the body: what changed' }).locator('ins')).toContainText(
    'Boats on the high street',
  )
  await expect(diff.locator('.diff-summary')).toHaveText('From revision 1 to now: 1 word added, 0 removed')
  await page.screenshot({ path: 'docs/screenshots/history-diff.png' })

  // Restore says what it will do, naming what revision 1 did not have.
  await page.getByRole('button', { name: 'Restore this version…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore revision 1?' })
  await expect(dialog.getByRole('list', { name: 'Taken out by the restore' }).getByRole('listitem')).toHaveText([
    'the body picture “Boats on the high street”',
    `the related story “${warning.headline}”`,
  ])
  await expect(dialog).toContainText('headline, pictures in the body, related stories change')
  await dialog.getByRole('button', { name: 'Restore revision 1' }).click()
  await expect(dialog).toBeHidden()

  // What revision 1 had is all there: headline, lead picture, body picture, related story.
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue(
    'Rivers rise across the Midlands',
  )
  await expect(page.getByLabel('Story body').getByRole('figure')).toHaveCount(1)
  await expect(page.getByLabel('Story body').getByLabel('Picture caption')).toHaveValue('Sandbags at Upton')
  const restored = getStory(db, story.id)
  expect(restored.leadPicture).toEqual({
    mediaId: lead,
    caption: 'Floodwater in Worcester',
    credit: 'PA',
    alt: 'A flooded street',
  })
  expect(restored.related).toEqual([{ headline: earlier.headline, storyId: earlier.id }])
  expect(restored.body.root.children.filter((b) => b.type === 'picture').map((b) => b.mediaId)).toEqual([inBody])

  // Undo restore: everything the story had a moment ago is back, after a reload too.
  await page
    .getByRole('status')
    .filter({ hasText: 'Restored revision 1.' })
    .getByRole('button', { name: 'Undo restore' })
    .click()
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue(
    'Rivers rise again across the Midlands',
  )
  await expect(page.getByLabel('Story body').getByRole('figure')).toHaveCount(2)
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue(
    'Rivers rise again across the Midlands',
  )
  await expect(page.getByLabel('Story body').getByRole('figure')).toHaveCount(2)
  await page.getByRole('tab', { name: 'Related' }).click()
  await expect(relatedHeadlines(page)).toHaveText([earlier.headline, warning.headline])
  const undone = getStory(db, story.id)
  expect(undone.leadPicture?.mediaId).toBe(lead)
  expect(undone.body.root.children.filter((b) => b.type === 'picture').map((b) => b.mediaId)).toEqual([
    inBody,
    laterBodyPicture,
  ])
  const history = call(desk.library, 'story:revisions', { id: story.id }).revisions
  expect(history.slice(0, 2).map((e) => [e.reason, e.note])).toEqual([
    ['restore', `revision ${history[1]!.revision - 1}`],
    ['restore', 'revision 1'],
  ])
})

/**
 * Undo restore on a busy machine: the undo is made in the library at once, its answer is late, and
 * the editor types on meanwhile. Those keys went to the editor being replaced: its save, made on
 * the revision before the restore, was refused as a conflict, and the reload dropped the editor and
 * its words with it. Now the editor closes before the restore is made (its last keys saved as it
 * goes), and the story opens again restored: whatever is typed goes into the restored story.
 */
test('keys typed while a restore is on its way are all kept, and the restore holds', async ({ desk, page }) => {
  test.slow()
  const db = desk.library.db
  const story = call(desk.library, 'story:create', {
    headline: 'Council sets the budget',
    body: bodyOf([paragraphNode('The council approved the budget.')]),
  })
  await page.reload()
  await page.locator(`[data-story-id="${story.id}"]`).click()
  const body = page.getByLabel('Story body')
  await body.locator('p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' It passed nine to two.')
  await expect(page.getByRole('status')).toHaveText('Saved')

  // Back to the first revision, then Undo restore: the words typed come back.
  await page.getByRole('tab', { name: 'History' }).click()
  await page
    .getByRole('list', { name: 'Revisions' })
    .getByRole('button', { name: /Created/ })
    .click()
  await page.getByRole('button', { name: 'Restore this version…' }).click()
  await page
    .getByRole('dialog', { name: 'Restore revision 1?' })
    .getByRole('button', { name: 'Restore revision 1' })
    .click()
  await expect(body).toHaveText('The council approved the budget.')
  const restored = getStory(db, story.id).revision
  desk.slowAnswers({ 'story:restore': 3000 })
  await page
    .getByRole('status')
    .filter({ hasText: 'Restored revision 1.' })
    .getByRole('button', { name: 'Undo restore' })
    .click()
  // The undo is in the library; the page has not heard back yet. The editor types on.
  await expect.poll(() => getStory(db, story.id).revision).toBeGreaterThan(restored)
  await body.locator('p').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Late words.')
  desk.slowAnswers({})

  // Every letter is in the story, on top of the undone restore; nothing was refused.
  await expect(body).toHaveText('The council approved the budget. It passed nine to two. Late words.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(getStory(db, story.id).bodyText).toBe('The council approved the budget. It passed nine to two. Late words.')
  const history = call(desk.library, 'story:revisions', { id: story.id }).revisions
  expect(history.slice(0, 3).map((e) => [e.reason, e.note])).toEqual([
    ['autosave', undefined],
    ['restore', `revision ${history[2]!.revision - 1}`],
    ['restore', 'revision 1'],
  ])
})
