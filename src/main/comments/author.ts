import { userInfo } from 'node:os'
import { MAX_COMMENT_AUTHOR } from '../../shared/limits'

/**
 * Who a comment is from when the editor has not said: the computer's user name. Copydesk has no
 * sign-in of its own (the shared desk's accounts are for the desk server), and the user name is
 * what the machine already knows; the Notes panel lets the editor write their own name instead.
 */
export function commentAuthor(): string {
  let name = ''
  try {
    name = userInfo().username
  } catch {
    // No user entry (a container, some service accounts): fall back to the environment.
    name = process.env.USER ?? process.env.USERNAME ?? ''
  }
  return name.trim().slice(0, MAX_COMMENT_AUTHOR) || 'Desk'
}
