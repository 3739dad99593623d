import { useState } from 'react'
import type { Override, PreflightItem } from '@shared/preflight'

interface Props {
  items: readonly PreflightItem[]
  /** The override as the editor types it; null while no reason is given. */
  onOverride: (override: Override | null) => void
}

/**
 * The publish preflight as export and "published" show it: blocking items first, each named; then
 * the warnings behind one click. While anything blocks, a reason (and, for a kill, the desk head's
 * name) is asked for; the history keeps both.
 */
export function PreflightList({ items, onOverride }: Props) {
  const blocking = items.filter((i) => i.level === 'blocking')
  const warnings = items.filter((i) => i.level === 'warning')
  const needsDeskHead = blocking.some((i) => i.deskHead)
  const [reason, setReason] = useState('')
  const [deskHead, setDeskHead] = useState('')
  const update = (nextReason: string, nextHead: string) => {
    setReason(nextReason)
    setDeskHead(nextHead)
    const ok = nextReason.trim().length >= 5 && (!needsDeskHead || nextHead.trim().length > 0)
    onOverride(ok ? { reason: nextReason.trim(), ...(nextHead.trim() ? { deskHead: nextHead.trim() } : {}) } : null)
  }
  return (
    <section className="preflight" aria-label="Preflight">
      {!items.length && <p className="preflight-clear">Preflight: nothing holds this story.</p>}
      {blocking.length > 0 && (
        <>
          <p className="preflight-held" role="alert">
            Held by {blocking.length} {blocking.length === 1 ? 'item' : 'items'}: fix{' '}
            {blocking.length === 1 ? 'it' : 'them'} or give a reason to go anyway.
          </p>
          <ul className="preflight-blocking" aria-label="Blocking">
            {blocking.map((item, i) => (
              <li key={`${item.rule}-${i}`} data-rule={item.rule}>
                {item.message}
              </li>
            ))}
          </ul>
          <label className="preflight-reason">
            Reason to go anyway (kept in the history)
            <textarea value={reason} rows={2} onChange={(e) => update(e.target.value, deskHead)} />
          </label>
          {needsDeskHead && (
            <label className="preflight-desk-head">
              Desk head who allows it
              <input value={deskHead} onChange={(e) => update(reason, e.target.value)} />
            </label>
          )}
        </>
      )}
      {warnings.length > 0 && (
        <details className="preflight-warnings">
          <summary>
            {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'} worth a look
          </summary>
          <ul aria-label="Warnings">
            {warnings.map((item, i) => (
              <li key={`${item.rule}-${i}`} data-rule={item.rule}>
                {item.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
