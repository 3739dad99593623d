import type { Page } from '@playwright/test'
import { expect, test } from './bridge'
import { ALT, CTRL, KeyPresses, META, SHIFT, type Key } from './key-presses'
import { openStoryBody } from './seed'

/**
 * Keyboards the team does not type on: shortcuts on Russian, Ukrainian, Greek, German and French
 * layouts; AltGr's characters (Ctrl+Alt on Windows) in every field; input methods' Enter and Escape;
 * dead keys; a Mac's Cmd. Each press goes through Chromium's input pipeline with the key, code and
 * virtual key code the layout gives (e2e/key-presses.ts). The rules: src/renderer/src/app/keys.ts.
 */

/** Where a layout has the keys the shortcuts use: its character and place for Z, N, F, E, K, M. */
interface Layout {
  name: string
  keys: Record<'z' | 'n' | 'f' | 'e' | 'k', Key>
  /** The F key with Shift held. */
  shiftF: string
}

const vk = (letter: string) => letter.toUpperCase().charCodeAt(0)
const place = (letter: string, key: string): Key => ({ key, code: `Key${letter.toUpperCase()}`, vk: vk(letter) })

const LAYOUTS: Layout[] = [
  {
    name: 'Russian',
    keys: { z: place('z', 'я'), n: place('n', 'т'), f: place('f', 'а'), e: place('e', 'у'), k: place('k', 'л') },
    shiftF: 'А',
  },
  {
    name: 'Ukrainian',
    keys: { z: place('z', 'я'), n: place('n', 'т'), f: place('f', 'а'), e: place('e', 'у'), k: place('k', 'л') },
    shiftF: 'А',
  },
  {
    name: 'Greek',
    keys: { z: place('z', 'ζ'), n: place('n', 'ν'), f: place('f', 'φ'), e: place('e', 'ε'), k: place('k', 'κ') },
    shiftF: 'Φ',
  },
  {
    name: 'German QWERTZ',
    keys: {
      z: { key: 'z', code: 'KeyY', vk: vk('z') },
      n: place('n', 'n'),
      f: place('f', 'f'),
      e: place('e', 'e'),
      k: place('k', 'k'),
    },
    shiftF: 'F',
  },
  {
    name: 'French AZERTY',
    keys: {
      z: { key: 'z', code: 'KeyW', vk: vk('z') },
      n: place('n', 'n'),
      f: place('f', 'f'),
      e: place('e', 'e'),
      k: place('k', 'k'),
    },
    shiftF: 'F',
  },
]

const HEADLINE = 'Harbour toll rises'

async function openStory(page: Page, library: Parameters<typeof openStoryBody>[0]) {
  const body = await openStoryBody(library, page, HEADLINE, ['Sales fell last year.'])
  await page.keyboard.press('End')
  return body
}

