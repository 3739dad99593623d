import { useEffect, useRef, useState } from 'react'
import { mediaPreviewSrc } from '@shared/media'
import type { Picture } from '@shared/story'

/** The image itself, or a marked gap when the story has a picture's words but not (yet) its image. */
export function PictureImage({ picture }: { picture: Picture }) {
  const [failedId, setFailedId] = useState<string | null>(null)
  if (!picture.mediaId || failedId === picture.mediaId) {
    return (
      <div className="picture-missing" role="img" aria-label="Image missing">
        <span>Image missing</span>
        {picture.mediaId && <small>the image is not in this library</small>}
      </div>
    )
  }
  const id = picture.mediaId
  return (
    <img
      className="picture-img"
      src={mediaPreviewSrc(id)}
      alt={picture.alt}
      draggable={false}
      decoding="async"
      onError={() => setFailedId(id)}
    />
  )
}

interface FieldProps {
  /** What the field shows ("Caption"). */
  name: string
  /** Its accessible name ("Picture caption"). */
  label: string
  value: string
  maxLength: number
  placeholder: string
  multiline?: boolean
  onCommit: (value: string) => void
}

/**
 * An input whose text belongs to the editor while they type in it: it is uncontrolled, and the
 * stored value is written back into it only when it changed elsewhere (undo, a replaced image's
 * suggestions) and the field is not being typed in, so no keystroke is ever overwritten.
 */
function PlainField({ name, label, value, maxLength, placeholder, multiline, onCommit }: FieldProps) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  useEffect(() => {
    const field = ref.current
    if (field && field.value !== value && field.ownerDocument.activeElement !== field) field.value = value
  }, [value])
  const common = {
    ref,
    'aria-label': label,
    defaultValue: value,
    maxLength,
    placeholder,
    spellCheck: true,
    onChange: (e: { currentTarget: { value: string } }) => onCommit(e.currentTarget.value),
  }
  return (
    <label className="picture-field">
      <span>{name}</span>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
    </label>
  )
}

/** Caption, credit and alt text: plain words, edited in place. */
export function PictureFields({
  picture,
  onChange,
  prefix = 'Picture',
}: {
  picture: Picture
  onChange: (changes: Partial<Picture>) => void
  /** Names the fields ("Picture caption", "Lead picture caption") so each is found by its label. */
  prefix?: string
}) {
  return (
    <div className="picture-fields">
      <PlainField
        name="Caption"
        label={`${prefix} caption`}
        value={picture.caption}
        maxLength={4000}
        placeholder="What the picture shows, who, where and when"
        multiline
        onCommit={(caption) => onChange({ caption })}
      />
      <PlainField
        name="Credit"
        label={`${prefix} credit`}
        value={picture.credit}
        maxLength={300}
        placeholder="Photographer or agency, e.g. PA"
        onCommit={(credit) => onChange({ credit })}
      />
      <PlainField
        name="Alt text"
        label={`${prefix} alt text`}
        value={picture.alt}
        maxLength={1000}
        placeholder="Describe it for readers who cannot see it"
        onCommit={(alt) => onChange({ alt })}
      />
    </div>
  )
}
