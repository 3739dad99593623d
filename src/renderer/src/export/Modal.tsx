import { useEffect, useRef, type ReactNode } from 'react'
import { useDialogFocus } from '../app/useDialogFocus'

interface Props {
  title: string
  titleId: string
  onClose: () => void
  className?: string
  children: ReactNode
}

/**
 * A native modal <dialog>: focus moves in and stays in (Tab goes round), Escape closes it, the
 * page behind is inert, and focus returns to what opened it when it closes.
 */
export function Modal({ title, titleId, onClose, className, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  useDialogFocus(ref)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  )
}
