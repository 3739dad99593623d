/** A file's bytes as base64, the form wire:import takes (IPC and the e2e bridge both carry strings well). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Files an editor drops that are pictures belong to the picture feature, not to wire import. */
export function isPictureFile(file: File): boolean {
  return file.type.startsWith('image/') || /\.(jpe?g|png|gif|webp|avif|heic|tiff?)$/i.test(file.name)
}
