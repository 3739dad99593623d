import type { Page } from '@playwright/test'
import { apiChannels } from '../src/shared/channels'
import type { CopydeskApi, Reply } from '../src/shared/contract'
import { badInputsFor } from '../test/reliability/bad-inputs'
import { hostileFiles, hostileStoryFields } from '../test/reliability/hostile'
import { ORIGIN, expect, test } from './bridge'
import { storyToolTabs } from './panels'

/**
 * Reliability in the real browser: the hostile corpus imported through the renderer's own door
 * and opened in the editor runs nothing, loads nothing from elsewhere and opens no dialog; and
 * every channel refuses malformed input coming through window.copydesk.
 */

/** Everything a page could do that would show a payload ran or reached out. */
function watch(page: Page) {
  const seen = {
    dialogs: [] as string[],
    offsite: [] as string[],
    reached: [] as string[],
    blocked: [] as string[],
    errors: [] as string[],
  }
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:')) seen.offsite.push(url)
  })
  // A request that got an answer from elsewhere (the CSP did not stop it).
  page.on('response', (response) => {
    const url = response.url()
    if (!url.startsWith(ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:')) seen.reached.push(url)
  })
  page.on('console', (message) => {
    // A CSP report means markup reached the DOM and tried something: the sanitizer should have stopped it first.
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.blocked.push(message.text())
  })
  page.on('pageerror', (error) => seen.errors.push(error.message))
  return seen
}

async function flags(page: Page): Promise<unknown[]> {
  const found: unknown[] = []
  for (const frame of page.frames()) {
    found.push(
      ...(await frame.evaluate(() => [
        (window as { __pwned?: unknown }).__pwned,
        Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'),
      ])),
    )
  }
  return found.filter((flag) => flag !== undefined && flag !== false)
}

test('the hostile corpus, imported and opened in the editor, runs nothing and reaches nowhere', async ({
  desk,
  page,
}) => {
  // A dozen stories opened one by one, every panel of each: longer than one flow.
  test.setTimeout(480_000)
  const seen = watch(page)
  const files = hostileFiles().map((file) => ({ name: file.name, data: file.bytes.toString('base64') }))
  const reply = (await page.evaluate(
    (input) => (window as unknown as { copydesk: CopydeskApi }).copydesk.invoke('wire:import', input),
    { files },
  )) as Reply<{
    results: { file: string; ok: boolean; id?: number }[]
  }>
  expect(reply.ok, JSON.stringify(reply)).toBe(true)
  const results = reply.ok ? reply.value.results : []
  const imported = results.filter((result) => result.ok).map((result) => result.id!)
  expect(imported.length).toBeGreaterThanOrEqual(hostileFiles().filter((file) => file.expect === 'imported').length)

  async function open(id: number) {
    const story = desk.library.db.prepare('SELECT headline FROM stories WHERE id = ?').get(id) as { headline: string }
    await page.locator(`[data-story-id="${id}"]`).click()
    await expect(page.getByLabel('Headline')).toHaveValue(story.headline)
    await expect(page.getByLabel('Story body')).toBeVisible()
    // Every side panel renders its part of the story (pictures, related, checks, history...).
    const tabs = page.getByRole('tablist', { name: 'Story tools' }).getByRole('tab')
    const count = (await storyToolTabs(page)).length
    for (let i = 0; i < count; i++) {
      // A real click: a headline of long unbroken "words" once pushed the story bar over the tabs
      // (docs/reliability.md, finding 5). What proves long values fit is e2e/long-values.spec.ts;
      // this corpus's headlines are not long enough to fail here without that layout.
      await tabs.nth(i).click()
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true')
    }
  }

  await page.reload()
  for (const id of imported) await open(id)
  // The words are there, as words.
  const nitf = results.find((result) => result.file === 'nitf-script-and-handlers.xml')!
  await page.locator(`[data-story-id="${nitf.id}"]`).click()
  await expect(page.getByLabel('Story body')).toContainText("<script>window.__pwned='nitf-escaped'</script>")
  await page.screenshot({ path: '/tmp/reliability-hostile.png', fullPage: true })

  expect(await flags(page)).toEqual([])
  expect(seen).toEqual({ dialogs: [], offsite: [], reached: [], blocked: [], errors: [] })

  // A story whose body came through the api with CSS on a text node: main drops the style on save
  // (shared/body.ts) and the editor clears any that arrives (TextStylePlugin), so nothing is even
  // blocked by the CSP; nothing runs and nothing reaches out.
  const typed = (await page.evaluate(
    (fields) => (window as unknown as { copydesk: CopydeskApi }).copydesk.invoke('story:create', fields),
    hostileStoryFields(),
  )) as Reply<{ id: number }>
  expect(typed.ok, JSON.stringify(typed)).toBe(true)
  await page.reload()
  if (typed.ok) await open(typed.value.id)
  expect(await flags(page)).toEqual([])
  expect(seen.dialogs).toEqual([])
  expect(seen.reached).toEqual([])
  expect(seen.errors).toEqual([])
  expect(seen.blocked.every((message) => message.includes('attacker.invalid/pixel.gif'))).toBe(true)
})

test('every api channel refuses malformed input through window.copydesk, naming the field', async ({
  desk: _desk,
  page,
}) => {
  const problems: string[] = []
  let sent = 0
  for (const channel of apiChannels) {
    const cases = badInputsFor(channel).filter(
      (bad) =>
        (bad.kind === 'unknown-field' && bad.field === '(input)') ||
        (bad.kind === 'wrong-type' && !bad.field.includes('.')) ||
        (bad.kind === 'not-an-object' && typeof bad.input === 'number'),
    )
    for (const bad of cases) {
      sent++
      const reply = (await page.evaluate(
        ([c, input]) => (window as unknown as { copydesk: CopydeskApi }).copydesk.invoke(c as never, input as never),
        [channel, bad.input] as const,
      )) as Reply<unknown>
      if (reply.ok) {
        problems.push(`${channel}: accepted ${bad.kind} ${bad.field}`)
        continue
      }
      const named =
        bad.field === '(input)'
          ? reply.error.issues?.some((i) => i.path === '(input)')
          : reply.error.message.includes(bad.field)
      if (reply.error.code !== 'invalid-input' || !named)
        problems.push(`${channel} ${bad.kind} ${bad.field}: ${reply.error.code} ${reply.error.message}`)
    }
  }
  expect(problems).toEqual([])
  expect(sent).toBeGreaterThan(apiChannels.length * 2)
})
