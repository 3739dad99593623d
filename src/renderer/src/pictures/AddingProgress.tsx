import { formatBytes, LARGE_PICTURE_BYTES } from '@shared/media'

/** How far a picture being added has got: its bytes handed to main so far. */
export interface Adding {
  name: string
  sent: number
  size: number
}

/**
 * A bar for a large picture on its way into the library (small ones take no time to show one
 * for). While the editor types it stands still, since parts go in the gaps between keys.
 */
export function AddingProgress({ adding }: { adding: Adding | null }) {
  if (!adding || adding.size < LARGE_PICTURE_BYTES) return null
  return (
    <span className="picture-progress">
      <progress aria-label={`Adding ${adding.name}`} value={adding.sent} max={adding.size} />
      {formatBytes(adding.sent)} of {formatBytes(adding.size)}
    </span>
  )
}
