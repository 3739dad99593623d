import { useState } from 'react'
import type { Override } from '@shared/preflight'
import type { StoryId } from '@shared/story'
import { Modal } from '../export/Modal'
import { PreflightList } from './PreflightList'
import { usePreflight } from './usePreflight'

interface Props {
  id: StoryId
  publish: (override: Override | null) => Promise<unknown>
  onClose: () => void
}

/** Setting the status "published": the preflight first, as export shows it. */
export function PublishDialog({ id, publish, onClose }: Props) {
  const { items, error } = usePreflight(id)
  const [override, setOverride] = useState<Override | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const held = (items ?? []).some((i) => i.level === 'blocking')
  const go = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await publish(held ? override : null)
      onClose()
    } catch (e) {
      setFailure((e as Error).message)
      setBusy(false)
    }
  }
  return (
    <Modal title="Mark as published" titleId="publish-title" onClose={onClose} className="publish-dialog">
      {!items && !error && <p>Running the preflight…</p>}
      {error && (
        <p className="banner banner-error" role="alert">
          The preflight could not run: {error}
        </p>
      )}
      {items && <PreflightList items={items} onOverride={setOverride} />}
      {failure && (
        <p className="banner banner-error" role="alert">
          {failure}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !items || (held && !override)}
          onClick={() => void go()}
        >
          {held ? 'Publish anyway' : 'Mark published'}
        </button>
      </div>
    </Modal>
  )
}
