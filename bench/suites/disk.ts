import { existsSync, statSync } from 'node:fs'
import { prepared } from '../../src/main/library/open'
import { sampleIds, type Suite } from '../context'
import { metric } from '../report'

/**
 * Bytes on disk per story (the library file and its WAL over the story count), beside the plain
 * text an editor wrote (headline, standfirst, body text): what storage adds to the words.
 */
export const diskSuite: Suite = {
  name: 'disk',
  run(ctx) {
    const { file, db } = ctx.library
    const size = [file, `${file}-wal`].filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0)
    const text = prepared(
      db,
      // The body text is stored deflated: its plain length is what the editor wrote.
      'SELECT octet_length(headline) + octet_length(standfirst) + octet_length(copydesk_text(body_text)) AS n FROM stories WHERE id = ?',
    )
    const ids = sampleIds(2000, ctx.storyCount, 13)
    const plain = ids.reduce((sum, id) => sum + (text.get(id) as { n: number }).n, 0) / ids.length
    return { metrics: [metric('disk.per-story', size / ctx.storyCount / 1024, 'KiB', plain / 1024, 'lower', 20)] }
  },
}
