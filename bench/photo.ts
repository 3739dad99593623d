/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { sniffImage } from '../src/main/media/sniff-image'
import { launchChromium, newBenchContext } from './browser'

/** What a full-size frame from a 45-megapixel news camera weighs at its finest JPEG setting. */
export const PHOTO_BYTES = 20 * 1024 * 1024

/**
 * A real 20 MB JPEG that Chromium can decode and show, made once by Chromium's own encoder (a
 * canvas of grain over a gradient, sized so the file comes out just over 20 MB) and cached.
 */
export async function ensurePhoto(file: string): Promise<Buffer> {
  if (existsSync(file)) {
    const cached = readFileSync(file)
    if (cached.length >= PHOTO_BYTES) return cached
  }
  const browser = await launchChromium()
  try {
    const context = await newBenchContext(browser)
    const page = await context.newPage()
    const base64 = await page.evaluate(async (target) => {
      const encode = async (width: number, height: number) => {
        const canvas = new OffscreenCanvas(width, height)
        const g = canvas.getContext('2d')!
        const image = g.createImageData(width, height)
        const random = new Uint8Array(65536)
        for (let i = 0; i < image.data.length; i += random.length) {
          crypto.getRandomValues(random)
          for (let j = 0; j < random.length && i + j < image.data.length; j++) {
            const pixel = (i + j) >> 2
            const shade = (((pixel % width) / width) * 160 + (pixel / width / height) * 60) | 0
            image.data[i + j] = (i + j) % 4 === 3 ? 255 : shade + (random[j]! >> 2)
          }
        }
        g.putImageData(image, 0, 0)
        return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })
      }
      // Bytes per pixel from a small frame, then a frame of the size that reaches the target.
      const sample = await encode(800, 600)
      const pixels = (target * 1.04) / (sample.size / (800 * 600))
      const width = Math.round(Math.sqrt(pixels * 1.5))
      let blob = await encode(width, Math.round(width / 1.5))
      for (let grow = 1.05; blob.size < target; grow += 0.05) {
        blob = await encode(Math.round(width * grow), Math.round((width * grow) / 1.5))
      }
      const bytes = new Uint8Array(await blob.arrayBuffer())
      let text = ''
      for (let i = 0; i < bytes.length; i += 32768) text += String.fromCharCode(...bytes.subarray(i, i + 32768))
      return btoa(text)
    }, PHOTO_BYTES)
    const bytes = Buffer.from(base64, 'base64')
    const sniffed = sniffImage(bytes)
    if (!sniffed.ok || sniffed.image.type !== 'image/jpeg') throw new Error('Chromium did not make a usable JPEG')
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(`${file}.part`, bytes)
    renameSync(`${file}.part`, file)
    return bytes
  } finally {
    await browser.close()
  }
}
