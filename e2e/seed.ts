import type { Page } from '@playwright/test'
import { bodyFromParagraphs, bodyOf, headingNode, listNode, paragraphNode } from '../src/shared/body'
import { createStory } from '../src/main/library/stories'
import type { Library } from '../src/main/library'

/**
 * A library as a desk has it: a few stories in each state, and one filled in every field (bylines,
 * dateline, slug, a body with a subheading and a list, related stories, a finding for the checks),
 * so every panel has something to show. Returns the filled story.
 */
export function seedDesk(library: Library) {
  const db = library.db
  const ferry = createStory(db, {
    headline: 'Ferry operator adds winter sailings to the islands',
    status: 'published',
    bylines: [{ name: 'Mairi Campbell', kind: 'person' }],
  })
  const budget = createStory(db, {
    headline: 'Council budget: what the new rates mean for households',
    status: 'ready',
    bylines: [{ name: 'Tom Okafor', kind: 'person' }],
  })
  createStory(db, { headline: 'Bus lanes extended along the ring road', status: 'draft' })
  return createStory(db, {
    headline: 'Flood barriers hold as the Ouse peaks in York',
    standfirst: 'Residents begin to return home after the river crested overnight, a metre below the 2015 record.',
    status: 'editing',
    slug: 'york-floods',
    bylines: [
      { name: 'Amira Shah', kind: 'person' },
      { name: 'Press Association', kind: 'agency' },
    ],
    dateline: { place: 'YORK', date: '2026-11-24T06:45', source: 'PA' },
    related: [
      { headline: ferry.headline, storyId: ferry.id },
      { headline: budget.headline, storyId: budget.id },
    ],
    body: bodyOf([
      paragraphNode(
        'The river Ouse peaked at 4.9 metres before dawn on Tuesday, and the city’s new barriers held, the Environment Agency said.',
      ),
      paragraphNode('Mr said about 300 homes in the Clementhorpe and Skeldergate areas were evacuated on Sunday.'),
      headingNode('What happens next'),
      listNode('bullet', ['Sandbags stay in place until at least Friday', 'Two schools reopen on Monday']),
    ]),
  })
}

/** A story of these paragraphs made in the library and opened, the caret in its first paragraph. */
export async function openStoryBody(library: Library, page: Page, headline: string, paragraphs: string[]) {
  createStory(library.db, { headline, body: bodyFromParagraphs(paragraphs) })
  await page.reload()
  await page.getByRole('button', { name: headline }).click()
  const body = page.getByLabel('Story body')
  await body.locator('p').first().click()
  return body
}
