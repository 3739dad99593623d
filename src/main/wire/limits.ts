import { MAX_WIRE_FILE_BYTES } from '../../shared/wire'
import { WireError } from './errors'

/**
 * The largest wire file accepted. A real story is a few kilobytes and a long NITF package a few
 * hundred; anything near this is not copy but a mistake (a video, a database, a log), and
 * refusing it early keeps the app from reading it all into memory.
 */
export const MAX_WIRE_BYTES = MAX_WIRE_FILE_BYTES

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export function assertWireSize(size: number): void {
  if (size > MAX_WIRE_BYTES) {
    throw new WireError(
      `the file is ${megabytes(size)}; wire files over ${megabytes(MAX_WIRE_BYTES)} are refused (wire copy is a few kilobytes: is this the right file?)`,
    )
  }
}
