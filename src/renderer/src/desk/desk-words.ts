import type { DeskStatus } from '@shared/desk/contract'

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`

/**
 * The desk's state in words, honest about what waits: a change counts as waiting until the desk
 * has stored it, online or not.
 */
export function deskStateWords(status: DeskStatus): string {
  if (!status.joined) return 'Not on a desk'
  if (!status.signedIn) {
    return status.waiting
      ? `Signed out · ${changes(status.waiting)} wait here until you sign in again`
      : 'Signed out · shared stories readable here'
  }
  // The server's words may already say what to do ("… sign in again"): said once, not twice.
  if (status.refused) {
    const said = /sign in again\.?$/i.test(status.refused)
    return `The desk refused you: ${status.refused}${said ? '' : '. Sign in again'}`
  }
  if (status.workingOffline) {
    return status.waiting ? `Working offline · ${changes(status.waiting)} waiting` : 'Working offline · nothing waiting'
  }
  if (!status.online) {
    return status.waiting ? `Offline · ${changes(status.waiting)} waiting to go up` : 'Offline · nothing waiting'
  }
  return status.waiting ? `Online · ${changes(status.waiting)} going up` : 'Online · all changes on the desk'
}

/** What the live region announces: the connection itself, when it changes (not every count). */
export function deskConnectionWords(status: DeskStatus): string {
  if (!status.joined) return ''
  if (!status.signedIn) return 'Signed out of the desk'
  if (status.refused) return 'The desk refused you'
  if (status.workingOffline) return 'Working offline'
  return status.online ? 'Desk online' : 'Desk offline: changes wait until it is back'
}
