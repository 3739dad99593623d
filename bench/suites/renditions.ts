import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { call } from '../../src/main/api'
import { openLibrary } from '../../src/main/library'
import { addMedia } from '../../src/main/library/media'
import { twentyMegabytePhoto } from '../../src/main/media/test-pictures'
import type { Suite } from '../context'
import { metric, type Metric } from '../report'
import { plainWriteRate } from './export'

/*
 * Pictures a website can publish (docs/pictures.md): exporting the newest stories, each with a
 * lead picture, first while every rendition is made and then from the library's cache; and what
 * one 20 MB camera original costs to make into renditions, in time and in memory.
 */

/** A 3,000 x 2,000 photograph of wire size (about 3 MB): grain over a colour of its own, so no two are alike. */
async function wirePhoto(n: number): Promise<Buffer> {
  const grain = await sharp({
    create: {
      width: 512,
      height: 512,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 28 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer()
  const hue = (n * 47) % 360
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: `hsl(${hue}, 55%, 45%)` } })
    .composite([{ input: grain, tile: true, blend: 'soft-light' }])
    .jpeg({ quality: 90 })
    .toBuffer()
}

interface ExportReply {
  results: { ok: boolean; error?: string }[]
}

interface ChildFigures {
  ms: number
  baseMb: number
  peakMb: number
}

/** The work in a fresh process (bench/renditions-child.ts), so its memory is its own. */
function inChild(root: string, photoFile: string, mode: 'renditions' | 'decode'): ChildFigures {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'renditions-child.ts'), photoFile, mode],
    { cwd: root, encoding: 'utf8' },
  )
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildFigures
}

export const renditionsSuite: Suite = {
  name: 'renditions',
  async run(ctx) {
    const metrics: Metric[] = []
    const count = Math.min(ctx.storyCount, ctx.quick ? 300 : 3000)
    // One picture for every ten stories: a desk's pictures recur (the same agency photo on several stories).
    const distinct = Math.max(1, Math.round(count / 10))
    const library = openLibrary(join(ctx.tmpDir, 'renditions.sqlite'))
    try {
      const pictures: string[] = []
      for (let i = 0; i < distinct; i++) pictures.push(addMedia(library.db, await wirePhoto(i)).id)
      // The newest stories of the bench library, each given a lead picture.
      for (let i = 0; i < count; i++) {
        const story = call(ctx.library, 'story:get', { id: ctx.storyCount - i })
        call(library, 'story:create', {
          headline: story.headline,
          standfirst: story.standfirst,
          bylines: story.bylines,
          dateline: story.dateline,
          keywords: story.keywords,
          body: story.body,
          leadPicture: {
            mediaId: pictures[i % distinct]!,
            alt: story.leadPicture?.alt || 'A picture',
            caption: story.leadPicture?.caption ?? '',
            credit: story.leadPicture?.credit || 'PA',
          },
        })
      }
      ctx.log(`renditions: ${count} stories sharing ${distinct} pictures of 3,000 x 2,000`)
      const exportAll = async (outDir: string) => {
        const start = process.hrtime.bigint()
        const reply = (await call(library, 'story:export', { all: true, outDir })) as ExportReply
        const seconds = Number(process.hrtime.bigint() - start) / 1e9
        const written = reply.results.filter((r) => r.ok).length
        if (written !== count) ctx.log(`renditions: ${count - written} stories not written`)
        return written / seconds
      }
      const first = await exportAll(join(ctx.tmpDir, 'renditions-first'))
      const cached = await exportAll(join(ctx.tmpDir, 'renditions-cached'))
      const floor = plainWriteRate(join(ctx.tmpDir, 'renditions-cached'), join(ctx.tmpDir, 'renditions-plain'), count)
      metrics.push(metric('renditions.export.first.rate', first, 'stories/s', floor, 'higher'))
      metrics.push(metric('renditions.export.cached.rate', cached, 'stories/s', floor, 'higher'))
    } finally {
      library.close()
    }

    // One 20 MB camera original: every rendition the default house style asks for, from nothing,
    // in a process of its own. Floors: decoding it to the widest width alone (what any rendition
    // needs), and the size of the file itself, in memory.
    const photo = await twentyMegabytePhoto()
    const photoFile = join(ctx.tmpDir, 'photo-20mb.jpg')
    writeFileSync(photoFile, photo)
    ctx.log(`renditions: a ${(photo.length / 1024 / 1024).toFixed(1)} MB photograph, 7,000 x 4,700`)
    const decode = inChild(ctx.root, photoFile, 'decode')
    const made = inChild(ctx.root, photoFile, 'renditions')
    ctx.log(
      `renditions: the child process held ${made.baseMb.toFixed(0)} MB before, ${made.peakMb.toFixed(0)} MB at most`,
    )
    metrics.push(metric('renditions.photo20mb.time', made.ms, 'ms', decode.ms, 'lower'))
    metrics.push(
      metric('renditions.photo20mb.peak-rss', made.peakMb - made.baseMb, 'MB', photo.length / 2 ** 20, 'lower'),
    )
    for (const m of metrics) ctx.log(`${m.name}: ${m.value} ${m.unit} (floor ${m.floor})`)
    return { metrics }
  },
}
