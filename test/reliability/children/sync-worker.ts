/**
 * Saves one story COUNT times through the api door with the given status, and nothing else, so a
 * tracer around this process counts the disk syncs those saves cost.
 *
 * argv: LIBRARY STORY_ID STATUS COUNT
 */
import { call } from '../../../src/main/api'
import { openLibrary } from '../../../src/main/library'
import { bodyFromParagraphs } from '@shared/body'
import { storyStatusSchema } from '@shared/story'

const [file, idText, statusText, countText] = process.argv.slice(2)
const library = openLibrary(file!)
const id = Number(idText)
const status = storyStatusSchema.parse(statusText)
let revision = call(library, 'story:get', { id }).revision
for (let n = 1; n <= Number(countText); n++) {
  const changes = { status, body: bodyFromParagraphs([`Correction ${n}: the mayor spoke on Tuesday, not Monday.`]) }
  revision = call(library, 'story:save', { id, expectedRevision: revision, changes, reason: 'edit' }).revision
}
library.close()
