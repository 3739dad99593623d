/**
 * Channel names alone, without their schemas, so the sandboxed preload can allowlist them
 * without bundling zod. contract.ts is checked against these lists.
 */
export const apiChannels = [
  'story:create',
  'story:get',
  'story:save',
  'story:autosave',
  'story:list',
  'story:search',
  'story:delete',
  'wire:import',
  'story:original',
  'media:add',
  'media:begin',
  'media:part',
  'media:finish',
  'settings:get',
  'settings:set',
  'story:export',
  'story:preview',
  'story:preflight',
  'related:suggest',
  'related:match',
  'related:lookup',
  'story:revisions',
  'story:revision-diff',
  'story:restore',
  'story:restore-preview',
  'story:spike',
  'story:unspike',
  'spike:list',
  'spike:purge',
  'story:duplicate',
  'story:discard-untouched',
  'story:check',
  'checks:options',
  'comments:author',
  // Spelling: the house dictionary, the style book, a story's language and let-stand words.
  'dictionary:list',
  'dictionary:add',
  'dictionary:remove',
  'style-book:put',
  'style-book:remove',
  'dictionary:import',
  'dictionary:export',
  'spelling:story',
  'spelling:story-set',
  'spelling:names',
  // The desk: sign in, the connection, sharing, handing over, and editing shared stories.
  'desk:status',
  'desk:join',
  'desk:sign-out',
  'desk:online',
  'desk:sync',
  'desk:share',
  'desk:hand-to',
  'desk:open',
  'desk:edit',
] as const

/** Handled by the Electron shell itself (not the api table): window lifecycle. */
export const shellChannels = ['app:flushed', 'app:flush-working', 'dialog:choose-folder'] as const

/** Pushed from main to the renderer. */
export const eventChannels = ['menu:command', 'app:flush-request', 'desk:news'] as const

export type ApiChannel = (typeof apiChannels)[number]
export type ShellChannel = (typeof shellChannels)[number]
export type Channel = ApiChannel | ShellChannel
export type EventChannel = (typeof eventChannels)[number]

export const allInvokeChannels: readonly Channel[] = [...apiChannels, ...shellChannels]
