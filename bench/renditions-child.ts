import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { makeRenditions } from '../src/main/media/renditions'
import { DEFAULT_HOUSE_STYLE } from '../src/shared/settings'

/*
 * One picture's renditions in a process of its own (bench/suites/renditions.ts): resident memory is
 * sampled every 5 ms from just before the work, so what earlier work left in the heap and in
 * libvips does not hide (or inflate) the figure. Prints {ms, baseMb, peakMb} as JSON.
 */
async function main(): Promise<void> {
  const photo = readFileSync(process.argv[2]!)
  const mode = process.argv[3] ?? 'renditions'
  sharp.cache(false)
  const base = process.memoryUsage().rss
  let peak = base
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 5)
  const start = process.hrtime.bigint()
  if (mode === 'decode') await sharp(photo).resize({ width: 1920 }).raw().toBuffer()
  else
    await makeRenditions(photo, {
      widths: DEFAULT_HOUSE_STYLE.pictureWidths,
      format: DEFAULT_HOUSE_STYLE.pictureFormat,
    })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  const mb = (bytes: number) => bytes / 2 ** 20
  console.log(JSON.stringify({ ms, baseMb: mb(base), peakMb: mb(peak) }))
}

void main()
