import { ApiError, invalidInput } from '../shared/errors'
import { contract, type ApiChannel, type Output, type ParsedInput, type Reply } from '../shared/contract'
import { apiChannels } from '../shared/channels'
import type { Library } from './library'
import { createStory, deleteStory, getStory, listStories, saveStory } from './library/stories'
import { searchStories } from './library/search'
import { importWireFilesSliced } from './intake/import-wire'
import { describeOriginal } from './wire/original'
import { findOriginal } from './library/wire-copy'
import { addPicture } from './library/media'
import { beginUpload, finishUpload, receivePart } from './library/media-upload'
import { readHouseStyle, saveHouseStyle } from './library/settings'
import { exportStories } from './publish/export-stories'
import { previewStory } from './publish/preview'
import { lookupRelated, matchRelatedHeadline, suggestRelated } from './library/related'
import { restorePreview, restoreRevision, revisionDiff, storyHistory } from './library/revisions'
import { checkStory } from './checks/check-story'
import { readCheckOptions } from './library/check-options'
import { libraryProblem } from './library/sqlite-problems'
import {
  addHouseWords,
  importHouseDictionary,
  libraryNames,
  putStyleEntries,
  readHouseDictionary,
  readStorySpelling,
  removeHouseWord,
  removeStyleEntry,
  saveStorySpelling,
} from './library/dictionary'
import { saveWithPreflight, storyPreflight } from './publish/preflight'
import { exportDictionaryFile, readDictionaryUpload } from './spelling'
import {
  deskSession,
  deskStatusOf,
  joinFromWindow,
  openForEditor,
  setOnline,
  shareFromWindow,
  signOutFromWindow,
  refuseRestoreOffDesk,
  spikeOnDesk,
} from './library/desk/window'
import { discardUntouched, duplicateStory, listSpiked, purgeSpiked, spikeStory, unspikeStory } from './library/spike'
import { commentAuthor } from './comments/author'

/**
 * Channels whose work is done a slice at a time, letting main's event loop run between slices
 * (in Electron that loop also forwards the editor's keystrokes), or off main's thread (sharp makes
 * export renditions in libuv's pool): their handlers return promises. story:check waits for
 * Hunspell's WebAssembly to load (the spelling findings); wire:import reads one file between pauses.
 */
export type SlicedChannel =
  | 'media:add'
  | 'media:finish'
  | 'story:check'
  | 'story:export'
  | 'story:preview'
  | 'story:preflight'
  | 'wire:import'
  | 'desk:join'
  | 'desk:sign-out'
  | 'story:spike'
  | 'story:unspike'
  | 'desk:sync'
  | 'desk:share'

/** What call() gives back: the output itself, or a promise of it for a sliced channel. */
export type Answer<C extends ApiChannel> = C extends SlicedChannel ? Promise<Output<C>> : Output<C>

type Handler<C extends ApiChannel> = (library: Library, input: ParsedInput<C>) => Answer<C>

/**
 * The one door to the library. Electron IPC, the copydesk CLI and the e2e bridge all call
 * dispatch(), so each behaves exactly alike: same validation, same errors, same results.
 */
