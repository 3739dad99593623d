/// <reference lib="webworker" />
import { makePreview } from './preview'

/** One job per message: a picture file in; its preview out (transferred, not copied), or none. */
export interface PreviewJob {
  file: File
}
export interface PreviewResult {
  preview?: Uint8Array<ArrayBuffer>
}

declare const self: DedicatedWorkerGlobalScope

self.onmessage = async ({ data: { file } }: MessageEvent<PreviewJob>) => {
  const preview = await makePreview(file)
  self.postMessage({ preview } satisfies PreviewResult, preview ? [preview.buffer] : [])
}
