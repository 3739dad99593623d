import { useState } from 'react'
import { invoke } from '../app/client'
import { libraryChanged } from '../app/library-events'
import { Modal } from '../export/Modal'
import { deskStateWords } from './desk-words'
import { setDeskStatus, useDeskStatus } from './desk-state'

/**
 * The Desk setting: the server's address and signing in. The password goes to main once and is
 * forgotten here as soon as it is sent; main keeps only the desk's token, which never comes back
 * to the window.
 */
export function DeskDialog({ onClose }: { onClose: () => void }) {
  const status = useDeskStatus()
  const [url, setUrl] = useState(status.url ?? '')
  const [name, setName] = useState(status.user ?? '')
  const [password, setPassword] = useState('')
  const [allowInsecure, setAllowInsecure] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)

  const run = async (what: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await what()
    } catch (e) {
      setProblem((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const signIn = () =>
    run(async () => {
      const sent = password
      setPassword('')
      setDeskStatus(await invoke('desk:join', { url, name, password: sent, allowInsecure }))
      setNote(`Signed in. Stories shared on the desk will appear in the library.`)
      libraryChanged.emit()
    })
  const switchOnline = () =>
    run(async () => {
      setDeskStatus(await invoke('desk:online', { online: status.workingOffline || !status.online }))
    })
  // Sign out: the desk forgets this sign-in. Changes still waiting are never dropped: the first
  // press says how many and offers to wait (Sync now) or to sign out anyway (they stay here).
  const [waitingAtSignOut, setWaitingAtSignOut] = useState<number | null>(null)
  const signOut = (anyway: boolean) =>
    run(async () => {
      try {
        const outcome = await invoke('desk:sign-out', { anyway })
        setDeskStatus(outcome.status)
        setWaitingAtSignOut(null)
        setNote(
          `Signed out. Shared stories stay readable and editable in this library${outcome.waiting ? `; ${outcome.waiting} waiting ${outcome.waiting === 1 ? 'change goes' : 'changes go'} up when you sign in again` : ''}.`,
        )
        libraryChanged.emit()
      } catch (e) {
        if ((e as { code?: string }).code !== 'conflict') throw e
        const now = await invoke('desk:status', {})
        setDeskStatus(now)
        setWaitingAtSignOut(Math.max(now.waiting, 1))
      }
    })
  const syncNow = () =>
    run(async () => {
      const { changed } = await invoke('desk:sync', {})
      setNote(
        changed ? `${changed} ${changed === 1 ? 'story' : 'stories'} brought up to date.` : 'Nothing new on the desk.',
      )
      libraryChanged.emit()
    })

  return (
    <Modal title="Desk" titleId="desk-dialog-title" onClose={onClose} className="desk-dialog">
      {status.joined && (
        <section aria-labelledby="desk-now" className="desk-now">
          <h3 id="desk-now">This library’s desk</h3>
          <p>
            {status.signedIn ? 'Signed in as' : 'Signed out; was'} <strong>{status.user}</strong> on the{' '}
            <strong>{status.desk}</strong> desk at {status.url}
          </p>
          <p>{deskStateWords(status)}</p>
          <div className="dialog-buttons">
            <button type="button" disabled={busy} onClick={() => void switchOnline()}>
              {status.workingOffline ? 'Go online' : 'Work offline'}
            </button>
            <button type="button" disabled={busy || !status.online} onClick={() => void syncNow()}>
              Sync now
            </button>
            {status.signedIn && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void signOut(false)}
                aria-describedby="desk-sign-out-hint"
              >
                Sign out
              </button>
            )}
          </div>
          {status.signedIn && (
            <small id="desk-sign-out-hint">
              The desk forgets this sign-in; shared stories stay readable here, and your changes wait here until you
              sign in again.
            </small>
          )}
          {waitingAtSignOut !== null && (
            <div role="alert" className="banner banner-error">
              <p>
                {waitingAtSignOut} {waitingAtSignOut === 1 ? 'change' : 'changes'} of yours{' '}
                {waitingAtSignOut === 1 ? 'has' : 'have'} not reached the desk yet. Wait for{' '}
                {waitingAtSignOut === 1 ? 'it' : 'them'} to go up, or sign out now: they stay in this library and go up
                when you sign in again.
              </p>
              <div className="dialog-buttons">
                <button type="button" disabled={busy} onClick={() => setWaitingAtSignOut(null)}>
                  Wait
                </button>
                <button type="button" disabled={busy} onClick={() => void signOut(true)}>
                  Sign out anyway
                </button>
              </div>
            </div>
          )}
        </section>
      )}
      <form
        className="export-form"
        aria-labelledby="desk-sign-in"
        onSubmit={(e) => {
          e.preventDefault()
          void signIn()
        }}
      >
        <h3 id="desk-sign-in">{status.joined ? 'Sign in again' : 'Sign in to a desk'}</h3>
        <label>
          Server address
          <input
            type="url"
            required
            value={url}
            placeholder="https://desk.example.org"
            onChange={(e) => setUrl(e.target.value)}
            aria-describedby="desk-url-hint"
          />
        </label>
        <small id="desk-url-hint">Your newsroom’s desk server (ask the desk head).</small>
        <label>
          Desk user name
          <input required autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="desk-password-hint"
          />
        </label>
        <small id="desk-password-hint">Used once to sign in; Copydesk keeps a sign-in token, not the password.</small>
        <label className="export-publish">
          <input type="checkbox" checked={allowInsecure} onChange={(e) => setAllowInsecure(e.target.checked)} />
          Allow an unencrypted connection to another machine (only on a network you trust)
        </label>
        {problem && (
          <p className="banner banner-error" role="alert">
            {problem}
          </p>
        )}
        {note && !problem && <p role="status">{note}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Sign in
          </button>
        </div>
      </form>
    </Modal>
  )
}