export const api: { [C in ApiChannel]: Handler<C> } = {
  'story:create': (library, fields) => createStory(library.db, fields),
  'story:get': (library, { id }) => getStory(library.db, id),
  // Setting "published" goes through the preflight first (publish/preflight.ts); other saves straight in.
  'story:save': (library, request) =>
    saveWithPreflight(library.db, request, (r) => library.desk?.save(r) ?? saveStory(library.db, r)),
  // The window's autosave: the same save, the body parsed here from its JSON text, the revision alone back.
  'story:autosave': (library, { bodyJson, changes, ...request }) => {
    const save = {
      ...request,
      changes: bodyJson ? { ...changes, body: bodyJson } : changes,
      reason: 'autosave' as const,
    }
    const saved = saveWithPreflight(library.db, save, (r) => library.desk?.save(r) ?? saveStory(library.db, r))
    return { revision: saved.revision, updatedAt: saved.updatedAt }
  },
  'story:list': (library, request) => listStories(library.db, request),
  'story:search': (library, { query, limit, status }) => ({ items: searchStories(library.db, query, limit, status) }),
  'story:delete': (library, { id }) => deleteStory(library.db, id),
  'wire:import': async (library, { files }) => ({
    results: await importWireFilesSliced(
      library,
      files.map((file) => ({ name: file.name, bytes: Buffer.from(file.data, 'base64') })),
    ),
  }),
  'story:original': (library, { id }) => describeOriginal(findOriginal(library.db, id)),
  'media:add': (library, { name, data, preview }) => addPicture(library.db, data, { name, preview }),
  'media:begin': (library, request) => beginUpload(library.db, request),
  'media:part': (library, part) => receivePart(library.db, part),
  'media:finish': (library, request) => finishUpload(library.db, request),
  'comments:author': () => ({ name: commentAuthor() }),
  'settings:get': (library) => readHouseStyle(library.db),
  'settings:set': (library, patch) => saveHouseStyle(library.db, patch),
  'story:export': (library, request) =>
    exportStories(library.db, request, { save: (r) => library.desk?.save(r) ?? saveStory(library.db, r) }),
  'story:preview': (library, { id }) => previewStory(library.db, id),
  'story:preflight': (library, { id }) => storyPreflight(library.db, id),
  'related:suggest': (library, { id, limit }) => suggestRelated(library.db, id, limit),
  'related:match': (library, { headline, excludeId, limit }) => ({
    items: matchRelatedHeadline(library.db, headline, { excludeId, limit }),
  }),
  'related:lookup': (library, { ids }) => ({ items: lookupRelated(library.db, ids) }),
  'story:revisions': (library, { id }) => ({ revisions: storyHistory(library.db, id) }),
  'story:revision-diff': (library, { id, revision, against }) => revisionDiff(library.db, id, revision, against),
  'story:restore-preview': (library, { id, revision }) => restorePreview(library.db, id, revision),
  // A shared story's restore goes into its doc, like its saves: one change for the whole desk.
  'story:restore': (library, request) => {
    refuseRestoreOffDesk(library, request.id)
    return restoreRevision(library.db, request, (r) => library.desk?.save(r) ?? saveStory(library.db, r))
  },
  'story:spike': async (library, { id }) => {
    await spikeOnDesk(library, id, true)
    return spikeStory(library.db, id)
  },
  'story:unspike': async (library, { id }) => {
    await spikeOnDesk(library, id, false)
    return unspikeStory(library.db, id)
  },
  'spike:list': (library) => listSpiked(library.db),
  'spike:purge': (library, request) => purgeSpiked(library.db, request),
  'story:duplicate': (library, { id }) => duplicateStory(library.db, id),
  'story:discard-untouched': (library, { id }) => discardUntouched(library.db, id),
  'story:check': (library, { id }) => checkStory(library.db, id),
  'checks:options': (library) => readCheckOptions(library.db),
  'dictionary:list': (library) => readHouseDictionary(library.db),
  'dictionary:add': (library, { words, note }) =>
    addHouseWords(
      library.db,
      words.map((word) => ({ word, note: note ?? '' })),
    ),
  'dictionary:remove': (library, { word }) => removeHouseWord(library.db, word),
  'style-book:put': (library, { entries }) => putStyleEntries(library.db, entries),
  'style-book:remove': (library, { form }) => removeStyleEntry(library.db, form),
  'dictionary:import': (library, { name, text, format }) =>
    importHouseDictionary(library.db, readDictionaryUpload(name, text, format)),
  'dictionary:export': (library, { format }) => ({
    text: exportDictionaryFile(readHouseDictionary(library.db), format),
  }),
  'spelling:story': (library, { id }) => readStorySpelling(library.db, id),
  'spelling:story-set': (library, request) => saveStorySpelling(library.db, request),
  'spelling:names': (library) => ({ names: libraryNames(library.db) }),
  'desk:status': (library) => deskStatusOf(library),
  'desk:join': (library, input) => joinFromWindow(library, input),
  'desk:sign-out': (library, { anyway }) => signOutFromWindow(library, anyway),
  'desk:online': (library, { online }) => setOnline(library, online),
  'desk:sync': async (library) => ({ changed: await deskSession(library).follow() }),
  'desk:share': (library, { id }) => shareFromWindow(library, id),
  'desk:hand-to': (library, { id, assignee, status }) => deskSession(library).handTo(id, assignee, status),
  'desk:open': (library, { id }) => openForEditor(library, id),
  'desk:edit': (library, { id, base, changes }) => deskSession(library).editFromEditor(id, base, changes),
}

export function isApiChannel(channel: unknown): channel is ApiChannel {
  return typeof channel === 'string' && (apiChannels as readonly string[]).includes(channel)
}

/** Validate, call, and throw ApiError for anything that went wrong (with the field at fault). */
export function call<C extends ApiChannel>(library: Library, channel: C, rawInput: unknown): Answer<C> {
  const parsed = contract[channel].input.safeParse(rawInput ?? {})
  if (!parsed.success) throw invalidInput(`${channel} was given bad input`, parsed.error)
  return api[channel](library, parsed.data as ParsedInput<C>)
}

/** call(), with every outcome turned into a Reply that survives structured clone across processes. */
export async function dispatch(library: Library, channel: unknown, rawInput: unknown): Promise<Reply<unknown>> {
  try {
    if (!isApiChannel(channel)) throw new ApiError('invalid-input', `there is no channel named ${String(channel)}`)
    return { ok: true, value: await call(library, channel, rawInput) }
  } catch (error) {
    // In a library known to be damaged, a story that cannot be found may be one the damage hid
    // (a damaged index page reads as "no such row"): said with the warning and its backup.
    if (error instanceof ApiError && error.code === 'not-found' && library.damage)
      return { ok: false, error: { code: 'library', message: `${error.message} ${library.damage.message}` } }
    if (error instanceof ApiError) return { ok: false, error: error.toShape() }
    // A damaged, full or read-only library is the machine's doing, not a bug: said in words.
    const problem = libraryProblem(error, library.file, library.restoreAdvice)
    if (problem) return { ok: false, error: problem.toShape() }
    // Anything else that fails in a library the check at open found damaged is most likely the
    // damage (a page read back as other bytes): said with the warning and its backup.
    if (library.damage)
      return {
        ok: false,
        error: { code: 'library', message: `${(error as Error).message || String(error)}. ${library.damage.message}` },
      }
    return { ok: false, error: { code: 'internal', message: (error as Error).message || String(error) } }
  }
}
