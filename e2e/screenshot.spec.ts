import { bodyOf, headingNode, listNode, paragraphNode } from '../src/shared/body'
import { createStory } from '../src/main/library/stories'
import { expect, test } from './bridge'

// The README's picture of the editor. `UPDATE_SCREENSHOTS=1 npx playwright test screenshot` writes
// docs/screenshots/editor.png; every run makes one in test-results for a person to look at.
test('the editor with a filled story, as a person sees it', async ({ desk, page }, testInfo) => {
  const db = desk.library.db
  createStory(db, {
    headline: 'Ferry operator adds winter sailings to the islands',
    status: 'published',
    bylines: [{ name: 'Mairi Campbell', kind: 'person' }],
  })
  createStory(db, {
    headline: 'Council budget: what the new rates mean for households',
    status: 'ready',
    bylines: [{ name: 'Tom Okafor', kind: 'person' }],
  })
  const story = createStory(db, {
    headline: 'Flood barriers hold as the Ouse peaks in York',
    standfirst: 'Residents begin to return home after the river crested overnight, a metre below the 2015 record.',
    status: 'editing',
    bylines: [
      { name: 'Amira Shah', kind: 'person' },
      { name: 'Press Association', kind: 'agency' },
    ],
    dateline: { place: 'YORK', date: '2026-11-24T06:45', source: 'PA' },
    body: bodyOf([
      paragraphNode(
        'The river Ouse peaked at 4.9 metres before dawn on Tuesday, and the city’s new barriers held, the Environment Agency said.',
      ),
      paragraphNode(
        'About 300 homes in the Clementhorpe and Skeldergate areas were evacuated on Sunday as a precaution.',
      ),
      headingNode('What happens next'),
      listNode('bullet', [
        'Sandbags stay in place until at least Friday',
        'Two schools reopen on Monday',
        'The Foss barrier remains closed',
      ]),
      paragraphNode('“We built these defences for exactly this kind of week,” said the agency’s area manager.'),
    ]),
  })
  await page.reload()
  await page.getByRole('button', { name: new RegExp(story.headline) }).click()
  await expect(page.getByLabel('Headline')).toHaveValue(story.headline)
  await expect(page.getByLabel('Story body').locator('h2')).toHaveText('What happens next')
  await expect(page.getByLabel('Length')).toContainText('words')
  const path = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/editor.png' : testInfo.outputPath('editor.png')
  await page.screenshot({ path })
})
