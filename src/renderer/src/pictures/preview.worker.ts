/// <reference lib="webworker" />
import { makePreview } from './preview'

/** One job per message: a picture file in; its bytes and preview out, transferred (not copied). */
export interface PreviewJob {
  file: File
}
export interface PreviewResult {
  data: Uint8Array<ArrayBuffer>
  preview?: Uint8Array<ArrayBuffer>
}

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async ({ data: { file } }: MessageEvent<PreviewJob>) => {
  try {
    const [data, preview] = await Promise.all([file.arrayBuffer().then((b) => new Uint8Array(b)), makePreview(file)])
    const result: PreviewResult = preview ? { data, preview } : { data }
    self.postMessage({ ok: true, result }, preview ? [data.buffer, preview.buffer] : [data.buffer])
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message })
  }
}
