import type { MouseEvent } from 'react'
import type { Focus } from '@shared/media'
import type { Picture } from '@shared/story'
import { PictureImage } from './PictureFields'

const CENTRE: Focus = { x: 0.5, y: 0.5 }
const percent = (fraction: number) => Math.round(fraction * 100)
const clamp = (value: number) => Math.min(1, Math.max(0, value))

/**
 * The lead picture with its focal point: click the part that matters (a face, the ball) and the
 * social card and any fixed-shape crop are centred there. The two sliders do the same from the
 * keyboard. The browser shows the picture upright, as the crops are cut, so a click's place is the
 * crop's centre as it is.
 */
export function FocusPicker({ picture, onChange }: { picture: Picture; onChange: (focus: Focus | undefined) => void }) {
  const focus = picture.focus ?? CENTRE
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const img = e.currentTarget.querySelector('img')
    if (!img) return
    const box = img.getBoundingClientRect()
    if (!box.width || !box.height) return
    onChange({
      x: Math.round(clamp((e.clientX - box.left) / box.width) * 1000) / 1000,
      y: Math.round(clamp((e.clientY - box.top) / box.height) * 1000) / 1000,
    })
  }
  const slider = (axis: 'x' | 'y', label: string) => (
    <label className="focus-slider">
      {label}
      <input
        type="range"
        min={0}
        max={100}
        step={1}
        value={percent(focus[axis])}
        aria-valuetext={`${percent(focus[axis])}%`}
        onChange={(e) => onChange({ ...focus, [axis]: Number(e.target.value) / 100 })}
      />
    </label>
  )
  return (
    <div className="focus-picker">
      {/* A click is a shortcut: the sliders below are the keyboard's way to the same place. */}
      <div
        className="picture-frame focus-frame"
        onClick={onClick}
        title="Click the part of the picture that matters most"
      >
        <span className="focus-area">
          <PictureImage picture={picture} />
          {picture.mediaId && (
            <span
              className="focus-mark"
              data-testid="focus-mark"
              style={{ left: `${focus.x * 100}%`, top: `${focus.y * 100}%` }}
              aria-hidden="true"
            />
          )}
        </span>
      </div>
      {picture.mediaId && (
        <fieldset className="focus-controls">
          <legend>Focal point (social card and crops are centred here)</legend>
          {slider('x', 'Across')}
          {slider('y', 'Down')}
          <button type="button" disabled={!picture.focus} onClick={() => onChange(undefined)}>
            Centre
          </button>
        </fieldset>
      )}
    </div>
  )
}
