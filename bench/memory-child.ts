/**
 * Run by the memory suite in a process of its own: open a library and do what the main process
 * does in the first minutes of a shift (list, open, search), then report its resident memory.
 */
import { call } from '../src/main/api'
import { openLibrary } from '../src/main/library'
import { sampleIds } from './context'

const file = process.argv[2]
if (!file) throw new Error('usage: memory-child LIBRARY')
const library = openLibrary(file)
const { total, items } = call(library, 'story:list', { limit: 100, offset: 0 })
if (items[0]) call(library, 'story:get', { id: items[0].id })
if (total > 0) {
  for (const id of sampleIds(300, total, 9)) call(library, 'story:get', { id })
  for (const query of ['prime minister', 'flood', 'kyiv', 'nurses strike', 'sa', 'bank of england']) {
    call(library, 'story:search', { query, limit: 50 })
  }
  for (let offset = 0; offset < Math.min(total, 5000); offset += 100)
    call(library, 'story:list', { limit: 100, offset })
}
globalThis.gc?.()
process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss, stories: total }) + '\n')
library.close()
