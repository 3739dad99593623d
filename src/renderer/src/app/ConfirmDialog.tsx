import { useId, type ReactNode } from 'react'
import { Modal } from '../export/Modal'

interface Props {
  title: string
  /** The button that does it, named for what it does ("Restore revision 3", "Spike story"). */
  confirm: string
  onConfirm: () => void
  onCancel: () => void
  busy?: boolean
  children: ReactNode
}

/**
 * Says what a destructive action will do before it is done: the editor reads it, then agrees or
 * cancels (Escape cancels too). The confirm button has the focus, so Enter agrees.
 */
export function ConfirmDialog({ title, confirm, onConfirm, onCancel, busy, children }: Props) {
  const titleId = useId()
  return (
    <Modal title={title} titleId={titleId} onClose={onCancel} className="confirm-dialog">
      <div className="confirm-body">{children}</div>
      <div className="confirm-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" autoFocus disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Modal>
  )
}