for (const layout of LAYOUTS) {
  test(`${layout.name}: Ctrl+Z, Ctrl+K, Ctrl+F, Ctrl+E, Ctrl+Shift+F and Ctrl+N on the keys labelled so`, async ({
    desk,
    page,
  }) => {
    test.slow() // many presses, each a CDP round trip; the machine is shared
    test.slow() // many presses, each a CDP round trip; the machine is shared
    const keys = await KeyPresses.on(page)
    const body = await openStory(page, desk.library)
    const { z, n, f, e, k } = layout.keys

    await keys.type(' Fewer came.')
    await expect(body.locator('p')).toHaveText('Sales fell last year. Fewer came.')
    await keys.press(z, CTRL)
    await expect(body.locator('p')).toHaveText('Sales fell last year.')

    await keys.press(k, CTRL)
    await expect(page.getByRole('dialog', { name: 'Add link' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Add link' })).toBeHidden()

    await keys.press(f, CTRL)
    await expect(page.getByRole('search', { name: 'Find and replace' })).toBeVisible()
    await expect(page.getByLabel('Find', { exact: true })).toBeFocused()
    await page.keyboard.press('Escape')

    await keys.press(e, CTRL)
    const exporting = page.getByRole('dialog', { name: 'Export' })
    await expect(exporting).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(exporting).toBeHidden()

    await keys.press({ ...f, key: layout.shiftF }, CTRL | SHIFT)
    await expect(page.getByLabel('Search the library')).toBeFocused()

    await keys.press(n, CTRL)
    await expect(page.getByLabel('Headline')).toHaveValue('')
    await expect(page.getByLabel('Headline')).toBeFocused()
  })
}

test('the shortcut sheet: "/" as the layout types it (German Shift+7); Russian Ctrl+. (on the US "/" key) is not it', async ({
  desk,
  page,
}) => {
  test.slow() // many presses, each a CDP round trip; the machine is shared
  const keys = await KeyPresses.on(page)
  await openStory(page, desk.library)
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await keys.press({ key: '.', code: 'Slash', vk: 0xbf }, CTRL)
  await keys.type(' Done.')
  await expect(page.getByLabel('Story body').locator('p')).toHaveText('Sales fell last year. Done.')
  await expect(sheet).toBeHidden()
  await keys.press({ key: '/', code: 'Digit7', vk: vk('7') }, CTRL | SHIFT)
  await expect(sheet).toBeVisible()
})

/** AltGr's characters on Windows, which come as Ctrl+Alt: German, Polish, Nordic. */
const ALTGR: [string, Key, string][] = [
  ['German AltGr+Q', place('q', 'q'), '@'],
  ['German AltGr+E', place('e', 'e'), '€'],
  ['German AltGr+7', { key: '7', code: 'Digit7', vk: vk('7') }, '{'],
  ['German AltGr+M', place('m', 'm'), 'µ'],
  ['Polish AltGr+A', place('a', 'a'), 'ą'],
  ['Polish AltGr+S', place('s', 's'), 'ś'],
  ['Polish AltGr+N', place('n', 'n'), 'ń'],
  ['Polish AltGr+Z', place('z', 'z'), 'ż'],
  ['Polish AltGr+L', place('l', 'l'), 'ł'],
  ['Nordic AltGr+2', { key: '2', code: 'Digit2', vk: vk('2') }, '@'],
]
const TYPED = ALTGR.map(([, , c]) => c).join('')

/** The fields an editor types names and words in, and how to read what is in them. */
const FIELDS: { name: string; focus: (page: Page) => Promise<void>; value: (page: Page) => Promise<string> }[] = [
  {
    name: 'headline',
    focus: async (page) => {
      await page.getByLabel('Headline').focus()
      await page.keyboard.press('End')
    },
    value: (page) => page.getByLabel('Headline').inputValue(),
  },
  {
    name: 'standfirst',
    focus: async (page) => {
      await page.getByLabel('Standfirst').focus()
      await page.keyboard.press('End')
    },
    value: (page) => page.getByLabel('Standfirst').inputValue(),
  },
  {
    name: 'byline name',
    focus: async (page) => {
      await page.getByLabel('Byline name').focus()
      await page.keyboard.press('End')
    },
    value: (page) => page.getByLabel('Byline name').inputValue(),
  },
  {
    name: 'dateline place',
    focus: async (page) => {
      await page.getByLabel('Dateline place').focus()
      await page.keyboard.press('End')
    },
    value: (page) => page.getByLabel('Dateline place').inputValue(),
  },
  {
    name: 'body',
    focus: async (page) => {
      await page.getByLabel('Story body').locator('p').last().click()
      await page.keyboard.press('End')
    },
    value: async (page) => (await page.getByLabel('Story body').locator('p').last().textContent()) ?? '',
  },
]

for (const field of FIELDS) {
  test(`AltGr (Ctrl+Alt on Windows) types ${TYPED} into the ${field.name}, and fires no shortcut`, async ({
    desk,
    page,
  }) => {
    test.slow() // many presses, each a CDP round trip; the machine is shared
    test.slow() // many presses, each a CDP round trip; the machine is shared
    const keys = await KeyPresses.on(page)
    await openStory(page, desk.library)
    await field.focus(page)
    const before = await field.value(page)
    for (const [what, key, character] of ALTGR) {
      expect(await keys.altGr(key, character), `${what} (${character}) was taken as a shortcut`).toBe(false)
    }
    expect(await field.value(page)).toBe(before + TYPED)
    // No shortcut went off: no comment box, export, find bar, new story, shortcut sheet.
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(page.locator('.comment-box')).toHaveCount(0)
    await expect(page.getByRole('search', { name: 'Find and replace' })).toHaveCount(0)
    await expect(page.getByLabel('Headline')).toHaveValue(field.name === 'headline' ? HEADLINE + TYPED : HEADLINE)
  })
}

test('Ctrl+Alt+M still comments on a Russian layout (ь) and a US one (m)', async ({ desk, page }) => {
  test.slow() // many presses, each a CDP round trip; the machine is shared
  const keys = await KeyPresses.on(page)
  await openStory(page, desk.library)
  await page.keyboard.press('Shift+Home')
  await keys.press(place('m', 'ь'), CTRL | ALT)
  await expect(page.getByRole('group', { name: 'Comment on “Sales fell last year.”' })).toBeVisible()
})

/** The fields, and what an input method's Enter must leave in them. */
for (const field of FIELDS) {
  test(`an input method's Enter commits Japanese in the ${field.name} and does nothing else; dead keys (´ e, ^ o) make é and ô`, async ({
    desk,
    page,
  }) => {
    test.slow() // many presses, each a CDP round trip; the machine is shared
    test.slow() // many presses, each a CDP round trip; the machine is shared
    const keys = await KeyPresses.on(page)
    await openStory(page, desk.library)
    await field.focus(page)
    const before = await field.value(page)
    await keys.type(' Tokyo ')
    await keys.compose('とうきょう')
    await keys.pressComposing('Enter')
    await keys.commit('東京')
    // Windows: a dead key makes no character, the next key the accented one.
    const acute = { key: 'Dead', code: 'Equal', vk: 0xdd }
    const circumflex = { key: 'Dead', code: 'Backquote', vk: 0xdc }
    await keys.type(' caf')
    await keys.deadKeyWindows(acute, place('e', 'e'), 'é')
    await keys.type(' h')
    await keys.deadKeyWindows(circumflex, place('o', 'o'), 'ô')
    // A Mac or Linux: the accent is composed, the next key commits the letter.
    await keys.type(' caf')
    await keys.deadKeyComposed(acute, '´', place('e', 'e'), 'é')
    await keys.type(' h')
    await keys.deadKeyComposed(circumflex, '^', place('o', 'o'), 'ô')
    await expect.poll(() => field.value(page)).toBe(`${before} Tokyo 東京 café hô café hô`)
    await expect(page.getByRole('list', { name: 'Bylines' }).locator('.byline-name')).toHaveCount(0)
    if (field.name === 'body') await expect(page.getByLabel('Story body').locator('p')).toHaveCount(1)
  })
}

test('curly quotes around composed words: the typography leaves the Japanese whole', async ({ desk, page }) => {
  test.slow() // many presses, each a CDP round trip; the machine is shared
  const keys = await KeyPresses.on(page)
  const body = await openStory(page, desk.library)
  await page.keyboard.type(' He said "')
  await keys.compose('とうきょう')
  await keys.commit('東京')
  await page.keyboard.type('" twice.')
  await expect(body.locator('p')).toHaveText('Sales fell last year. He said “東京” twice.')
  await page.getByLabel('Headline').focus()
  await page.keyboard.press('End')
  await page.keyboard.type(' "')
  await keys.compose('おおさか')
  await keys.commit('大阪')
  await page.keyboard.type('"')
  await expect(page.getByLabel('Headline')).toHaveValue(`${HEADLINE} “大阪”`)
})

test("an input method's Escape drops its words, and leaves Find, the link popover, the comment box and the library search as they were", async ({
  desk,
  page,
}) => {
  test.slow() // many presses, each a CDP round trip; the machine is shared
  const keys = await KeyPresses.on(page)
  const body = await openStory(page, desk.library)

  await page.keyboard.press('Control+f')
  const find = page.getByRole('search', { name: 'Find and replace' })
  await keys.compose('とうきょう')
  await keys.pressComposing('Escape')
  await keys.commit('')
  await expect(find).toBeVisible()
  await page.getByLabel('Replace with').focus()
  await keys.compose('おおさか')
  await keys.pressComposing('Escape')
  await keys.commit('')
  await expect(find).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(find).toBeHidden()

  await body.locator('p').click()
  await page.keyboard.press('Control+k')
  const link = page.getByRole('dialog', { name: 'Add link' })
  await keys.compose('れい')
  await keys.pressComposing('Escape')
  await keys.commit('')
  await expect(link).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(link).toBeHidden()

  await page.keyboard.press('Shift+Home')
  await page.keyboard.press('Control+Alt+m')
  const box = page.getByRole('group', { name: /Comment on/ })
  await expect(box.getByLabel('Comment')).toBeFocused()
  await keys.compose('かくにん')
  await keys.pressComposing('Escape')
  await keys.commit('')
  await expect(box).toBeVisible()
  await keys.compose('かくにん')
  await keys.pressComposing('Enter')
  await keys.commit('確認')
  await expect(box.getByLabel('Comment')).toHaveValue('確認')
  await page.keyboard.press('Escape')
  await expect(box).toBeHidden()

  const search = page.getByLabel('Search the library')
  await search.focus()
  await keys.type('Harbour ')
  await keys.compose('みなと')
  await keys.pressComposing('Escape')
  await keys.commit('')
  await expect(search).toHaveValue('Harbour ')
})

test.describe('on a Mac', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' })
      const hints = { platform: 'macOS', mobile: false, brands: [] }
      Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => hints })
    })
  })

  test('Cmd is Mod: Cmd+Z, Cmd+F, Cmd+E, Cmd+N (Russian too), the sheet says ⌘, and Ctrl+N is left to the caret', async ({
    desk,
    page,
  }) => {
    test.slow() // many presses, each a CDP round trip; the machine is shared
    test.slow() // many presses, each a CDP round trip; the machine is shared
    const keys = await KeyPresses.on(page)
    const body = await openStory(page, desk.library)
    await keys.type(' Fewer came.')
    await keys.press(place('z', 'я'), META)
    await expect(body.locator('p')).toHaveText('Sales fell last year.')

    await keys.press(place('f', 'f'), META)
    await expect(page.getByRole('search', { name: 'Find and replace' })).toBeVisible()
    await page.keyboard.press('Escape')

    // A Mac's Ctrl+N moves the caret a line down in any text: not a new story there.
    await body.locator('p').click()
    await keys.press(place('n', 'n'), CTRL)
    await expect(page.getByLabel('Headline')).toHaveValue(HEADLINE)

    await keys.press({ key: '/', code: 'Slash', vk: 0xbf }, META)
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(sheet).toContainText('⌘+Z')
    await expect(sheet).not.toContainText('Ctrl+Z')
    await page.keyboard.press('Escape')

    await keys.press(place('e', 'e'), META)
    await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible()
    await page.keyboard.press('Escape')

    await keys.press(place('n', 'т'), META)
    await expect(page.getByLabel('Headline')).toHaveValue('')
    await expect(page.getByLabel('Headline')).toBeFocused()
    await keys.type('Rail fares rise')
    await expect(page.getByRole('status')).toHaveText('Saved')
  })
})
