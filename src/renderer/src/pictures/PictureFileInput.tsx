import type { RefObject } from 'react'
import { pictureTypes } from '@shared/media'

export const PICTURE_ACCEPT = pictureTypes.join(',')

interface Props {
  inputRef: RefObject<HTMLInputElement | null>
  label: string
  onFile: (file: File | undefined) => void
}

/** The hidden file chooser behind "choose a picture" buttons; cleared so the same file can be chosen twice. */
export function PictureFileInput({ inputRef, label, onFile }: Props) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      accept={PICTURE_ACCEPT}
      aria-label={label}
      onChange={(e) => {
        const chosen = e.currentTarget.files?.[0]
        e.currentTarget.value = ''
        onFile(chosen)
      }}
    />
  )
}
