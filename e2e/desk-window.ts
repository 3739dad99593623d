import { existsSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { findPostgresBin } from '../src/server/postgres-cluster'
import { PASSWORD } from '../test/team/harness'
import { expect } from './bridge'

/**
 * An editor's window on a desk, for the specs that run a real desk server (its own process) over a
 * real PostgreSQL cluster (test/team/harness.ts starts both): docs/team.md.
 */

/** Why the desk cannot run here (no PostgreSQL binaries), or null. */
export function postgresMissing(): string | null {
  try {
    return existsSync(findPostgresBin()) ? null : 'no PostgreSQL binaries'
  } catch (error) {
    return (error as Error).message
  }
}

// The desk's state is the Desk… button's description (the live region says only online / offline).
export const deskState = (page: Page) => page.getByRole('button', { name: 'Desk…' })
export const deskDialog = (page: Page) => page.getByRole('dialog', { name: 'Desk' })
export const storyBody = (page: Page) => page.getByRole('textbox', { name: 'Story body', exact: true })
export const storyRow = (page: Page, headline: string) =>
  page.getByRole('grid', { name: 'Stories' }).getByRole('button').filter({ hasText: headline })

/** Sign in through the Desk dialog as an editor does; the dialog is closed again once online. */
export async function signIn(page: Page, url: string, name: string): Promise<void> {
  await deskState(page).click()
  const dialog = deskDialog(page)
  await dialog.getByRole('textbox', { name: 'Server address' }).fill(url)
  await dialog.getByRole('textbox', { name: 'Desk user name' }).fill(name)
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD)
  await dialog.getByRole('button', { name: 'Sign in' }).click()
  await expect(deskState(page)).toHaveAccessibleDescription('Online · all changes on the desk')
  await expect(dialog.getByRole('textbox', { name: 'Password', exact: true })).toHaveValue('')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
}

/** Work offline or Go online from the Desk dialog. */
export async function switchOnline(page: Page, button: 'Work offline' | 'Go online'): Promise<void> {
  await deskState(page).click()
  const dialog = deskDialog(page)
  await dialog.getByRole('button', { name: button }).click()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
}
