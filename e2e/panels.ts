import { expect, type Page } from '@playwright/test'

/**
 * The labels of the story's side-panel tabs, once they are on screen. The panels mount the frame
 * after the story's words are painted (so the words come first), which means a read made straight
 * after the words are seen can find no tabs at all: CI at cc809c3 failed that way under load.
 */
export async function storyToolTabs(page: Page): Promise<string[]> {
  const tabs = page.getByRole('tablist', { name: 'Story tools' }).getByRole('tab')
  await expect(tabs.first()).toBeVisible()
  const labels = await tabs.allTextContents()
  expect(labels.length, 'story tool tabs').toBeGreaterThanOrEqual(6)
  return labels
}
