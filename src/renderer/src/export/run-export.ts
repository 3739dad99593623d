import type { ExportFormat, ExportResult } from '@shared/export'
import type { Override } from '@shared/preflight'
import type { StoryId } from '@shared/story'
import { invoke } from '../app/client'

export interface ExportChoice {
  scope: 'story' | 'library'
  storyId: StoryId | null
  outDir: string
  format: ExportFormat
  singleFile: boolean
  markPublished: boolean
  /** Past the preflight's blocking items, with why (docs/preflight.md). */
  override?: Override | null
}

const LIST_PAGE = 500
/** Small batches, so the progress bar moves and the app answers between them. */
const BATCH = 20

async function libraryIds(): Promise<StoryId[]> {
  const ids: StoryId[] = []
  for (let offset = 0; ; offset += LIST_PAGE) {
    const page = await invoke('story:list', { limit: LIST_PAGE, offset })
    ids.push(...page.items.map((s) => s.id))
    if (page.items.length < LIST_PAGE) break
  }
  // Oldest first, as `copydesk export --all` writes them.
  return ids.sort((a, b) => a - b)
}

/** Export what was chosen, batch by batch, telling `progress` after each. */
export async function runExport(
  choice: ExportChoice,
  progress: (done: number, total: number) => void,
): Promise<{ outDir: string; results: ExportResult[] }> {
  const ids = choice.scope === 'story' && choice.storyId !== null ? [choice.storyId] : await libraryIds()
  const results: ExportResult[] = []
  let outDir = choice.outDir
  progress(0, ids.length)
  for (let at = 0; at < ids.length; at += BATCH) {
    const reply = await invoke('story:export', {
      ids: ids.slice(at, at + BATCH),
      outDir: choice.outDir,
      format: choice.format,
      singleFile: choice.singleFile,
      markPublished: choice.markPublished,
      ...(choice.override ? { override: choice.override } : {}),
    })
    outDir = reply.outDir
    results.push(...reply.results)
    progress(results.length, ids.length)
  }
  return { outDir, results }
}
