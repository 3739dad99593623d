import { useEffect, useRef, useState, type DragEvent } from 'react'
import type { Picture } from '@shared/story'
import type { StoryPanelProps } from '../story/panel-props'
import { AddingProgress } from './AddingProgress'
import { PictureError } from './PictureError'
import { PictureFileInput } from './PictureFileInput'
import { FocusPicker } from './FocusPicker'
import { PictureFields } from './PictureFields'
import { filesOf, pictureFrom, replacedImage } from './store'
import { useAddPicture } from './useAddPicture'

/** The story's lead picture (the one above the headline when published): choose, caption, credit, remove. */
export function LeadPicturePanel({ fields, set }: StoryPanelProps) {
  const lead = fields.leadPicture
  const latest = useRef<Picture | null>(lead)
  const file = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)

  // Words typed while the image was being stored are kept: the choice applies to the latest fields.
  useEffect(() => {
    latest.current = lead
  }, [lead])

  const {
    add: choose,
    adding,
    error,
  } = useAddPicture((added) => {
    const current = latest.current
    set('leadPicture', current ? replacedImage(current, added) : pictureFrom(added))
  })

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    void choose(filesOf(e.dataTransfer.files)[0])
  }

  return (
    <section
      className={`lead-picture${dragging ? ' dragging' : ''}`}
      aria-label="Lead picture"
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 className="panel-heading">Lead picture</h2>
      {lead ? (
        <>
          <FocusPicker
            picture={lead}
            onChange={(focus) => {
              const { focus: _old, ...rest } = latest.current ?? lead
              set('leadPicture', focus ? { ...rest, focus } : rest)
            }}
          />
          <PictureFields
            picture={lead}
            prefix="Lead picture"
            onChange={(changes) => set('leadPicture', { ...(latest.current ?? lead), ...changes })}
          />
        </>
      ) : (
        <p className="lead-picture-empty">No lead picture yet. Drop one here, or choose a file.</p>
      )}
      <div className="picture-actions">
        <button type="button" disabled={!!adding} onClick={() => file.current?.click()}>
          {adding ? 'Adding…' : lead?.mediaId ? 'Replace image' : lead ? 'Attach image' : 'Choose lead picture'}
        </button>
        {lead && (
          <button type="button" onClick={() => set('leadPicture', null)}>
            Remove lead picture
          </button>
        )}
        <PictureFileInput inputRef={file} label="Lead picture file" onFile={(chosen) => void choose(chosen)} />
        <AddingProgress adding={adding} />
      </div>
      <PictureError error={error} />
    </section>
  )
}
